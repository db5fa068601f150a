package articles

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
)

func BenchmarkParseSeeds(b *testing.B) {
	var files [][]byte
	entries, _ := fs.ReadDir(Default(), ".")
	for _, e := range entries {
		data, _ := fs.ReadFile(Default(), e.Name())
		files = append(files, data)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse("seed.txt", f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseGenerated parses the seeds plus articles shaped like the
// generated corpora a full re-index reads: long paragraphs of filler with
// several citation cues each. The seeds alone have too few cues to show
// what the source patterns cost at scale.
func BenchmarkParseGenerated(b *testing.B) {
	var files [][]byte
	entries, _ := fs.ReadDir(Default(), ".")
	for _, e := range entries {
		data, _ := fs.ReadFile(Default(), e.Name())
		files = append(files, data)
	}
	files = append(files, generatedArticles(60)...)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse("gen.txt", f); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

var (
	genPeople  = []string{"Joe Biden", "Sergei Schoigu", "Dmitri Peskow", "Friedrich Merz", "Isabel Schnabel", "Karl Lauterbach", "Steffi Lemke"}
	genSources = []string{"Bloomberg", "Reuters", "Daily NK", "Tass", "dpa", "Destatis", "Handelsblatt", "Kyiv Independent", "New York Post", "Bundesnetzagentur", "RKI", "Regnum"}
	genPlaces  = []string{"Belgorod", "Charkiw", "Moskau", "Seoul", "Sachsen", "Brandenburg", "Schleswig-Holstein", "Nordrhein-Westfalen"}
	genThings  = []string{"Freiwillige", "Arbeiter", "Drohnen", "Solaranlagen", "Wärmepumpen", "Impfdosen", "Insolvenzen"}
	genDays    = []string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"}
	genCues    = []string{
		"Laut {S} befinden sich derzeit {N} {T} in {P}.",
		"Wie {S} berichtet, bestreitet {W}, dass {N} {T} nach {P} geschickt wurden.",
		"In {P} sollen inzwischen {N} {T} eingetroffen sein, berichtet {S}.",
		"{W} erklärte am {D}, in {P} seien nicht mehr als {N} {T} eingesetzt worden, laut {S}.",
		"{W} kündigte an, {N} {T} nach {P} zu schicken, {S} zufolge.",
		"Nach Angaben von {S} wurden seit Jahresbeginn {N} {T} in {P} gezählt.",
		"Die Zahl der {T} in {P} ist nach Angaben von {S} auf {N} gestiegen.",
		"{W} bestätigte laut {S}, dass {N} {T} in {P} bereitstehen.",
		"{W} sprach am {D} von {N} {T}, während {S} nur {N} {T} meldet.",
		"Einem südkoreanischen Bericht zufolge sollen {N} {T} in {P} sein.",
		"Nach russischen Angaben wurden {N} {T} nach {P} verlegt, sagte der Militärexperte Igor Korotchenko.",
		"Laut derselben Quelle stehen weitere {N} {T} bereit.",
		"Unter Berufung auf die Nachrichtenagentur {S} meldete der Sender {N} {T}.",
		"Das schreibt das Newsportal „{S}“ unter Berufung auf Insider.",
		"Dies verkündete der Sekretär des russischen nationalen Sicherheitsrats, Sergei Schoigu, am {D}.",
	}
	genFiller = []string{
		"Das Dateisystem proc ist keinem speziellen Gerät zugeordnet.",
		"Falls nur die Namen der Dateien untersucht werden müssen, gibt es keinen Grund Stat für sie auszuführen; dies führt zu einer spürbaren Erhöhung der Suchgeschwindigkeit.",
		"Wenn die Option proto angegeben ist, wird der angegebene Transport sowohl für den Kontakt zum Mountd-Dienst des Servers als auch für die NLM- und NFS-Dienste benutzt.",
		"Alle diese Identitäten werden nacheinander versucht.",
		"Eine Anwendungsmöglichkeit dieser Option könnte sein, Farben einfach nur auf Kopfzeilenbezeichnungen anzuwenden.",
		"Der Name jedes Unterverzeichnisses ist die numerische Thread-Kennung (TID) des Threads.",
		"Wie lange höchstens gewartet werden soll, legt der Verwalter fest, der die Sperren erlangt.",
		"Die Kodierung dieser Dateien ist ».raw«, wie der Kunde beim Hineinbeißen feststellt.",
		"Plötzlich entschuldigt sich der Informatiker und fängt an, mit seiner Armbanduhr zu reden.",
		"Einige Benutzer berichten, dass ihr Scanner auf der Mitte der Seite hängen bleibt oder kein Bild überträgt.",
		"Man könnte sagen, hievon mache der Spiegel eine Ausnahme, und doch sehen wir unser Angesicht niemals ganz richtig darin.",
		"Optionen am Anfang von sharp.conf gelten für alle Geräte; Optionen, die nach Gerätenamen definiert sind, gelten für dieses Gerät.",
	}
)

// generatedArticles returns n articles built from fixed templates with a
// fixed seed, so every run parses the same text.
func generatedArticles(n int) [][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	fill := func(tmpl string) string {
		return strings.NewReplacer(
			"{S}", pick(genSources), "{W}", pick(genPeople), "{P}", pick(genPlaces),
			"{T}", pick(genThings), "{D}", pick(genDays), "{N}", fmt.Sprint(10*(1+rng.IntN(900))),
		).Replace(tmpl)
	}
	var out [][]byte
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %d %s für %s?\n\n", pick(genPeople), 100*(1+rng.IntN(90)), pick(genThings), pick(genPlaces))
		fmt.Fprintf(&b, "%02d.%02d.20%02d %02d:%02d\n\n", 1+rng.IntN(28), 1+rng.IntN(12), 20+rng.IntN(6), rng.IntN(24), rng.IntN(60))
		if i%3 != 0 {
			fmt.Fprintf(&b, "Von: %s\n\n", pick(genPeople))
		}
		for p := range 6 + rng.IntN(8) {
			if p > 0 && rng.IntN(4) == 0 {
				fmt.Fprintf(&b, "Die Lage in %s\n\n", pick(genPlaces))
			}
			var sentences []string
			for range 3 + rng.IntN(5) {
				if rng.IntN(5) < 2 {
					sentences = append(sentences, fill(pick(genCues)))
				} else {
					sentences = append(sentences, pick(genFiller))
				}
			}
			b.WriteString(strings.Join(sentences, " ") + "\n\n")
		}
		out = append(out, []byte(b.String()))
	}
	return out
}
