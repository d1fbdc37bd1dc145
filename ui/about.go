package ui

import (
	"strings"

	"github.com/upstream-tui/upstream-tui/model"
)

// aboutMarkdown writes the catalog's prose, read by data into blocks one
// level deep, as Markdown the program vouches for: headings, paragraphs,
// list items and quotes, with every text escaped and only links that pass
// the URL rule. glamour never sees the catalog's own nesting (it is
// super-linear on deep quotes and lists) nor a link it would make
// clickable whatever its scheme.
func aboutMarkdown(c *model.Catalog) string {
	var b strings.Builder
	for _, blk := range c.About {
		writeBlock(&b, blk)
	}
	return b.String()
}

// prefixes are what a block's lines start with, by what it was in.
var prefixes = map[model.Container]string{model.InNone: "", model.InQuote: "> ", model.InListItem: "- "}

// writeBlock writes one block of prose.
func writeBlock(b *strings.Builder, blk model.Block) {
	prefix := prefixes[blk.In]
	switch blk.Kind {
	case model.BlockHeading:
		if blk.In == model.InNone {
			b.WriteString(strings.Repeat("#", min(blk.Level+1, 3)) + " " + inlineText(blk.Text) + "\n\n")
			return
		}
		b.WriteString(prefix + inlineText(blk.Text) + "\n\n")
	case model.BlockParagraph:
		b.WriteString(prefix + inlineText(blk.Text) + "\n\n")
	case model.BlockCode:
		for _, line := range blk.Lines {
			b.WriteString(prefix + escapeForGlamour(line) + "  \n")
		}
		b.WriteString("\n")
	case model.BlockRule:
		b.WriteString("---\n\n")
	}
}

// inlineText writes a block's text escaped, with its links and emphasis.
func inlineText(text []model.Inline) string {
	var b strings.Builder
	for _, in := range text {
		switch in.Kind {
		case model.InlineLink:
			if model.CheckURL(in.URL) == nil {
				b.WriteString("[" + escapeForGlamour(in.Text) + "](" + destination(in.URL) + ")")
			} else {
				b.WriteString(escapeForGlamour(in.Text))
			}
		case model.InlineEmphasis:
			mark := strings.Repeat("*", in.Level)
			b.WriteString(mark + escapeForGlamour(in.Text) + mark)
		default:
			b.WriteString(escapeForGlamour(in.Text))
		}
	}
	return b.String()
}
