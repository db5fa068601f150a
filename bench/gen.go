package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Paragraph and article shape of the generated corpus, after the seeds.
const (
	minParaRunes = 200
	maxParaRunes = 600
	minParas     = 5
	maxParas     = 12
)

// GenOptions configure Generate.
type GenOptions struct {
	Articles int
	Seed     uint64
	// Out is the directory the article files are written to (created).
	Out string
}

// GenReport describes a generated corpus; Generate writes it as
// claimbench.json beside the articles so a later run can tell whether the
// corpus on disk is the one it asks for.
type GenReport struct {
	Articles    int           `json:"articles"`
	Seed        uint64        `json:"seed"`
	Prose       string        `json:"prose"`
	Fingerprint string        `json:"fingerprint"`
	Bytes       int64         `json:"bytes"`
	Took        time.Duration `json:"took_ns"`
	Version     int           `json:"version"`
}

// genVersion changes whenever the generator's output for a seed changes.
const genVersion = 1

// ManifestName is the generator's record in the output directory.
const ManifestName = "claimbench.json"

// ReadGenReport returns the manifest of a generated corpus directory.
func ReadGenReport(dir string) (GenReport, error) {
	var r GenReport
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return r, err
	}
	err = json.Unmarshal(data, &r)
	return r, err
}

// Matches reports whether the manifest describes the corpus opts and prose
// would generate.
func (r GenReport) Matches(opts GenOptions, p *Prose) bool {
	return r.Version == genVersion && r.Articles == opts.Articles && r.Seed == opts.Seed && r.Fingerprint == p.Fingerprint
}

// Generate writes opts.Articles article files into opts.Out. Article i is a
// function of (seed, i, prose) only, so the corpus is the same whatever the
// number of workers, and the first 1,000 articles of a 100,000 corpus are
// the 1,000 corpus.
func Generate(ctx context.Context, opts GenOptions, prose *Prose) (GenReport, error) {
	start := time.Now()
	if opts.Articles <= 0 {
		return GenReport{}, fmt.Errorf("--articles must be positive, got %d", opts.Articles)
	}
	if prose == nil || len(prose.Sentences) == 0 {
		return GenReport{}, fmt.Errorf("no prose to generate from")
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return GenReport{}, err
	}
	_ = os.Remove(filepath.Join(opts.Out, ManifestName))
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		total int64
	)
	next := make(chan int, 256)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int64
			for i := range next {
				name, data := GenerateArticle(opts.Seed, i, prose)
				if err := os.WriteFile(filepath.Join(opts.Out, name), data, 0o644); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
				n += int64(len(data))
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	for i := 0; i < opts.Articles && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return GenReport{}, err
	}
	if first != nil {
		return GenReport{}, first
	}
	rep := GenReport{Articles: opts.Articles, Seed: opts.Seed, Prose: prose.Origin, Fingerprint: prose.Fingerprint,
		Bytes: total, Took: time.Since(start), Version: genVersion}
	data, _ := json.MarshalIndent(rep, "", "  ")
	return rep, os.WriteFile(filepath.Join(opts.Out, ManifestName), data, 0o644)
}

// GenerateArticle returns the file name and content of article i.
func GenerateArticle(seed uint64, i int, prose *Prose) (string, []byte) {
	r := rand.New(rand.NewPCG(seed, uint64(i)*0x9E3779B97F4A7C15+1))
	g := writer{r: r, prose: prose.Sentences, topic: pickTopic(r)}
	var b strings.Builder
	b.WriteString(g.headline())
	b.WriteString("\n\n")
	when := time.Date(2022, 1, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(4*365*24*60)) * time.Minute)
	b.WriteString(when.Format("02.01.2006 15:04"))
	b.WriteString("\n\n")
	if r.IntN(10) < 4 {
		b.WriteString("Von: " + pick(r, authors) + "\n\n")
	}
	paras := minParas + r.IntN(maxParas-minParas+1)
	for p := 0; p < paras; p++ {
		if p > 0 && r.IntN(10) < 2 {
			b.WriteString(g.heading())
			b.WriteString("\n\n")
		}
		b.WriteString(g.paragraph(p == 0))
		b.WriteString("\n\n")
	}
	h := fnv.New64a()
	h.Write([]byte(b.String()))
	name := fmt.Sprintf("gen%06d_%016x.txt", i, h.Sum64())
	return name, []byte(b.String())
}

type topic struct {
	weight  int
	actors  []string
	places  []string
	nouns   []string // counted things
	outlets []string
}

