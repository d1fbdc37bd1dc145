package markdown

import (
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// maxProse bounds the prose that is read; the rest is cut, marked "…".
const maxProse = 64 << 10

// proseParser is the CommonMark parser for a catalog's prose.
var proseParser = goldmark.New()

// Prose reads a catalog's prose (untrusted, sanitised Markdown) into
// model blocks: headings, paragraphs, code blocks and rules, with the
// blocks of quotes and lists flattened one level deep, and inline text,
// links that pass the URL rule and emphasis. Raw HTML is left out, as a
// browser shows no tag.
// Past 64 KiB the prose is cut; lists nested deeper than about 32 levels
// and blocks with more than 64 openers are read literally (bounds.go).
func Prose(s string) model.Prose {
	return prose(s, new(atomic.Int64))
}

// prose is Prose counting its work in w.
func prose(s string, w *atomic.Int64) model.Prose {
	src := tameProse(flattenDeep([]byte(inert.Cap(s, maxProse)), w), w)
	doc := proseParser.Parser().Parse(text.NewReader(src))
	r := proseReader{src: src, work: w}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n, model.InNone)
	}
	return r.out
}

// proseReader turns prose's syntax tree into blocks.
type proseReader struct {
	src  []byte
	out  model.Prose
	work *atomic.Int64
}

// block reads a block and, flattened, the blocks inside it; in is the
// innermost container around it.
func (r *proseReader) block(n ast.Node, in model.Container) {
	switch n := n.(type) {
	case *ast.Heading:
		r.out = append(r.out, model.Block{Kind: model.BlockHeading, In: in, Level: n.Level, Text: r.inlines(n)})
	case *ast.Paragraph, *ast.TextBlock:
		r.out = append(r.out, model.Block{Kind: model.BlockParagraph, In: in, Text: r.inlines(n)})
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		b := model.Block{Kind: model.BlockCode, In: in}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Lines = append(b.Lines, strings.TrimRight(string(seg.Value(r.src)), "\n"))
		}
		r.out = append(r.out, b)
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c, model.InQuote)
		}
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				r.block(c, model.InListItem)
			}
		}
	case *ast.ThematicBreak:
		r.out = append(r.out, model.Block{Kind: model.BlockRule, In: in})
	}
	// HTML blocks and anything else are left out.
}

// inlines reads a block's inline content, trimmed of the spaces around it.
func (r *proseReader) inlines(n ast.Node) []model.Inline {
	var out []model.Inline
	join := joiner{work: r.work}
	addText := func(s string) {
		if k := len(out) - 1; k >= 0 && out[k].Kind == model.InlineText {
			out[k].Text = join.concat(out[k].Text, s)
			return
		}
		out = append(out, model.Inline{Kind: model.InlineText, Text: s})
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(r.src)
				if !c.IsRaw() {
					// A character reference may spell a control character.
					v = []byte(inert.Text(string(unescape(v))))
				}
				addText(string(v))
				if c.SoftLineBreak() || c.HardLineBreak() {
					addText(" ")
				}
			case *ast.String:
				addText(string(c.Value))
			case *ast.Link:
				// A link the URL rule refuses is only its label.
				if url := string(c.Destination); model.CheckURL(url) == nil {
					out = append(out, model.Inline{Kind: model.InlineLink, Text: r.plain(c), URL: url})
				} else {
					addText(r.plain(c))
				}
			case *ast.AutoLink:
				addText(string(c.Label(r.src)))
			case *ast.Emphasis:
				out = append(out, model.Inline{Kind: model.InlineEmphasis, Text: r.plain(c), Level: c.Level})
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return trimInlines(out)
}

// plain is a node's text as written, without any markup.
func (r *proseReader) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(r.src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// trimInlines trims the spaces at the start and the end of a block's
// text, dropping the text runs left empty; links and emphasis, which are
// written with their markup, end the trimming.
func trimInlines(in []model.Inline) []model.Inline {
	for len(in) > 0 && in[0].Kind == model.InlineText {
		if in[0].Text = strings.TrimLeftFunc(in[0].Text, unicode.IsSpace); in[0].Text != "" {
			break
		}
		in = in[1:]
	}
	for k := len(in) - 1; k >= 0 && in[k].Kind == model.InlineText; k = len(in) - 1 {
		if in[k].Text = strings.TrimRightFunc(in[k].Text, unicode.IsSpace); in[k].Text != "" {
			break
		}
		in = in[:k]
	}
	return in
}
