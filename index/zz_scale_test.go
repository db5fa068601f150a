package index

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

var scaleQueries = []string{
	"Nordkorea bietet Russland 100.000 Soldaten an", "Einsatz nordkoreanischer Truppen in Donezk und Luhansk",
	"Sanktionen gegen das Kim-Regime", "Schwarzmeerflotte Aktivität Kriegsschiffe", "Angriff auf Wolhynien an der polnischen Grenze",
	"Rückeroberung des Gebiets Kursk mit nordkoreanischer Hilfe", "Nordkoreas Reservisten", "Putin NATO Eskalation Waffenfreigabe",
	"500 Soldaten zwischen 19 und 27", "400000 ukrainische Soldaten", "Schoigu Pjoengjang Besuch", "Minenräumer Kursk",
	"Wie viele Soldaten schickt Nordkorea", "laut Bloomberg", "Kim Jongun Soldaten Front",
}

func TestZZScale(t *testing.T) {
	dir := os.Getenv("SCALE_DIR")
	if dir == "" {
		t.Skip("SCALE_DIR not set")
	}
	arts, _ := articles.LoadDir(os.DirFS(dir))
	ix, err := Open(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if err := ix.Rebuild(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	st := ix.Stats()
	t.Logf("rebuild %d passages in %s (%.0f/s)", st.Passages, time.Since(start), float64(st.Passages)/time.Since(start).Seconds())
	var ds []time.Duration
	for r := 0; r < 20; r++ {
		for _, q := range scaleQueries {
			s := time.Now()
			if _, err := ix.Search(context.Background(), q, SearchOptions{Limit: 5}); err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(s))
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	t.Logf("search n=%d p50=%s p90=%s p99=%s", len(ds), ds[len(ds)/2], ds[len(ds)*9/10], ds[len(ds)*99/100])
}

func BenchmarkZZScale(b *testing.B) {
	dir := os.Getenv("SCALE_DIR")
	if dir == "" {
		b.Skip()
	}
	arts, _ := articles.LoadDir(os.DirFS(dir))
	ix, _ := Open(context.Background(), b.TempDir(), Options{})
	defer ix.Close()
	ix.Rebuild(context.Background(), arts)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ix.Search(context.Background(), scaleQueries[i%len(scaleQueries)], SearchOptions{Limit: 5})
	}
}
