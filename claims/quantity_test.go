package claims

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuantities(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		in        string
		text      string // the figure as found; "" = no figure
		low, high float64
		qualifier string
	}{
		{"100.000 Soldaten", "100.000", 100000, 100000, ""},
		{"10 000 Soldaten", "10 000", 10000, 10000, ""},
		{"10\u00a0000 Soldaten", "10\u00a0000", 10000, 10000, ""},
		{"10\u202f000 Soldaten", "10\u202f000", 10000, 10000, ""},
		{"1,3 Millionen aktive Soldaten", "1,3 Millionen", 1.3e6, 1.3e6, ""},
		{"3,5 Mrd. Euro", "3,5 Mrd.", 3.5e9, 3.5e9, ""},
		{"Tausende Arbeiter", "Tausende", 2000, 9999, ""},
		{"Hunderttausende von Munitionsstücken", "Hunderttausende", 200000, 999999, ""},
		{"Dutzende Drohnen", "Dutzende", 24, 99, ""},
		{"Zehntausende Soldaten", "Zehntausende", 20000, 99999, ""},
		{"einige Tausend Soldaten", "einige Tausend", 2000, 9999, ""},
		{"zwischen 300 – 500 Soldaten", "zwischen 300 – 500", 300, 500, ""},
		{"zwischen 300 und 500 Soldaten", "zwischen 300 und 500", 300, 500, ""},
		{"12.000-15.000 Soldaten", "12.000-15.000", 12000, 15000, ""},
		{"2 bis 3 Millionen Granaten", "2 bis 3 Millionen", 2e6, 3e6, ""},
		{"mehr als 10.000 Soldaten", "mehr als 10.000", 10000, inf, "mehr als"},
		{"bis zu 20 % verstärken", "bis zu 20 %", 0, 20, "bis zu"},
		{"20 Prozent der Truppen", "20 Prozent", 20, 20, ""},
		{"die Hälfte der Stellen", "die Hälfte", 45, 55, ""},
		{"knapp die Hälfte der Stellen", "knapp die Hälfte", 42.5, 50, "knapp"},
		{"mehr als ein Drittel der Schulen", "mehr als ein Drittel", 100.0 / 3, inf, "mehr als"},
		{"zwei Drittel der Befragten", "zwei Drittel", 200.0 / 3 * 0.9, 200.0 / 3 * 1.1, ""},
		{"jeder fünfte Schüler", "jeder fünfte", 18, 22, ""},
		{"Jeder Zehnte ist betroffen", "Jeder Zehnte", 9, 11, ""},
		{"in der zweiten Hälfte des Jahres", "", 0, 0, ""},
		{"das Viertel am Bahnhof", "", 0, 0, ""},
		{"etwa 15.000 von ihnen", "etwa 15.000", 12750, 17250, "etwa"},
		{"rund 500 Panzer", "rund 500", 425, 575, "rund"},
		{"ca. 500 Soldaten", "ca. 500", 425, 575, "ca."},
		{"fast 1,3 Millionen", "fast 1,3 Millionen", 1.105e6, 1.3e6, "fast"},
		{"knapp 12.000 Soldaten", "knapp 12.000", 10200, 12000, "knapp"},
		{"gut 500 Soldaten", "gut 500", 500, 600, "gut"},
		{"lediglich zwischen 300 – 500 Soldaten", "lediglich zwischen 300 – 500", 300, 500, "lediglich"},
		{"mindestens 50 Raketen", "mindestens 50", 50, inf, "mindestens"},
		{"weniger als 100 Soldaten", "weniger als 100", 0, 100, "weniger als"},
		{"nicht mehr als 100 Soldaten", "nicht mehr als 100", 0, 100, "nicht mehr als"},
		{"nicht einmal 500 Soldaten", "nicht einmal 500", 0, 500, "nicht einmal"},
		{"über 5 Monaten", "über 5", 5, inf, "über"},
		{"verfügt über 500 Panzer", "500", 500, 500, ""},
		{"verfügt laut Kiew über 880.000 aktive Soldaten", "880.000", 880000, 880000, ""},
		{"zwölftausend Soldaten", "zwölftausend", 12000, 12000, ""},
		{"Zwölf Drohnen", "Zwölf", 12, 12, ""},
		{"dreihunderteinundzwanzig Panzer", "dreihunderteinundzwanzig", 321, 321, ""},
		{"eine halbe Million Granaten", "eine halbe Million", 500000, 500000, ""},
		{"zwei Millionen Granaten", "zwei Millionen", 2e6, 2e6, ""},
		{"keine Soldaten", "keine", 0, 0, "keine"},
		// Not figures.
		{"am 18.11.2024 um 08:31", "", 0, 0, ""},
		{"der 3. Armee", "", 0, 0, ""},
		{"im Jahr 2024", "", 0, 0, ""},
		{"Su-35 und F16", "", 0, 0, ""},
		{"ein Jahr", "", 0, 0, ""},
		{"auf dem russischen Kanal Eins", "", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, ok := ParseQuantity(tt.in)
			if tt.text == "" {
				if ok {
					t.Fatalf("found figure %q, want none", q.Text)
				}
				return
			}
			if !ok {
				t.Fatalf("no figure, want %q", tt.text)
			}
			if q.Text != tt.text || !near(q.Low, tt.low) || !near(q.High, tt.high) || q.Qualifier != tt.qualifier {
				t.Errorf("got %q [%g, %g] %q, want %q [%g, %g] %q", q.Text, q.Low, q.High, q.Qualifier, tt.text, tt.low, tt.high, tt.qualifier)
			}
			if tt.in[q.Start:q.End] != q.Text {
				t.Errorf("span %d:%d = %q, Text %q", q.Start, q.End, tt.in[q.Start:q.End], q.Text)
			}
		})
	}
}

