package index

import (
	"slices"
	"testing"
)

func TestQuestionEvidence(t *testing.T) {
	tests := []struct {
		q, want string
		figure  bool
	}{
		{"Wer gewann den Super Bowl 50?", "    gewann den Super Bowl 50?", false},
		{"Wie viele Punkte gab die Verteidigung ab?", "          Punkte     die Verteidigung ab?", true},
		{"Wieviel kostete das Stadion?", "        kostete das Stadion?", true},
		// "Wie lautet X" asks what X is, as "Wie heißt X" does.
		{"Wie lautet der Name des Flusses?", "           der Name des Flusses?", false},
		// "viele" in a claim is dropped too, but asks for no figure.
		{"Viele Soldaten wurden verletzt", "      Soldaten        verletzt", false},
		// Only function words: the query is left as typed.
		{"Wer war es?", "Wer war es?", false},
		// Parts of hyphenated words stay.
		{"Was-wäre-wenn Szenario", "Was-wäre-wenn Szenario", false},
		{"100.000 Soldaten", "100.000 Soldaten", false},
	}
	for _, tt := range tests {
		got, figure := questionEvidence(tt.q)
		if got != tt.want || figure != tt.figure {
			t.Errorf("questionEvidence(%q) = %q, %v; want %q, %v", tt.q, got, figure, tt.want, tt.figure)
		}
	}
}

// TestQuestionWordsAreNoEvidence: a passage that shares only the question
// words with a question does not outrank the one that shares its topic, and
// "wie viele" prefers the passage that states a figure.
func TestQuestionWordsAreNoEvidence(t *testing.T) {
	ix := indexOf(t,
		testArticle("frage", "Wer wurde gewählt, wann wurde gewählt, und wer gibt es zu?"),
		testArticle("thema", "Die Bürgermeisterin von Kassel stellte sich der Wahl."),
		testArticle("zahl",
			"Im Stadtrat von Kassel sitzen Abgeordnete.",
			"Im Stadtrat von Kassel sitzen nach der letzten Wahl 71 Abgeordnete aus sieben Parteien."),
	)
	if ids := hitIDs(t, ix, "Wer wurde Bürgermeisterin von Kassel?", 1); len(ids) == 0 || ids[0] != "thema#1" {
		t.Errorf("Wer wurde Bürgermeisterin von Kassel? first hit %v, want thema#1", ids)
	}
	// The shorter passage without the figure wins on BM25 alone.
	const howMany = "Wie viele Abgeordnete sitzen im Stadtrat von Kassel?"
	saved := boostFigure
	boostFigure = 0
	ids := hitIDs(t, ix, howMany, 1)
	boostFigure = saved
	if len(ids) == 0 || ids[0] != "zahl#1" {
		t.Fatalf("without the figure clause: first hit %v, want zahl#1 (the test no longer shows what the clause does)", ids)
	}
	if ids := hitIDs(t, ix, howMany, 1); len(ids) == 0 || ids[0] != "zahl#2" {
		t.Errorf("%s first hit %v, want zahl#2 (the passage with the figure)", howMany, ids)
	}
}

// TestGenitiveFindsBase: a name typed in the genitive finds the passage
// that has it in the nominative, even where another passage has the
// genitive.
func TestGenitiveFindsBase(t *testing.T) {
	ix := indexOf(t,
		testArticle("nominativ", "Warschau hatte 1901 mehr als 700.000 Einwohner."),
		testArticle("genitiv", "Die Altstadt Warschaus wurde wieder aufgebaut, wie viele Bauten im Jahr danach."),
		// The same sentence of another city, so that only the base form
		// sets the Warschau sentence apart; without it the genitive
		// passage comes first.
		testArticle("anders", "Krakau hatte 1901 mehr als 700.000 Einwohner."),
	)
	const q = "Wie viele Einwohner hatte Warschaus Altstadt 1901?"
	if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != "nominativ#1" {
		t.Errorf("%s first hit %v, want nominativ#1", q, ids)
	}
}

// TestAdjectiveFindsNoun: an -isch adjective finds the name it is made
// from ("schottische": Schottland, "hugenottischen": Hugenotten).
func TestAdjectiveFindsNoun(t *testing.T) {
	ix := indexOf(t,
		testArticle("schottland", "In Schottland stimmten die Abgeordnete im Parlament von Edinburgh ab."),
		testArticle("wales", "Abgeordnete in Wales stimmten ab."),
		testArticle("hugenotten", "Viele Siedler in Amerika stammten von den Hugenotten ab, wie Familien berichten."),
		testArticle("siedler", "Siedler in Amerika bauten Häuser."),
	)
	for q, want := range map[string]string{
		"Wie stimmten schottische Abgeordnete ab?": "schottland#1",
		"Wo lebten hugenottische Siedler?":         "hugenotten#1",
	} {
		if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != want {
			t.Errorf("%s first hit %v, want %s", q, ids, want)
		}
	}
}

