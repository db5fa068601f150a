package articles

import (
	"io/fs"
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
