package bench

import (
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
)

func init() {
	DefaultClaimExtractor = func(a articles.Article) int { return len(claims.Extract(a)) }
}
