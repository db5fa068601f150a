package index

import (
	"hash/maphash"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/claimbot/claimbot/german"
)

// partsFilterName replaces each German compound by its parts and drops
// every other word: the parts field holds only what compounds are made of,
// so that "Rhein" finds a passage on the "Niederrhein" and
// "Koalitionsregierung" one on the "Regierung" (issue 14). The parts keep
// the compound's position, so a query's parts group with its word. Without
// the word lists (german package) no word splits and the field is empty.
const partsFilterName = "claimbot_compound_parts"

func init() {
	registry.RegisterTokenFilter(partsFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return newPartsFilter(german.Default(), splitCacheWords), nil
	})
}

// splitCacheWords bounds the words whose split the parts filter remembers.
// A corpus of 100,000 generated articles has a few hundred thousand
// distinct words of six letters or more, most of them seen once or twice;
// the words that recur are far fewer and stay in the cache, while an
// unbounded cache grew with every new word the index ever saw.
const splitCacheWords = 1 << 18

// partsFilter remembers the splits of recent words: a corpus repeats its
// words, and splitting one tries every cut against the word lists, which
// made indexing slower by more than half.
type partsFilter struct {
	data  *german.Data
	cache *splitCache
}

func newPartsFilter(data *german.Data, cacheWords int) *partsFilter {
	return &partsFilter{data: data, cache: newSplitCache(cacheWords)}
}

func (f *partsFilter) split(w []byte) []string {
	// Most words of a text are too short to be two parts; they are
	// neither split nor cached.
	if len(w) < german.MinCompound || utf8.RuneCount(w) < german.MinCompound {
		return nil
	}
	if parts, ok := f.cache.get(w); ok {
		return parts
	}
	word := string(w)
	parts := f.data.SplitCompound(word)
	f.cache.put(word, parts)
	return parts
}

func (f *partsFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for _, tok := range in {
		if tok.Type == analysis.Numeric {
			continue
		}
		for _, p := range f.split(tok.Term) {
			out = append(out, &analysis.Token{
				Term:     []byte(p),
				Start:    tok.Start,
				End:      tok.End,
				Position: tok.Position,
				Type:     tok.Type,
			})
		}
	}
	return out
}

// splitCache is a bounded map from word to split, safe for the concurrent
// analysis workers of a batch. Each shard keeps two generations: when the
// current one is full it becomes the old one and the one before is
// dropped, and a word found in the old generation moves to the current
// one. So a shard holds at most twice its share of words, and a word that
// keeps recurring stays. Lookups take the word as bytes, which a Go map
// looks up without copying it into a string.
type splitCache struct {
	seed   maphash.Seed
	limit  int // words per generation and shard
	shards [splitCacheShards]splitShard
}

// splitCacheShards spreads the analysis workers' lookups over several
// locks.
const splitCacheShards = 16

type splitShard struct {
	mu       sync.Mutex
	cur, old map[string][]string // nil value: not a compound
	_        [40]byte            // keep each shard's lock on its own cache line
}

func newSplitCache(words int) *splitCache {
	c := &splitCache{seed: maphash.MakeSeed(), limit: max(1, words/(2*splitCacheShards))}
	for i := range c.shards {
		c.shards[i].cur = make(map[string][]string)
	}
	return c
}

func (c *splitCache) shard(w []byte) *splitShard {
	return &c.shards[maphash.Bytes(c.seed, w)%splitCacheShards]
}

func (c *splitCache) get(w []byte) ([]string, bool) {
	s := c.shard(w)
	s.mu.Lock()
	defer s.mu.Unlock()
	if parts, ok := s.cur[string(w)]; ok {
		return parts, true
	}
	parts, ok := s.old[string(w)]
	if ok {
		s.add(string(w), parts, c.limit)
	}
	return parts, ok
}

func (c *splitCache) put(w string, parts []string) {
	s := c.shard([]byte(w))
	s.mu.Lock()
	s.add(w, parts, c.limit)
	s.mu.Unlock()
}

func (s *splitShard) add(w string, parts []string, limit int) {
	if len(s.cur) >= limit {
		s.old, s.cur = s.cur, make(map[string][]string, limit)
	}
	s.cur[w] = parts
}

// len is the number of words the cache holds.
func (c *splitCache) len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		n += len(s.cur) + len(s.old)
		s.mu.Unlock()
	}
	return n
}
