package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping or the analysis changes. An
// index built with another version is rebuilt on open rather than read with
// analyzers that no longer match its terms.
const MappingVersion = 8

// Field names of a passage document.
const (
	fieldText      = "text"
	fieldSpell     = "spell"
	fieldNumbers   = "numbers"
	fieldHeading   = "heading"
	fieldTitle     = "title"
	fieldLeadTitle = "lead_title"
	fieldArticle   = "article"
	fieldPublisher = "publisher"
	fieldAuthor    = "author"
	fieldURL       = "url"
	fieldPublished = "published"
	fieldParagraph = "paragraph"
	fieldSources   = "sources"
)

// passageDoc is what one paragraph looks like in the index. The same text
// goes into three fields analysed three ways.
type passageDoc struct {
	Text      string   `json:"text"`
	Spell     string   `json:"spell"`
	Numbers   string   `json:"numbers"`
	Heading   string   `json:"heading"`
	Title     string   `json:"title"`
	LeadTitle string   `json:"lead_title,omitempty"`
	Article   string   `json:"article"`
	Publisher string   `json:"publisher"`
	Author    string   `json:"author"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Paragraph float64  `json:"paragraph"`
	Sources   []string `json:"sources"`
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
	heading := analysed(analyzerText, true)
	heading.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldHeading, heading)
	// Every passage stores its article's title for attribution; only the
	// first passage has it searchable, so a word of the title finds the
	// article's lead instead of every one of its passages.
	title := analysed(analyzerText, true)
	title.Index = false
	title.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldTitle, title)
	lead := analysed(analyzerText, false)
	lead.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldLeadTitle, lead)
	dm.AddFieldMappingsAt(fieldArticle, keyword(true))
	for _, f := range []string{fieldPublisher, fieldAuthor, fieldURL, fieldPublished, fieldSources} {
		dm.AddFieldMappingsAt(f, keyword(false))
	}
	para := bleve.NewNumericFieldMapping()
	para.Index = false
	para.IncludeInAll = false
	para.DocValues = false
	dm.AddFieldMappingsAt(fieldParagraph, para)
	im.DefaultMapping = dm
	return im, nil
}
