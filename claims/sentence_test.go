package claims

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Der Krieg dauert an. Kiew meldet Angriffe.", []string{"Der Krieg dauert an.", "Kiew meldet Angriffe."}},
		{"ca.", "Ca. 500 Soldaten kamen an. Dann gingen sie.", []string{"Ca. 500 Soldaten kamen an.", "Dann gingen sie."}},
		{"z. B.", "Waffen, z. B. Raketen, wurden geliefert. Mehr nicht.", []string{"Waffen, z. B. Raketen, wurden geliefert.", "Mehr nicht."}},
		{"u. a.", "Es kamen u. a. Pioniere. Sie räumen Minen.", []string{"Es kamen u. a. Pioniere.", "Sie räumen Minen."}},
		{"Okt.", "Am 18. Okt. 2024 kamen Soldaten. Dann Raketen.", []string{"Am 18. Okt. 2024 kamen Soldaten.", "Dann Raketen."}},
		{"ordinal", "Die 3. Armee rückte vor. Die 5. folgte.", []string{"Die 3. Armee rückte vor.", "Die 5. folgte."}},
		{"ordinal then starter", "Es waren 5. Die anderen fehlten.", []string{"Es waren 5.", "Die anderen fehlten."}},
		{"date", "Am 18.11.2024 kamen sie. Dann nicht mehr.", []string{"Am 18.11.2024 kamen sie.", "Dann nicht mehr."}},
		{"date without year", "Bis zum 18.11. blieb es ruhig.", []string{"Bis zum 18.11. blieb es ruhig."}},
		{"question", "Verliert Putin jetzt alles? Schon vor einiger Zeit.", []string{"Verliert Putin jetzt alles?", "Schon vor einiger Zeit."}},
		{"exclamation lower", "Ja! und dann?", []string{"Ja! und dann?"}},
		{"quote inside", "„Es gibt Berichte. Wir helfen“, sagte Korotchenko. Dann ging er.",
			[]string{"„Es gibt Berichte. Wir helfen“, sagte Korotchenko.", "Dann ging er."}},
		{"quote at end", "„Niemals.“ Das sagte er.", []string{"„Niemals.“", "Das sagte er."}},
		{"stray opener", "Er sagte „nein. Dann ging er.", []string{"Er sagte „nein.", "Dann ging er."}},
		{"glued", "Sie sollen entsenden.Die Ankündigung kam.", []string{"Sie sollen entsenden.", "Die Ankündigung kam."}},
		{"bullets", "• Erster Punkt\n• Zweiter Punkt", []string{"• Erster Punkt", "• Zweiter Punkt"}},
		{"initial", "J. Biden erlaubte es. Putin nicht.", []string{"J. Biden erlaubte es.", "Putin nicht."}},
		{"Mio.", "Es waren 3 Mio. Euro. Mehr nicht.", []string{"Es waren 3 Mio. Euro.", "Mehr nicht."}},
		{"abbreviation at end is kept", "Sie lieferten 3 Mrd. Die Summe stieg.", []string{"Sie lieferten 3 Mrd. Die Summe stieg."}},
		// A figure after a word that takes a count, never an ordinal ("bei",
		// "auf", "rund" …), ends its sentence whatever word follows; a
		// month after it is still a date, an article before it an ordinal.
		{"count after bei ends the sentence", "Die Zahl der Toten lag bei 23. Betroffen sind vor allem Ältere.",
			[]string{"Die Zahl der Toten lag bei 23.", "Betroffen sind vor allem Ältere."}},
		{"count after auf ends the sentence", "Die Arbeitslosenzahl sank im Mai auf 12. Vorausgegangen war ein Streik.",
			[]string{"Die Arbeitslosenzahl sank im Mai auf 12.", "Vorausgegangen war ein Streik."}},
		{"count after a qualifier ends the sentence", "Verletzt wurden rund 40. Schwer verletzt wurde niemand.",
			[]string{"Verletzt wurden rund 40.", "Schwer verletzt wurde niemand."}},
		{"count after insgesamt ends the sentence", "Gewählt haben insgesamt 87. Ungültig waren zwei Stimmen.",
			[]string{"Gewählt haben insgesamt 87.", "Ungültig waren zwei Stimmen."}},
		{"a month after auf is a date", "Der Streik wurde auf 1. Juni verschoben.", []string{"Der Streik wurde auf 1. Juni verschoben."}},
		{"an ordinal after its article", "Die Mannschaft stand bei der 3. Runde im Finale.", []string{"Die Mannschaft stand bei der 3. Runde im Finale."}},
		{"an ordinal after zum", "Die Messe fand zum 12. Mal statt.", []string{"Die Messe fand zum 12. Mal statt."}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitSentences(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSplitSeeds checks the split of every seed paragraph reassembles.
func TestSplitSeeds(t *testing.T) {
	for _, a := range seeds(t) {
		for _, p := range a.Paragraphs {
			if got := stripSpace(strings.Join(SplitSentences(p.Text), "")); got != stripSpace(p.Text) {
				t.Errorf("%s p%d does not reassemble", a.ID, p.N)
			}
		}
	}
}

// stripSpace removes white space runes and keeps every other byte as is,
// so invalid UTF-8 compares byte for byte.
func stripSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !(r != utf8.RuneError && unicode.IsSpace(r)) {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// FuzzSplitSentences checks that splitting never panics, loses or adds
// text: the sentences put together are the input up to white space, and no
// sentence is empty or has surrounding white space.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"Der Krieg dauert an. Ca. 500 Soldaten, z. B. in der 3. Armee, kamen am 18. Okt. 2024 an.",
		"„Niemals.“ Das sagte er.", "„Es gibt Berichte. Wir helfen“, sagte er. Dann ging er.",
		"entsenden.Die Ankündigung", "• eins\n• zwei", "Er sagte „nein. Dann.", "...", "?!", "„", "a.b.c. D.",
		"Es waren 5. Die anderen.", "18.11. Dann", "\u00a0.\u202f", "x\xff. Y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SplitSentences(s)
		if stripSpace(strings.Join(got, "")) != stripSpace(s) {
			t.Fatalf("%q: sentences %q do not reassemble", s, got)
		}
		for _, x := range got {
			if x == "" || strings.TrimSpace(x) != x && utf8.ValidString(x) {
				t.Fatalf("%q: bad sentence %q", s, x)
			}
		}
	})
}
