package model

// Prose is a catalog's Markdown prose read into blocks, one level deep:
// the blocks inside a quote or a list item are flattened out of it, each
// marked with what it was in. Its text is plain (escapes resolved, HTML
// left out), for a view to write in its own markup.
type Prose []Block

// Block is one block of prose: a heading, a paragraph, a code block or a
// thematic break.
type Block struct {
	Kind BlockKind
	// In says what the block was flattened out of: the innermost quote
	// or list item around it, or nothing.
	In Container
	// Level is a heading's level, 1 to 6.
	Level int
	// Text is a heading's or a paragraph's inline content.
	Text []Inline
	// Lines are a code block's lines, as written, without newlines.
	Lines []string
}

// BlockKind says what a Block is.
type BlockKind int

// The kinds of block.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockCode
	BlockRule
)

// Container is what a Block was flattened out of.
type Container int

// The containers a Block can be in.
const (
	InNone Container = iota
	InQuote
	InListItem
)

// Inline is a run of a block's text: plain text, a link, or emphasis.
type Inline struct {
	Kind InlineKind
	// Text is the run's text: a link's label or the emphasised text,
	// without markup.
	Text string
	// URL is a link's destination, as written, which passed the URL rule
	// (CheckURL); a link that does not is read as text.
	URL string
	// Level is emphasis's strength: 1 for emphasis, 2 for strong.
	Level int
}

// InlineKind says what an Inline is.
type InlineKind int

// The kinds of inline.
const (
	InlineText InlineKind = iota
	InlineLink
	InlineEmphasis
)

// Texts returns every text of the prose: inline texts, URLs and code
// lines.
func (p Prose) Texts() []string {
	var texts []string
	for _, b := range p {
		for _, in := range b.Text {
			texts = append(texts, in.Text, in.URL)
		}
		texts = append(texts, b.Lines...)
	}
	return texts
}