func TestParseQuantitiesSeveral(t *testing.T) {
	qs := ParseQuantities("Nordkorea wird 1.000 Minenräumer und 5.000 Soldaten in die Region Kursk entsenden.")
	if len(qs) != 2 || qs[0].Point != 1000 || qs[1].Point != 5000 {
		t.Fatalf("got %+v, want 1.000 and 5.000 (not a range)", qs)
	}
	qs = ParseQuantities("Es wurden etwa 120 Raketen und 90 Drohnen abgefeuert.")
	if len(qs) != 2 || qs[0].Qualifier != "etwa" || qs[1].Qualifier != "" {
		t.Fatalf("got %+v", qs)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"100.000", "100.000"},
		{"1,3 Millionen", "1,3 Millionen"},
		{"zwischen 300 – 500", "300–500"},
		{"2 bis 3 Millionen", "2–3 Millionen"},
		{"etwa 15.000", "etwa 15.000"},
		{"mehr als 10.000", "mehr als 10.000"},
		{"bis zu 20 %", "bis zu 20 %"},
		{"Tausende", "Tausende"},
		{"zwölftausend", "12.000"},
		{"eine Million", "1 Million"},
	}
	for _, tt := range tests {
		q, ok := ParseQuantity(tt.in)
		if !ok || q.Format() != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.in, q.Format(), tt.want)
		}
	}
}

func TestParseNumberWord(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"zwölf", 12, true}, {"einundzwanzig", 21, true}, {"hundert", 100, true}, {"zweihundert", 200, true},
		{"zwölftausend", 12000, true}, {"zweihunderttausend", 200000, true}, {"dreitausendfünfhundert", 3500, true},
		{"tausendundeins", 1001, true}, {"grund", 0, false}, {"hundertprozentig", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumberWord(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseNumberWord(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParseQuantity checks that parsing never panics and that every figure
// is a sane interval lying inside the input.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{
		"100.000 Soldaten", "zwischen 300 – 500 Soldaten", "mehr als 10.000", "bis zu 20 %", "1,3 Millionen",
		"Tausende", "zwölftausend", "keine Soldaten", "fast 1,3 Millionen aktive Soldat:innen", "18.11.2024 08:31",
		"der 3. Armee", "2 bis 3 Millionen", "12.000-15.000", "eine halbe Million", "10\u202f000", "9999999999999999999999",
		"1,", ",5", "5 -", "zwischen 500 und", "0 – 0", "über über 5", "99.999.999.999.999.999.999 Mrd.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range ParseQuantities(s) {
			if math.IsNaN(q.Low) || math.IsNaN(q.High) || q.Low < 0 || q.Low > q.High {
				t.Fatalf("%q: bad interval [%g, %g]", s, q.Low, q.High)
			}
			if q.Start < 0 || q.Start > q.End || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("%q: bad span %d:%d for %q", s, q.Start, q.End, q.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
				t.Fatalf("%q: figure %q cuts a character", s, q.Text)
			}
			_ = q.Format()
			if strings.TrimSpace(q.Text) == "" {
				t.Fatalf("%q: empty figure", s)
			}
		}
	})
}

