package markdown

import (
	"iter"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// item is one entry of a table cell: cells hold several, separated by <br>
// or written as <ul><li> lists.
type item model.Text

// separator matches the inline HTML tags that split a cell into items.
var separator = regexp.MustCompile(`(?i)^</?\s*(br|li|ul|ol|p)\b`)

// items splits a cell's inline content into items, dropping empty ones.
func (c *chunk) items(cell ast.Node) []item {
	if cell == nil {
		return nil
	}
	var out []item
	var cur item
	flush := func() {
		out = appendItem(out, cur)
		cur = nil
	}
	for n := cell.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*cellBreak); ok {
			flush()
			continue
		}
		if raw, ok := n.(*ast.RawHTML); ok && separator.Match(raw.Segments.Value(c.src)) {
			flush()
			continue
		}
		cur = c.appendInline(cur, n, "")
	}
	flush()
	return out
}

// appendItem appends an item to items unless it is blank, trimmed. The
// item appended has no room to grow: it may end inside a buffer.
func appendItem(items []item, it item) []item {
	for _, s := range it {
		if strings.TrimSpace(s.Text) != "" {
			it = trimItem(it)
			return append(items, it[:len(it):len(it)])
		}
	}
	return items
}

// add appends sanitised text to an item, to its last span when that has the
// same url.
func (c *chunk) add(it item, s, url string) item {
	if s = c.clean(s); s == "" {
		return it
	}
	if k := len(it) - 1; k >= 0 && it[k].URL == url {
		it[k].Text = c.join.concat(it[k].Text, s)
		return it
	}
	return append(it, model.Span{Text: s, URL: url})
}

// joiner concatenates a span's text piece by piece in linear time: a cell
// of many small pieces in a row ("*a _b " repeated) made "+=" copy the
// whole span for each piece, quadratic in the cell's length.
type joiner struct {
	b    strings.Builder
	work *atomic.Int64 // counts the bytes copied, for tests; may be nil
}

// concat returns a+b. When a is what the joiner built last, b is written
// after it (a Builder never changes bytes it has written, so strings it
// returned stay valid); otherwise the joiner starts again from a.
func (j *joiner) concat(a, b string) string {
	if last := j.b.String(); len(a) == 0 || len(last) != len(a) || unsafe.StringData(last) != unsafe.StringData(a) {
		j.b = strings.Builder{}
		j.b.Grow(2 * (len(a) + len(b)))
		j.b.WriteString(a)
		j.count(len(a))
	}
	j.b.WriteString(b)
	j.count(len(b))
	return j.b.String()
}

func (j *joiner) count(n int) {
	if j.work != nil {
		j.work.Add(int64(n))
	}
}

// appendInline appends the text of an inline node to it; url is the
// destination of an enclosing link.
func (c *chunk) appendInline(it item, n ast.Node, url string) item {
	add := func(s string) { it = c.add(it, s, url) }
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(c.src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		add(string(v))
		if n.SoftLineBreak() || n.HardLineBreak() {
			add(" ")
		}
		return it
	case *ast.String:
		add(string(n.Value))
		return it
	case *ast.Link:
		url = c.clean(string(unescape(n.Destination)))
		if n.FirstChild() == nil {
			add(url)
		}
	case *ast.AutoLink:
		// Without linkify, an autolink's URL is its label.
		return c.autoLink(it, string(n.Label(c.src)), url, n.AutoLinkType == ast.AutoLinkEmail)
	case *ast.RawHTML:
		return it // other inline HTML is dropped, as a browser shows no tag
	}
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		it = c.appendInline(it, child, url)
	}
	return it
}

// autoLink appends an autolink, <label>, to it; url is the destination
// of an enclosing link. An e-mail address becomes a mailto: link, made of
// the span it joins.
func (c *chunk) autoLink(it item, label, url string, email bool) item {
	u := c.clean(label)
	if email && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		it = c.add(it, label, url)
		it[len(it)-1].URL = "mailto:" + u
		return it
	}
	return append(it, model.Span{Text: u, URL: u})
}

// clean sanitises text on its way into the model, and notes that the row
// being read had something to remove.
func (c *chunk) clean(s string) string {
	clean := inert.Text(s)
	if clean != s {
		c.dirty = true
	}
	return clean
}

// trimItem trims the spaces around an item and collapses runs of spaces,
// in place.
func trimItem(it item) item {
	out := it[:0]
	for _, s := range it {
		s.Text = collapseSpace(s.Text)
		if s.Text == "" {
			continue
		}
		out = append(out, s)
	}
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		k := len(out) - 1
		out[k].Text = strings.TrimRight(out[k].Text, " ")
	}
	return out
}

func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// needsCollapse reports whether s has a space other than ' ' or two
// spaces in a row, which collapseSpace changes.
func needsCollapse(s string) bool {
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return true
			}
			space = true
		case unicode.IsSpace(r):
			return true
		default:
			space = false
		}
	}
	return false
}

func (it item) plain() string { return strings.TrimSpace(model.Text(it).Plain()) }

// links yields the item's link spans, labelled by their trimmed text.
func (it item) links() iter.Seq[model.Span] {
	return func(yield func(model.Span) bool) {
		for _, s := range it {
			if s.URL != "" {
				s.Text = strings.TrimSpace(s.Text)
				if !yield(s) {
					return
				}
			}
		}
	}
}

func (it item) hasLinks() bool {
	for _, s := range it {
		if s.URL != "" {
			return true
		}
	}
	return false
}

// words reports whether the item has a letter or digit outside its links,
// so that "([releases](...))" leaves no note behind.
func (it item) words() bool {
	for _, s := range it {
		if s.URL == "" && strings.IndexFunc(s.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return true
		}
	}
	return false
}

// plainItems returns a cell's text with links reduced to labels and items
// separated by spaces.
func plainItems(items []item) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.plain()
	}
	return strings.Join(parts, " ")
}

// cellTagParser reads the simple inline tags that split cells (<br>, <br/>,
// <li>, </li>, <ul>, </ul>, <ol>, </ol>, <p>, </p>) with a few byte
// comparisons, ahead of goldmark's raw HTML parser, whose regular
// expressions cost a quarter of a large catalog's parse. Anything else
// starting with '<' falls through to goldmark.
type cellTagParser struct{}

func (cellTagParser) Trigger() []byte { return []byte{'<'} }

func (cellTagParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	n := simpleTagLen(line)
	if n == 0 {
		return nil
	}
	block.Advance(n)
	return &cellBreak{}
}

// cellBreak is a tag that splits a cell into items. It is a node of its own
// rather than a RawHTML, whose segment list costs 640 bytes a tag.
type cellBreak struct{ ast.BaseInline }

var kindCellBreak = ast.NewNodeKind("CellBreak")

func (*cellBreak) Kind() ast.NodeKind { return kindCellBreak }

func (n *cellBreak) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// simpleTagLen returns the length of a simple tag at the start of b, or 0.
func simpleTagLen[T string | []byte](b T) int {
	i := 1 // past '<'
	if i < len(b) && b[i] == '/' {
		i++
	}
	start := i
	for i < len(b) && ('a' <= b[i]|0x20 && b[i]|0x20 <= 'z') {
		i++
	}
	switch strings.ToLower(string(b[start:i])) {
	case "br", "li", "ul", "ol", "p":
	default:
		return 0
	}
	for i < len(b) && b[i] == ' ' {
		i++
	}
	if i < len(b) && b[i] == '/' {
		i++
	}
	if i < len(b) && b[i] == '>' {
		return i + 1
	}
	return 0
}