// topics: the first carries the seeds' names, places, figures and outlets,
// weighted so that a large corpus holds many near-misses for the seed
// queries; the others give the term statistics of a general news mix.
var topics = []topic{
	{3,
		[]string{"Kim Jong-un", "Wladimir Putin", "Sergei Schoigu", "Igor Korotchenko", "Joe Biden", "Wolodymyr Selenskyj", "Dmitri Peskow", "Kremlchef Putin"},
		[]string{"Nordkorea", "Russland", "Kursk", "Pjöngjang", "Moskau", "Kiew", "Charkiw", "Belgorod", "Saporischschja", "Cherson", "Ostukraine", "Seoul"},
		[]string{"Soldaten", "Arbeiter", "Minenräumer", "Raketen", "Drohnen", "Freiwillige", "Artilleriegeschosse", "Kampftruppen", "Munitionsstücke", "Reservisten"},
		[]string{"Bloomberg", "Regnum", "Daily NK", "dpa", "Reuters", "AFP", "Tass", "Yonhap", "Kyiv Independent", "New York Post"},
	},
	{2,
		[]string{"Christian Lindner", "Olaf Scholz", "Robert Habeck", "Joachim Nagel", "Isabel Schnabel", "Friedrich Merz"},
		[]string{"Deutschland", "Bayern", "Sachsen", "Nordrhein-Westfalen", "Frankfurt", "Hamburg", "Brüssel"},
		[]string{"Arbeitsplätze", "Insolvenzen", "Wohnungen", "Beschäftigte", "Euro Schulden", "Firmen", "Ausbildungsplätze"},
		[]string{"Destatis", "Ifo", "Reuters", "Handelsblatt", "Bundesbank", "Eurostat", "DIW"},
	},
	{1,
		[]string{"Karl Lauterbach", "Christian Drosten", "Gerald Gaß", "Klaus Reinhardt"},
		[]string{"Berlin", "Niedersachsen", "Hessen", "Thüringen", "Bremen"},
		[]string{"Patienten", "Krankenhäuser", "Pflegekräfte", "Impfdosen", "Neuinfektionen", "Klinikbetten"},
		[]string{"RKI", "Ärzteblatt", "DKG", "dpa", "Spiegel", "AOK"},
	},
	{1,
		[]string{"Nancy Faeser", "Alexander Dobrindt", "Annalena Baerbock", "Ursula von der Leyen"},
		[]string{"Deutschland", "Griechenland", "Italien", "Lampedusa", "Polen", "Österreich"},
		[]string{"Asylanträge", "Flüchtlinge", "Abschiebungen", "Einbürgerungen", "Grenzübertritte"},
		[]string{"BAMF", "Bundespolizei", "Frontex", "UNHCR", "Mediendienst Integration", "Focus"},
	},
	{1,
		[]string{"Steffi Lemke", "Luisa Neubauer", "Ottmar Edenhofer", "Klaus Müller"},
		[]string{"Brandenburg", "der Nordsee", "Schleswig-Holstein", "Baden-Württemberg", "den Alpen"},
		[]string{"Tonnen CO2", "Windräder", "Hektar Wald", "Wärmepumpen", "Solaranlagen", "Gigawatt"},
		[]string{"Umweltbundesamt", "DWD", "PIK", "Bundesnetzagentur", "Greenpeace", "taz"},
	},
}

var authors = []string{
	"Ares Abasi", "Lena Hoffmann", "Markus Weber", "Julia Schneider", "Tobias Krüger", "Sabine Wolff",
	"Jonas Becker", "Miriam Özdemir", "Peter Schulz", "Anna Lehmann", "Frank Zimmermann", "Katrin Vogel",
}

var weekdays = []string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"}

// claimTemplates: A actor, F figure (FN a plain number), N counted noun, P place, C a citation
// clause, O an outlet.
var claimTemplates = []string{
	"{A} kündigte an, {F} {N} nach {P} zu schicken, {C}.",
	"Laut {O} befinden sich derzeit {F} {N} in {P}.",
	"{O} zufolge könnten bis zu {FN} {N} in {P} eingesetzt werden.",
	"Nach Angaben von {O} wurden seit Jahresbeginn {F} {N} in {P} gezählt.",
	"{A} bestätigte laut {O}, dass {F} {N} in {P} bereitstehen.",
	"Wie {O} berichtet, bestreitet {A}, dass {F} {N} nach {P} geschickt wurden.",
	"{A} sprach am {W} von {F} {N}, während {O} nur {F2} {N} meldet.",
	"Die Zahl der {N} in {P} ist nach Angaben von {O} auf {F} gestiegen.",
	"{A} erklärte am {W}, in {P} seien nicht mehr als {FN} {N} eingesetzt worden, {C}.",
	"In {P} sollen inzwischen {F} {N} eingetroffen sein, {C}.",
	"Bisher war von {F2} {N} die Rede; {O} nennt nun {F}.",
}

