package ingest_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/ingest"
)

const uploadMD = `---
title: Bundestag debattiert über Wehrpflicht
url: https://www.tagesblatt.example/politik/wehrpflicht#top
publisher: Tagesblatt Test
author: Lena Vogt
published: 2024-11-20
---

Der Bundestag hat am Mittwoch erstmals über einen Gesetzentwurf zur Wiedereinführung eines Wehrdienstes beraten. Verteidigungsminister Boris Pistorius warb für ein Modell, bei dem junge Männer einen Fragebogen ausfüllen müssen.

## Kritik aus der Opposition

Die Opposition kritisierte den Entwurf als halbherzig. Nach Angaben des Ministeriums sollen zunächst 5000 zusätzliche Rekruten pro Jahr gewonnen werden.
`

const uploadHTML = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Hochwasser in Süddeutschland</title>
<link rel="canonical" href="https://www.suedkurier.example/region/hochwasser">
<meta property="og:site_name" content="Südkurier Test">
<meta name="author" content="Max Bauer">
<meta property="article:published_time" content="2024-06-02T07:15:00+02:00">
</head><body><article><h1>Hochwasser in Süddeutschland</h1>
<p>Nach tagelangem Starkregen sind in Bayern und Baden-Württemberg zahlreiche Orte überflutet worden. Die Behörden riefen in mehreren Landkreisen den Katastrophenfall aus, Tausende Menschen mussten ihre Häuser verlassen.</p>
<p>Der Deutsche Wetterdienst erwartet weitere Niederschläge. Besonders betroffen sind die Regionen entlang der Donau, wo die Pegel an mehreren Messstellen neue Höchststände erreichten.</p>
<p>Ministerpräsident Markus Söder kündigte schnelle Hilfe für die Betroffenen an. Der Bund sagte Unterstützung durch das Technische Hilfswerk und die Bundeswehr zu.</p>
</article></body></html>`

func seedFile(t *testing.T) (string, []byte) {
	t.Helper()
	names, err := fs.Glob(articles.Default(), "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	data, err := fs.ReadFile(articles.Default(), names[0])
	if err != nil {
		t.Fatal(err)
	}
	return names[0], data
}

func TestFromFile(t *testing.T) {
	seedName, seed := seedFile(t)
	seedArticle, err := articles.Parse(seedName, seed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, contentType string
		data                    []byte
		wantName, wantTitle     string
		wantCanonical           string
		wantAuthor, wantPub     string
		wantSame                bool // Data kept byte for byte
	}{
		{
			name: "seed text", file: seedName, contentType: "text/plain; charset=utf-8", data: seed,
			wantName: seedName, wantTitle: seedArticle.Title, wantAuthor: seedArticle.Author, wantPub: seedArticle.Publisher, wantSame: true,
		},
		{
			name: "markdown with front matter", file: "wehrpflicht.md", data: []byte(uploadMD),
			wantName: "wehrpflicht.md", wantTitle: "Bundestag debattiert über Wehrpflicht",
			wantCanonical: "https://www.tagesblatt.example/politik/wehrpflicht", wantAuthor: "Lena Vogt", wantPub: "Tagesblatt Test", wantSame: true,
		},
		{
			name: "html through the extractor", file: "Hochwasser.HTML", contentType: "text/html", data: []byte(uploadHTML),
			wantName: "Hochwasser.md", wantTitle: "Hochwasser in Süddeutschland",
			wantCanonical: "https://www.suedkurier.example/region/hochwasser", wantAuthor: "Max Bauer", wantPub: "Südkurier Test",
		},
		{
			name: "test page as upload", file: "kreml.htm", data: mustRead(t, "testdata/site/kreml-dementi.html"),
			wantName: "kreml.md", wantTitle: "Kreml: Keine nordkoreanischen Truppen im Einsatz", wantAuthor: "Jana Keller", wantPub: "Abendblatt Test",
			wantCanonical: "https://www.abendblatt.example/welt/kreml-dementi", // from og:url
		},
	}
	ing := ingest.New(ingest.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ing.FromFile(context.Background(), tt.file, tt.data, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != tt.wantName || f.Title != tt.wantTitle || f.Canonical != tt.wantCanonical || f.Author != tt.wantAuthor || f.Publisher != tt.wantPub {
				t.Errorf("got name %q title %q canonical %q author %q publisher %q\nwant name %q title %q canonical %q author %q publisher %q",
					f.Name, f.Title, f.Canonical, f.Author, f.Publisher, tt.wantName, tt.wantTitle, tt.wantCanonical, tt.wantAuthor, tt.wantPub)
			}
			if tt.wantSame != bytes.Equal(f.Data, tt.data) {
				t.Errorf("data kept as is = %v, want %v", !tt.wantSame, tt.wantSame)
			}
			a, err := articles.Parse(f.Name, f.Data)
			if err != nil {
				t.Fatalf("articles.Parse: %v", err)
			}
			if a.ID != f.ArticleID || f.URL != "" {
				t.Errorf("ID %q vs %q, URL %q", a.ID, f.ArticleID, f.URL)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(data), "{{BASE}}", "https://www.abendblatt.example"))
}

func TestFromFileRefusals(t *testing.T) {
	tests := []struct {
		name, file, contentType string
		data                    []byte
		msg                     string
	}{
		{"pdf", "bericht.pdf", "application/pdf", []byte("%PDF-1.7"), "only .txt, .md and .html files can be added"},
		{"too large", "gross.txt", "", bytes.Repeat([]byte("a"), ingest.DefaultMaxBytes+1), "is larger than the 5 MiB allowed"},
		{"binary", "bild.txt", "", []byte("Titel\n\x00\x01\x02"), "contains binary data"},
		{"declared image", "foto.txt", "image/jpeg", []byte("Titel\n\nText"), "is image/jpeg, not text"},
		{"empty", "leer.md", "", []byte("  \n"), "is empty"},
		{"not an article", "impressum.html", "text/html", mustRead(t, "testdata/site/impressum.html"), "is not an article"},
		{"title only", "nur-titel.txt", "", []byte("Nur ein Titel\n"), "no paragraphs"},
	}
	ing := ingest.New(ingest.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ing.FromFile(context.Background(), tt.file, tt.data, tt.contentType)
			if claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(claimbot.ErrorMessage(err), tt.msg) {
				t.Errorf("FromFile(%s) = [%s] %q; want EINVALID containing %q", tt.file, claimbot.ErrorCode(err), claimbot.ErrorMessage(err), tt.msg)
			}
		})
	}
}