// TestOpenQualifiersAsRead pairs two reports of one figure at one time,
// one with an open qualifier. A reader takes "mehr als 1.000" for a figure
// somewhat above a thousand, not for eight thousand, and "bis zu 20.000"
// for as many as twenty thousand, not for four thousand; a figure within
// that reading agrees, and "mindestens", "weniger als" stay open.
func TestOpenQualifiersAsRead(t *testing.T) {
	demo := func(q string) string {
		return "An der Kundgebung in Leipzig am Samstag beteiligten sich " + q + " Menschen."
	}
	tests := []struct {
		name   string
		s1, s2 string
		want   Kind
	}{
		{"mehr als, eight times", demo("mehr als 1.000"), demo("rund 8.000"), KindConflict},
		{"über, six times", demo("über 500"), demo("3.000"), KindConflict},
		{"bis zu, a fifth", demo("bis zu 20.000"), demo("rund 4.000"), KindConflict},
		{"mehr als, a half more", demo("mehr als 10.000"), demo("rund 15.000"), KindCompatible},
		{"mehr als, a quarter more", demo("mehr als 10.000"), demo("12.500"), KindCompatible},
		{"bis zu, most of it", demo("bis zu 5.000"), demo("rund 4.000"), KindCompatible},
		{"über and gut", demo("über 5.000"), demo("gut 6.000"), KindCompatible},
		{"rund and mehr als, three times", demo("rund 4.000"), demo("mehr als 12.000"), KindConflict},
		{"mindestens stays open", demo("mindestens 300"), demo("1.500"), KindCompatible},
		{"weniger als stays open", demo("weniger als 200"), demo("60"), KindCompatible},
		{"forest fire, bis zu", "Der Waldbrand bei Jüterbog hat am Mittwoch bis zu 400 Hektar erfasst.",
			"Der Waldbrand bei Jüterbog erfasste am Mittwoch rund 40 Hektar.", KindConflict},
		{"burglaries, mehr als", "Im Februar registrierte die Polizei in Essen mehr als 300 Einbrüche.",
			"Die Polizei in Essen zählte im Februar 1.200 Einbrüche.", KindConflict},
		{"burglaries, mehr als, close", "Im Februar registrierte die Polizei in Essen mehr als 300 Einbrüche.",
			"Die Polizei in Essen zählte im Februar 410 Einbrüche.", KindCompatible},
		{"hail, bis zu, close", "Bei dem Hagelsturm in Reutlingen entstand am Dienstag ein Schaden von bis zu 50 Millionen Euro.",
			"Der Schaden des Hagelsturms am Dienstag in Reutlingen beläuft sich auf rund 40 Millionen Euro.", KindCompatible},
		{"höchstens and bis zu", demo("höchstens 1.800"), demo("bis zu 6.000"), KindConflict},
		{"bis zu and bis zu", demo("bis zu 1.800"), demo("bis zu 6.000"), KindConflict},
		{"weit mehr als, two and a half times", demo("weit mehr als 4.000"), demo("rund 10.000"), KindCompatible},
		// a plural of a number word is a writer's impression: it agrees
		// with a count of its order, not with one of another order
		{"Tausende and 800", demo("Tausende"), demo("rund 800"), KindConflict},
		{"Hunderte and more than 5.000", demo("Hunderte"), demo("mehr als 5.000"), KindConflict},
		{"Tausende and 1.500", demo("Tausende"), demo("1.500"), KindCompatible},
		{"Zehntausende and 30.000", demo("Zehntausende"), demo("rund 30.000"), KindCompatible},
		{"Hunderte and 150", demo("Hunderte"), demo("150"), KindCompatible},
		{"Dutzende and five", "Bei dem Unfall in Hagen am Samstag wurden Dutzende Menschen verletzt.",
			"Bei dem Unfall in Hagen am Samstag wurden fünf Menschen verletzt.", KindConflict},
		{"Dutzende and twelve", "Bei dem Unfall in Hagen am Samstag wurden Dutzende Menschen verletzt.",
			"Bei dem Unfall in Hagen am Samstag wurden zwölf Menschen verletzt.", KindCompatible},
	}
	tests = append(tests, []struct {
		name   string
		s1, s2 string
		want   Kind
	}{
		// two counts of new ones compare; a count of new ones against a
		// total or against "weitere" does not
		{"new asylum seekers, two counts", "Im März kamen 120 neue Asylbewerber in den Landkreis Gifhorn.",
			"Im März kamen 85 neue Asylbewerber in den Landkreis Gifhorn.", KindConflict},
		{"new cases, two counts", "Das Gesundheitsamt meldete am Montag 40 neue Fälle in Jena.",
			"Am Montag meldete das Gesundheitsamt in Jena 65 neue Fälle.", KindConflict},
		{"new cases and all cases", "Das Gesundheitsamt meldete am Montag 40 neue Fälle in Jena.",
			"Am Montag meldete das Gesundheitsamt in Jena 650 Fälle.", KindCompatible},
		{"new ones and further ones", "Im März kamen 120 neue Asylbewerber in den Landkreis Gifhorn.",
			"Im März kamen weitere 85 Asylbewerber in den Landkreis Gifhorn.", KindCompatible},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dated("a", "2025-07-10", tt.s1), dated("b", "2025-07-10", tt.s2)
			var kinds []Kind
			for _, x := range Extract(b) {
				for _, y := range Extract(a) {
					if x.HasQuantity && y.HasQuantity {
						kinds = append(kinds, Compare(x, y).Kind)
					}
				}
			}
			if len(kinds) != 1 || kinds[0] != tt.want {
				t.Errorf("kinds %v, want %s", kinds, tt.want)
			}
		})
	}
}
