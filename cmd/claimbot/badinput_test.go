package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
)

// TestBadArticleFiles: article files that are empty, huge, binary or
// UTF-16 are refused with a message naming the file and the reason, and
// the index is exactly as before; a Latin-1 file is converted and added.
func TestBadArticleFiles(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	env := map[string]string{"CLAIMBOT_DATA": data}
	if _, _, err := runCLI(t, env, "index"); err != nil {
		t.Fatal(err)
	}
	stats := func() library.Stats {
		t.Helper()
		lib, err := library.Open(context.Background(), library.Config{DataDir: data})
		if err != nil {
			t.Fatal(err)
		}
		defer lib.Close()
		st := lib.Stats(library.Base)
		st.IndexBuilt, st.LastChange = st.IndexBuilt.UTC(), st.LastChange.UTC()
		return st
	}
	before := stats()

	utf16le := func(s string) []byte {
		var b bytes.Buffer
		b.Write([]byte{0xFF, 0xFE})
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.Bytes()
	}
	article := "Nordkorea schickt Soldaten\n\nDer Absatz über die Soldaten an der Front.\n"
	huge := bytes.Repeat([]byte("Soldaten an der Front. "), articles.MaxFileSize/20)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"leer.txt", nil, "empty"},
		{"nur-leerzeichen.txt", []byte(" \n\t\n  "), "empty"},
		{"riesig.txt", huge, "allowed for an article"},
		{"bild.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "binary"},
		{"steuerzeichen.txt", bytes.Repeat([]byte("\x01\x02\x03\x04 a"), 200), "binary"},
		{"utf16.txt", utf16le(article), "UTF-16"},
		{"nur-titel.txt", []byte("Nur ein Titel\n"), "no paragraphs"},
		{"bild.png", []byte("\x89PNG"), "not an article file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := runCLI(t, env, "add", path)
			if err == nil {
				t.Fatal("added")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.name) || !strings.Contains(msg, tt.want) || strings.Count(msg, "\n") > 0 {
				t.Errorf("error %q; want one line naming %s and saying %q", msg, tt.name, tt.want)
			}
			if exitCode(err) != 1 {
				t.Errorf("exit status %d; want 1", exitCode(err))
			}
		})
	}
	if after := stats(); after != before {
		t.Errorf("the refused files changed the index: %+v → %+v", before, after)
	}
	if entries, _ := os.ReadDir(filepath.Join(data, "collections", "base", "added")); len(entries) != 0 {
		t.Errorf("refused files were kept: %v", entries)
	}

	// Latin-1 (as exported by older German systems) is converted.
	latin1 := []byte("Gr\xfc\xdfe aus M\xfcnchen\n\nDie Stra\xdfenbahn f\xe4hrt \xfcber die Br\xfccke nach K\xf6ln.\n")
	path := filepath.Join(t.TempDir(), "latin1.txt")
	if err := os.WriteFile(path, latin1, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, env, "add", path); err != nil {
		t.Fatalf("Latin-1 file refused: %v", err)
	}
	lib, err := library.Open(context.Background(), library.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	a, ok := lib.Article(library.Base, "latin1")
	if !ok || a.Title != "Grüße aus München" {
		t.Errorf("Latin-1 article: %q, %v", a.Title, ok)
	}
	res, err := lib.Search(context.Background(), library.Base, "Straßenbahn Brücke", index.SearchOptions{Limit: 1})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Article != "latin1" {
		t.Errorf("Latin-1 text not searchable: %+v, %v", res.Hits, err)
	}
	if st := lib.Stats(library.Base); st.Articles != before.Articles+1 {
		t.Errorf("%d articles after adding the Latin-1 file; want %d", st.Articles, before.Articles+1)
	}
}
