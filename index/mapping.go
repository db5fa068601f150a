package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping or the analysis changes. An
// index built with another version is rebuilt on open rather than read with
// analyzers that no longer match its terms.
const MappingVersion = 14

// Field names of a passage document.
const (
	fieldText      = "text"
	fieldSpell     = "spell"
	fieldNumbers   = "numbers"
	fieldParts     = "parts"
	fieldHeading   = "heading"
	fieldLeadTitle = "lead_title"
	fieldArticle   = "article"
	fieldParagraph = "paragraph"
	fieldSources   = "sources"
	// fieldCollection is in collection.go.
)

// passageDoc is what one paragraph looks like in the index. The same text
// goes into three fields analysed three ways. The article's metadata
// (title, outlet, author, URL, date) is not stored per passage: every
// passage would repeat it, and storing it was a seventh of the indexing
// time; hits take it from the generation's article store (store.go).
type passageDoc struct {
	Text      string   `json:"text"`
	Spell     string   `json:"spell"`
	Numbers   string   `json:"numbers"`
	Parts     string   `json:"parts"`
	Heading   string   `json:"heading"`
	LeadTitle string   `json:"lead_title,omitempty"`
	Article   string   `json:"article"`
	Paragraph float64  `json:"paragraph"`
	Sources   []string `json:"sources"`
	// Collection is the article's collection (collection.go).
	Collection string `json:"collection"`
}

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := addAnalysis(im); err != nil {
		return nil, err
	}
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = analyzerText
	im.DefaultField = fieldText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	analysed := func(analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = false
		// Term positions serve phrase matching, which only the text field
		// does; highlighting re-analyses the page (see marks).
		f.IncludeTermVectors = analyzer == analyzerText
		return f
	}
	keyword := func(index bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Index = index
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldText, analysed(analyzerText, true))
	dm.AddFieldMappingsAt(fieldSpell, analysed(analyzerSpell, false))
	dm.AddFieldMappingsAt(fieldNumbers, analysed(analyzerNumbers, false))
	dm.AddFieldMappingsAt(fieldParts, analysed(analyzerParts, false))
	heading := analysed(analyzerText, true)
	heading.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldHeading, heading)
	// Only an article's first passage has its title searchable, so a word
	// of the title finds the article's lead instead of every one of its
	// passages.
	lead := analysed(analyzerText, false)
	lead.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldLeadTitle, lead)
	dm.AddFieldMappingsAt(fieldArticle, keyword(true))
	dm.AddFieldMappingsAt(fieldCollection, keyword(true))
	dm.AddFieldMappingsAt(fieldSources, keyword(false))
	para := bleve.NewNumericFieldMapping()
	para.Index = false
	para.IncludeInAll = false
	para.DocValues = false
	dm.AddFieldMappingsAt(fieldParagraph, para)
	im.DefaultMapping = dm
	return im, nil
}
