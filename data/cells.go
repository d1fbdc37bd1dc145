package data

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/upstream-tui/upstream-tui/model"
)

// item is one entry of a table cell: cells hold several, separated by <br>
// or written as <ul><li> lists.
type item model.Text

// separator matches the inline HTML tags that split a cell into items.
var separator = regexp.MustCompile(`(?i)^</?\s*(br|li|ul|ol|p)\b`)

// items splits a cell's inline content into items, dropping empty ones.
func (p *parser) items(cell ast.Node) []item {
	if cell == nil {
		return nil
	}
	var out []item
	var cur item
	flush := func() {
		if strings.TrimSpace(model.Text(cur).Plain()) != "" {
			out = append(out, trimItem(cur))
		}
		cur = nil
	}
	for n := cell.FirstChild(); n != nil; n = n.NextSibling() {
		if raw, ok := n.(*ast.RawHTML); ok && separator.Match(raw.Segments.Value(p.src)) {
			flush()
			continue
		}
		cur = p.appendInline(cur, n, "")
	}
	flush()
	return out
}

// appendInline appends the text of an inline node to it; url is the
// destination of an enclosing link.
func (p *parser) appendInline(it item, n ast.Node, url string) item {
	add := func(s string) {
		if s = p.clean(s); s == "" {
			return
		}
		if k := len(it) - 1; k >= 0 && it[k].URL == url {
			it[k].Text += s
			return
		}
		it = append(it, model.Span{Text: s, URL: url})
	}
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(p.src)
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
		url = p.clean(string(unescape(n.Destination)))
		if n.FirstChild() == nil {
			add(url)
		}
	case *ast.AutoLink:
		u := p.clean(string(n.URL(p.src)))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			add(string(n.Label(p.src)))
			it[len(it)-1].URL = "mailto:" + u
			return it
		}
		return append(it, model.Span{Text: p.clean(string(n.Label(p.src))), URL: u})
	case *ast.RawHTML:
		return it // other inline HTML is dropped, as a browser shows no tag
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		it = p.appendInline(it, c, url)
	}
	return it
}

// clean sanitises text on its way into the model, and notes that the row
// being read had something to remove.
func (p *parser) clean(s string) string {
	c := Sanitize(s)
	if c != s {
		p.dirty = true
	}
	return c
}

// unescape resolves backslash escapes and character references.
func unescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// trimItem trims the spaces around an item and collapses runs of spaces.
func trimItem(it item) item {
	out := make(item, 0, len(it))
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

func (it item) plain() string { return strings.TrimSpace(model.Text(it).Plain()) }

// links returns the item's link spans, labelled by their text.
func (it item) links() []model.Span {
	var out []model.Span
	for _, s := range it {
		if s.URL != "" {
			s.Text = strings.TrimSpace(s.Text)
			out = append(out, s)
		}
	}
	return out
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

// plain returns a node's text with links reduced to labels and items
// separated by spaces.
func (p *parser) plain(n ast.Node) string {
	if n == nil {
		return ""
	}
	var parts []string
	for _, it := range p.items(n) {
		parts = append(parts, it.plain())
	}
	return strings.Join(parts, " ")
}
