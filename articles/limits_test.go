package articles

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
)

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"000_d385df09853590cf", true},
		{"pentagon-3000", true},
		{"a", true},
		{strings.Repeat("a", MaxIDLen), true},
		{strings.Repeat("a", MaxIDLen+1), false},
		{"", false},
		{"../state", false},
		{`..\state`, false},
		{"/etc/passwd", false},
		{"*", false},
		{"a?", false},
		{"[ab]", false},
		{"a\x00b", false},
		{"Pentagon", false},
		{"-lead", false},
		{"trail-", false},
		{"a.b", false},
		{"ä", false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
		err := CheckID(tt.id)
		if (err == nil) != tt.want {
			t.Errorf("CheckID(%q) = %v", tt.id, err)
		}
		if err != nil && (claimbot.ErrorCode(err) != claimbot.EINVALID || strings.ContainsRune(claimbot.ErrorMessage(err), 0)) {
			t.Errorf("CheckID(%q) = %v (%s), want EINVALID without control characters", tt.id, err, claimbot.ErrorCode(err))
		}
	}
}

// FuzzIDFromFile: whatever a file is called, its ID is valid or empty, so
// an ID can always be joined to a directory without leaving it.
func FuzzIDFromFile(f *testing.F) {
	for _, s := range []string{"../../x/notes.txt", `..\x.md`, "/abs/a.txt", "*.txt", "?.md", "[a].txt", "a\x00.txt", strings.Repeat("x", 300) + ".txt", "Ärger über Öl.md", "---.txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		id := IDFromFile(name)
		if id != "" && !ValidID(id) {
			t.Fatalf("IDFromFile(%q) = %q, not a valid ID", name, id)
		}
	})
}

// manyShort is n one-line paragraphs in n lines and a title: under
// MaxLines, over MaxParagraphs.
func manyShort(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Satz %d.\n", i)
	}
	return b.String()
}

func TestParseLimits(t *testing.T) {
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("Titel\n\n")
		for i := range n {
			fmt.Fprintf(&b, "Absatz %d.\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, text string
		want       string // substring of the error; "" = accepted
	}{
		{"at the paragraph limit", many(MaxParagraphs), ""},
		{"one paragraph too many", many(MaxParagraphs + 1), fmt.Sprintf("%d paragraphs; at most %d", MaxParagraphs+1, MaxParagraphs)},
		{"100k tiny paragraphs", many(100000), fmt.Sprintf("100003 lines; at most %d", MaxLines)},
		{"1,001 paragraphs in few lines", "Titel\n\n" + manyShort(MaxParagraphs+1), fmt.Sprintf("%d paragraphs; at most %d", MaxParagraphs+1, MaxParagraphs)},
		{"long title", strings.Repeat("T", MaxTitleRunes+1) + "\n\nText.\n", fmt.Sprintf("title has %d characters; at most %d", MaxTitleRunes+1, MaxTitleRunes)},
		{"long front matter title", "---\ntitle: " + strings.Repeat("ü", 4<<20/2) + "\n---\n\nText.\n", fmt.Sprintf("front matter has %d bytes; at most %d", 4<<20+7, MaxFrontMatterBytes)},
		{"title at the front matter limit", "---\ntitle: " + strings.Repeat("T", MaxTitleRunes+1) + "\n---\n\nText.\n", fmt.Sprintf("title has %d characters", MaxTitleRunes+1)},
		{"too much text", "Titel\n\n" + strings.Repeat(strings.Repeat("Wort ", 3999)+"Ende.\n", 11), fmt.Sprintf("%d characters of text; at most %d", 11*20000, MaxTextRunes)},
		{"long paragraph", "Titel\n\n" + strings.Repeat("Wort ", MaxParagraphRunes/5+1) + "\n", fmt.Sprintf("paragraph 1 has %d characters; at most %d", MaxParagraphRunes+4, MaxParagraphRunes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.txt", []byte(tt.text))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && err == nil:
				t.Fatalf("accepted, want an error with %q", tt.want)
			case tt.want != "" && (claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %q (%s), want EINVALID with %q", err, claimbot.ErrorCode(err), tt.want)
			}
		})
	}
}