// TestVerbFindsItsForms: a question's verb finds the passage that has
// another form of it, which the light stemmer keeps apart and which is too
// far from it for the spelling field's fuzzy match: the noun in -ung for
// the participle and the other way round, the participle for the bare
// stem's noun ("gebaut": Bau).
func TestVerbFindsItsForms(t *testing.T) {
	ix := indexOf(t,
		testArticle("foerderung", "Die Förderung der Schule in Kassel übernahm die Stadt."),
		testArticle("schule", "Die Schule in Kassel ist alt."),
		testArticle("eroeffnet", "Der Bahnhof in Lübeck wurde im Jahr 1908 eröffnet."),
		testArticle("bahnhof", "Der Bahnhof in Lübeck wurde im Jahr 1908 verkauft."),
		testArticle("bau", "Der Bau der Brücke über die Weser dauerte drei Jahre."),
		testArticle("bruecke", "Die Brücke über die Weser ist rot."),
	)
	cases := map[string]string{
		"Wer hat die Schule in Kassel gefördert?":        "foerderung#1",
		"Wann war die Eröffnung des Bahnhofs in Lübeck?": "eroeffnet#1",
		"Wann wurde die Brücke über die Weser gebaut?":   "bau#1",
	}
	// Without the forms the other passage, which has every other word,
	// comes first: otherwise the test would not show what the forms do.
	saved := boostVerbForm
	boostVerbForm = 0
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) > 0 && ids[0] == want {
			t.Errorf("without verb forms %s already finds %s first", q, want)
		}
	}
	boostVerbForm = saved
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != want {
			t.Errorf("%s first hit %v, want %s", q, ids, want)
		}
	}
}

// TestStrongVerbFindsItsForms: a strong verb's other forms, with another
// stem vowel ("umgibt": umgeben, "gefunden": fand), and the -ung noun of
// its infinitive ("geschlossen": Schließung) find the passage that has
// them, where another passage has every other word of the question.
func TestStrongVerbFindsItsForms(t *testing.T) {
	requireGerman(t)
	ix := indexOf(t,
		testArticle("mauer", "Eine hohe Mauer umgibt seit dem Mittelalter die Burg in Kassel."),
		testArticle("huegel", "Die Burg in Kassel steht auf einem Hügel."),
		testArticle("fischer", "Ein Fischer fand den Schatz am Strand von Rügen."),
		testArticle("gold", "Der Schatz am Strand von Rügen ist aus Gold."),
		testArticle("schliessung", "Die Schließung des Werks in Bremen kam überraschend."),
		testArticle("autos", "Das Werk in Bremen baut Autos."),
	)
	cases := map[string]string{
		"Wovon ist die Burg in Kassel umgeben?":            "mauer#1",
		"Wer hat den Schatz am Strand von Rügen gefunden?": "fischer#1",
		"Wann wurde das Werk in Bremen geschlossen?":       "schliessung#1",
	}
	saved := boostStrongForm
	boostStrongForm = 0
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) > 0 && ids[0] == want {
			t.Errorf("without strong forms %s already finds %s first", q, want)
		}
	}
	boostStrongForm = saved
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != want {
			t.Errorf("%s first hit %v, want %s", q, ids, want)
		}
	}
	// The other way round: the noun finds the participle.
	m := ix.cur.Mapping()
	known := &termChecker{idx: ix.cur}
	defer known.close()
	var got []string
	for _, c := range strongForms(m, known, "Umgebung") {
		got = append(got, c.term)
	}
	if want := analyse(m, analyzerText, "umgibt")[0]; !slices.Contains(got, want) {
		t.Errorf("strongForms(Umgebung) = %v, want %q among them", got, want)
	}
}

func TestVerbForms(t *testing.T) {
	ix := indexOf(t, testArticle("a", "Sie wollen das verhindern. Die Förderung, der Bau und die Einbürgerung. Die Stadt wurde gegründet, der Bahnhof eröffnet. Die Multiplikation und die Isolation. Sie haben es klassifiziert und reserviert."))
	m := ix.cur.Mapping()
	known := &termChecker{idx: ix.cur}
	defer known.close()
	for word, want := range map[string]string{
		"verhindert":   analyse(m, analyzerText, "verhindern")[0],
		"gefördert":    analyse(m, analyzerText, "Förderung")[0],
		"gebaut":       analyse(m, analyzerText, "Bau")[0],
		"eingebürgert": analyse(m, analyzerText, "Einbürgerung")[0],
		"Gründung":     analyse(m, analyzerText, "gegründet")[0],
		"Eröffnung":    analyse(m, analyzerText, "eröffnet")[0],
		// -ieren verbs and their nouns in -ation, -izieren in -ikation.
		"multipliziert":  analyse(m, analyzerText, "Multiplikation")[0],
		"isolierten":     analyse(m, analyzerText, "Isolation")[0],
		"Klassifikation": analyse(m, analyzerText, "klassifiziert")[0],
		"Reservationen":  analyse(m, analyzerText, "reserviert")[0],
	} {
		var got []string
		for _, c := range verbForms(m, known, word) {
			got = append(got, c.term)
		}
		if !slices.Contains(got, want) {
			t.Errorf("verbForms(%q) = %v, want %q among them", word, got, want)
		}
	}
	// A noun that is no -ung noun, and an adjective whose cut stem is no
	// verb of the passages, find nothing.
	for _, word := range []string{"Stadt", "wichtigen"} {
		if got := verbForms(m, known, word); len(got) != 0 {
			t.Errorf("verbForms(%q) = %v, want none", word, got)
		}
	}
}