var citeTemplates = []string{"wie {O} berichtet", "laut {O}", "{O} zufolge", "nach Angaben von {O}", "berichtet {O}"}

var headlineTemplates = []string{
	"{A}: {F} {N} für {P}?",
	"{A} schickt {F} {N} nach {P}",
	"Streit um {F} {N} in {P}",
	"{N} in {P} – {O} meldet {F}",
	"Bericht: {F} {N} in {P} – {A} widerspricht",
}

var headingTemplates = []string{
	"{A} unter Druck", "Wie viele {N} sind es wirklich", "Reaktionen aus {P}", "Die Lage in {P}", "{O} widerspricht {A}",
}

func pickTopic(r *rand.Rand) topic {
	total := 0
	for _, t := range topics {
		total += t.weight
	}
	n := r.IntN(total)
	for _, t := range topics {
		if n < t.weight {
			return t
		}
		n -= t.weight
	}
	return topics[0]
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

type writer struct {
	r     *rand.Rand
	prose []string
	topic topic
}

// figure is a number as German news write it: "15.000", "1,3 Millionen",
// "300 – 500", "mehr als 10.000".
func (g writer) figure() string {
	r := g.r
	base := []int{1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 120, 150, 200, 300, 400, 500, 600, 800}
	n := base[r.IntN(len(base))]
	switch r.IntN(8) {
	case 0:
		return fmt.Sprintf("%d,%d Millionen", 1+r.IntN(9), 1+r.IntN(9))
	case 1:
		return fmt.Sprintf("%s – %s", germanInt(n*10), germanInt(n*10+n*5))
	case 2:
		return "mehr als " + germanInt(n*1000)
	case 3:
		return "etwa " + germanInt(n*100)
	default:
		return germanInt(n * []int{1, 10, 100, 1000}[r.IntN(4)])
	}
}

// number is a plain figure without qualifier, for templates that already
// say "bis zu" or "nicht mehr als".
func (g writer) number() string {
	return germanInt((1 + g.r.IntN(99)) * []int{1, 10, 100, 1000}[g.r.IntN(4)])
}

// germanInt groups thousands with full stops: 100000 → "100.000".
func germanInt(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (g writer) fill(tmpl string) string {
	t := g.topic
	out := tmpl
	for strings.Contains(out, "{C}") {
		out = strings.Replace(out, "{C}", pick(g.r, citeTemplates), 1)
	}
	repl := map[string]func() string{
		"{A}":  func() string { return pick(g.r, t.actors) },
		"{F2}": g.figure,
		"{FN}": g.number,
		"{F}":  g.figure,
		"{N}":  func() string { return pick(g.r, t.nouns) },
		"{P}":  func() string { return pick(g.r, t.places) },
		"{O}":  func() string { return pick(g.r, t.outlets) },
		"{W}":  func() string { return pick(g.r, weekdays) },
	}
	for _, k := range []string{"{A}", "{F2}", "{FN}", "{F}", "{N}", "{P}", "{O}", "{W}"} {
		for strings.Contains(out, k) {
			out = strings.Replace(out, k, repl[k](), 1)
		}
	}
	return upperFirst(out)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func (g writer) headline() string { return g.fill(pick(g.r, headlineTemplates)) }
func (g writer) heading() string  { return g.fill(pick(g.r, headingTemplates)) }

// paragraph assembles sentences up to a length drawn from the seeds' range.
// About a third of the sentences are claims with figures and citations; the
// rest is real prose.
func (g writer) paragraph(lead bool) string {
	target := minParaRunes + g.r.IntN(maxParaRunes-minParaRunes+1)
	var parts []string
	n := 0
	for i := 0; i < 60; i++ {
		var s string
		if (lead && i == 0) || g.r.IntN(100) < 35 {
			s = g.fill(pick(g.r, claimTemplates))
		} else {
			s = pick(g.r, g.prose)
		}
		l := utf8.RuneCountInString(s) + 1
		if n > 0 && n+l > maxParaRunes {
			if n >= minParaRunes {
				break
			}
			continue
		}
		parts = append(parts, s)
		n += l
		if n >= target {
			break
		}
	}
	return strings.Join(parts, " ")
}
