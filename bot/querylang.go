package bot

import (
	"strings"
	"unicode"
)

// queryLang is the language a user typed a query in, for the index
// ("en" translates it; "" searches it as German). The client locale says
// what the user reads, the guild's what the server speaks; either being
// English makes English likely, but not certain: many German servers keep
// Discord's default guild locale, en-US, and English clients type German
// names and German claims they copied. So a query that reads as German
// (umlauts, ß, or more German than English function words) stays German.
func queryLang(in Input, query string) string {
	loc := in.Locale
	if loc == "" {
		loc = in.GuildLocale
	}
	if !strings.HasPrefix(strings.ToLower(loc), "en") || readsGerman(query) {
		return ""
	}
	return "en"
}

// Function words that tell the two languages apart: frequent, short, and
// not words of the other language.
var (
	germanMarkers = wordSet("der die das den dem des ein eine einen einem einer und ist sind nicht " +
		"mit von zu im auf für wie viele wer wann warum wurde hat haben es sich auch noch nach bei " +
		"aus über um oder aber wird werden kein keine laut gegen seit")
	englishMarkers = wordSet("the a an of and is are was were not with from to in on for how many " +
		"who when why what which did does has have it its also after by out over or but will no " +
		"according against since")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func readsGerman(q string) bool {
	if strings.ContainsAny(q, "äöüÄÖÜß") {
		return true
	}
	de, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if germanMarkers[w] {
			de++
		}
		if englishMarkers[w] {
			en++
		}
	}
	return de > en
}
