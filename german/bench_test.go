package german

import "testing"

// The load benchmarks read each part from the installed files once per
// iteration; run with -benchtime=1x -benchmem for one cold load.
func BenchmarkLoadWords(b *testing.B) {
	requireData(b)
	for i := 0; i < b.N; i++ {
		if n := New(DebianPaths()).WordCount(); n == 0 {
			b.Fatal("no words")
		}
	}
}

func BenchmarkLoadThesaurus(b *testing.B) {
	requireData(b)
	for i := 0; i < b.N; i++ {
		if len(New(DebianPaths()).Synonyms("Autor")) == 0 {
			b.Fatal("no synonyms")
		}
	}
}

func BenchmarkLoadDictionaries(b *testing.B) {
	requireData(b)
	for i := 0; i < b.N; i++ {
		if len(New(DebianPaths()).Translate("river")) == 0 {
			b.Fatal("no translation")
		}
	}
}

func BenchmarkSplitCompound(b *testing.B) {
	requireData(b)
	d := New(DebianPaths())
	words := []string{"koalitionsregierung", "niederrhein", "arbeitslosenquote", "regierung", "bundestagswahl", "verhandlungen", "ministerpräsident", "gestern"}
	d.SplitCompound("x")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.SplitCompound(words[i%len(words)])
	}
}
