// Package claims reads numeric and polar claims out of German news text and
// compares them across articles, so the bot can say when two reports about
// the same thing disagree, when a later report updates or retracts an earlier
// one, and how a figure developed over time.
//
// A claim is one figure (or one explicit "none"/denial/retraction) with what
// it counts (Soldaten, Raketen ...), who it is about (Nordkorea, Russland ...),
// the relation (schicken, anbieten, im Einsatz, getötet ...), where, when,
// how firmly it is stated (hedges, plans versus reports) and who says it.
//
// Everything is rule based and deterministic: gazetteers and cue lists live
// in lexicon.go, and every decision can be explained in one sentence. That is
// a deliberate trade: a rule that fires for a stated reason is something a
// moderator can check, and a missed claim is cheaper for a fact-checking bot
// than an invented contradiction. The README lists what the rules cannot see.
//
// Negation and modal words ("nicht", "kein", "könnte", "soll") are read from
// the raw sentence, never from the search analyzer, whose German stop list
// drops exactly those words.
package claims
