package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/upstream-tui/upstream-tui/model"
)

// maxAbout bounds the prose the about view renders.
const maxAbout = 64 << 10

// aboutMarkdown turns the catalog's prose (untrusted Markdown) into Markdown
// the program vouches for: headings, paragraphs, list items and quotes, one
// level deep, with every text escaped and only links that pass the URL rule.
// glamour never sees the catalog's own nesting (it is super-linear on deep
// quotes and lists) nor a link it would make clickable whatever its scheme.
func aboutMarkdown(c *model.Catalog) string {
	src := []byte(capText(c.About, maxAbout))
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		writeBlock(&b, n, src, "")
	}
	return b.String()
}

// writeBlock writes a block and, flattened, the blocks inside it. prefix
// is what each of its paragraphs starts with ("- ", "> ").
func writeBlock(b *strings.Builder, n ast.Node, src []byte, prefix string) {
	switch n := n.(type) {
	case *ast.Heading:
		if prefix == "" {
			b.WriteString(strings.Repeat("#", min(n.Level+1, 3)) + " " + inlineText(n, src) + "\n\n")
			return
		}
		b.WriteString(prefix + inlineText(n, src) + "\n\n")
	case *ast.Paragraph, *ast.TextBlock:
		b.WriteString(prefix + inlineText(n, src) + "\n\n")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.WriteString(prefix + escapeForGlamour(strings.TrimRight(string(seg.Value(src)), "\n")) + "  \n")
		}
		b.WriteString("\n")
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeBlock(b, c, src, "> ")
		}
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				writeBlock(b, c, src, "- ")
			}
		}
	case *ast.ThematicBreak:
		b.WriteString("---\n\n")
	}
	// HTML blocks and anything else are left out, as a browser shows no tag.
}

// inlineText writes a block's inline content as escaped text, keeping the
// links that pass the URL rule and emphasis.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				b.WriteString(escapeForGlamour(string(v)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(escapeForGlamour(string(c.Value)))
			case *ast.Link:
				label := plainText(c, src)
				if url := string(c.Destination); model.CheckURL(url) == nil {
					b.WriteString("[" + escapeForGlamour(label) + "](" + destination(url) + ")")
				} else {
					b.WriteString(escapeForGlamour(label))
				}
			case *ast.AutoLink:
				b.WriteString(escapeForGlamour(string(c.Label(src))))
			case *ast.Emphasis:
				mark := strings.Repeat("*", c.Level)
				b.WriteString(mark + plainEscaped(c, src) + mark)
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// plainText is a node's text without any markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func plainEscaped(n ast.Node, src []byte) string { return escapeForGlamour(plainText(n, src)) }

// capText cuts s to at most n bytes, on a rune boundary, marking the cut.
func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