// TestSuffixNounFindsBase: a noun in -heit or -schaft finds the passage
// that has only the word it is made from. (The article IDs are the titles'
// words: none of them is a query word.)
func TestSuffixNounFindsBase(t *testing.T) {
	ix := indexOf(t,
		testArticle("basis", "Wer Sport treibt, bleibt in Kassel länger gesund."),
		testArticle("andere", "Sport in Kassel ist bei vielen Leuten beliebt."),
		testArticle("stimmen", "Die Wähler in Bremen stimmten für den Antrag."),
		testArticle("viele", "In Bremen stimmten viele ab."),
	)
	cases := map[string]string{
		"Wie fördert Sport die Gesundheit in Kassel?": "basis#1",
		"Wie stimmte die Wählerschaft in Bremen?":     "stimmen#1",
	}
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != want {
			t.Errorf("%s first hit %v, want %s", q, ids, want)
		}
	}
	m := ix.cur.Mapping()
	known := &termChecker{idx: ix.cur}
	defer known.close()
	// Without the base in the passages there is nothing to add.
	if got := suffixBase(m, known, "Freiheit"); len(got) != 0 {
		t.Errorf("suffixBase(Freiheit) = %v, want none", got)
	}
	if got := suffixBase(m, known, "Gesundheit"); len(got) != 1 || got[0].term != analyse(m, analyzerText, "gesund")[0] {
		t.Errorf("suffixBase(Gesundheit) = %v, want gesund", got)
	}
}

// TestDegreeForms: the superlative finds its positive and the positive its
// superlatives, where the passages have them and the light stemmer keeps
// them apart: it cuts -st after most consonants and -est ("schönsten",
// "ältesten"), not after r, s or ß ("schwerste", "größte").
func TestDegreeForms(t *testing.T) {
	ix := indexOf(t, testArticle("a", "Die Last ist schwer, die Brücke groß. Der größte Turm trägt die schwersten Glocken der ältesten Stadt."))
	m := ix.cur.Mapping()
	known := &termChecker{idx: ix.cur}
	defer known.close()
	for word, want := range map[string]string{
		"groß":      analyse(m, analyzerText, "größte")[0],
		"schwerste": analyse(m, analyzerText, "schwer")[0],
		"schwer":    analyse(m, analyzerText, "schwersten")[0],
	} {
		var got []string
		for _, c := range degreeForms(m, known, word) {
			got = append(got, c.term)
		}
		if !slices.Contains(got, want) {
			t.Errorf("degreeForms(%q) = %v, want %q among them", word, got, want)
		}
	}
	// Nouns; a superlative the stemmer joins with its positive already
	// ("ältesten": alt) or verbForms does ("größten": groß); a word whose
	// cut stem is too short to be an adjective; a positive the passages
	// lack.
	for _, word := range []string{"Turm", "Last", "ältesten", "alt", "größten", "erste", "kosten", "höchstens"} {
		if got := degreeForms(m, known, word); len(got) != 0 {
			t.Errorf("degreeForms(%q) = %v, want none", word, got)
		}
	}
}

func TestDegreeFindsOtherDegree(t *testing.T) {
	ix := indexOf(t,
		testArticle("kirche", "Der Dom in Köln ist die größte Kirche am Rhein und hat zwei Türme."),
		testArticle("stein", "Der Dom in Köln ist aus Stein."),
		testArticle("werft", "Der Kran im Hafen von Hamburg ist schwer und hebt ganze Schiffe."),
		testArticle("fluss", "Der Kran im Hafen von Hamburg ist neu."),
	)
	cases := map[string]string{
		"Wie groß ist der Dom in Köln?":                        "kirche#1",
		"Welcher ist der schwerste Kran im Hafen von Hamburg?": "werft#1",
	}
	saved := boostDegree
	boostDegree = 0
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) > 0 && ids[0] == want {
			t.Errorf("without degree forms %s already finds %s first", q, want)
		}
	}
	boostDegree = saved
	for q, want := range cases {
		if ids := hitIDs(t, ix, q, 1); len(ids) == 0 || ids[0] != want {
			t.Errorf("%s first hit %v, want %s", q, ids, want)
		}
	}
}
