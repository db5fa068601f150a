// Package bench measures claimbot's passage search at scale and against the
// peers it could have been built on, so that decisions about the index rest
// on figures measured on the same passages and queries in the same run.
//
// It has four parts:
//
//   - A corpus generator (Generate) that writes German news-like article
//     files in the seed format. Its sentences come from real German prose
//     that Debian packages ship (fortunes-de, manpages-de), mixed with
//     templated claim sentences built from the seeds' names, figures and
//     outlets, so that term statistics at 100,000 articles resemble real
//     text rather than random words. It is deterministic for a seed and a
//     prose pool.
//   - Engines: claimbot's Bleve index (package index) and two peers, SQLite
//     FTS5 (pure Go, modernc.org/sqlite) and PostgreSQL's german full-text
//     search in a private throw-away cluster.
//   - A load harness (Load) that runs the same queries single-threaded and
//     with many concurrent clients and reports median, p99 and throughput.
//   - Run, which builds every engine on one corpus, measures build speed,
//     size, memory, latency, cold start and retrieval quality (package
//     relevance), and prints them side by side as ratios against Bleve.
//
// Figures are printed with the targets they are compared to; nothing here
// asserts a timing, because the machines that run the tests are shared.
package bench
