package claims

// Kind is how a new claim relates to an earlier one.
type Kind string

// The kinds of Compare, in the order of the decision list.
const (
	// KindConflict: the same thing at the same time, figures that exclude
	// each other.
	KindConflict Kind = "conflict"
	// KindDenial: one side denies what the other reports.
	KindDenial Kind = "denial"
	// KindRetraction: a plan, offer, announcement or event taken back.
	KindRetraction Kind = "retraction"
	// KindUpdate: a later state of the same thing, or a correction.
	KindUpdate Kind = "update"
	// KindCompatible: the same thing, and the claims agree.
	KindCompatible Kind = "compatible"
	// KindUnrelated: not the same thing.
	KindUnrelated Kind = "unrelated"
)

// Kinds lists every kind, alerting kinds first.
var Kinds = []Kind{KindConflict, KindDenial, KindRetraction, KindUpdate, KindCompatible, KindUnrelated}

// Alerts reports whether moderators are alerted to the kind: a
// contradiction (conflict, denial, retraction). Updates are shown in
// timelines and on the command line, not posted.
func (k Kind) Alerts() bool {
	return k == KindConflict || k == KindDenial || k == KindRetraction
}

// Notable reports whether the kind is worth showing at all: the alerting
// kinds and updates.
func (k Kind) Notable() bool { return k.Alerts() || k == KindUpdate }

// Severity is how sure the comparison is.
type Severity string

// Severities, most sure first.
const (
	SeverityHigh   Severity = "high"
	SeverityMedium Severity = "medium"
	SeverityLow    Severity = "low"
)

func (s Severity) rank() int {
	switch s {
	case SeverityHigh:
		return 3
	case SeverityMedium:
		return 2
	case SeverityLow:
		return 1
	}
	return 0
}

func severityOf(level int) Severity {
	switch {
	case level >= 3:
		return SeverityHigh
	case level == 2:
		return SeverityMedium
	}
	return SeverityLow
}

// Mode is what kind of statement a claim makes.
type Mode string

// Modes.
const (
	ModeReport       Mode = "report"       // what happened or is
	ModePlan         Mode = "plan"         // an intention: "will", "plant", "soll … werden"
	ModeAnnouncement Mode = "announcement" // announced or promised: "kündigte an", "versprach", "bietet an"
	ModeForecast     Mode = "forecast"     // expected: "erwartet", "rechnet mit", "voraussichtlich"
)

// intention reports modes that a retraction can take back.
func (m Mode) intention() bool { return m == ModePlan || m == ModeAnnouncement }

// Stance is what a claim does with its content.
type Stance string

// Stances.
const (
	StanceAssert  Stance = ""           // states it (or, negated, states it did not happen)
	StanceDeny    Stance = "denial"     // "bestreitet", "dementiert", "weist zurück", "es gebe keine"
	StanceRetract Stance = "retraction" // "abgesagt", "zurückgenommen", "verzichtet auf", "auf Eis gelegt"
)
