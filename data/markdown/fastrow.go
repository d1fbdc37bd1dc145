package markdown

import (
	"strings"

	"github.com/upstream-tui/upstream-tui/model"
)

// Most rows of a catalog use a small, plain part of Markdown: text,
// [label](url) links and the tags that split items. fastRow reads such a
// row directly, to exactly what goldmark would make of it (FuzzParse
// checks that), in a tenth of goldmark's time and without copying its text:
// spans are substrings of the source. Anything else (emphasis, code,
// escapes, images, other HTML, reference links) goes to goldmark.

// fastCell is one cell read by fastRow, with whether the sanitiser removed
// something from it.
type fastCell struct {
	items []item
	dirty bool
}

// fastRow reads a row, line being its text, or reports that it needs
// goldmark. It splits the cells as goldmark's table extension does: the
// line and each cell trimmed of spaces, an outer pipe on either side
// dropped, and cells past the header's ignored.
func (c *chunk) fastRow(line string, t table, n int) (row, bool) {
	s := strings.Trim(line, markdownSpace)
	if strings.ContainsAny(s, "\\`") {
		return row{}, false // escapes and code spans change where cells end
	}
	pos, limit := 0, len(s)
	if limit > 0 && s[0] == '|' {
		pos++
	}
	if limit > 0 && s[limit-1] == '|' {
		limit--
	}
	c.spanBuf, c.itemBuf, c.cellBuf = c.spanBuf[:0], c.itemBuf[:0], c.cellBuf[:0]
	cells := c.cellBuf
	for pos < limit && len(cells) < t.headerCells {
		end := strings.IndexByte(s[pos:limit], '|')
		if end < 0 {
			end = limit
		} else {
			end += pos
		}
		cell, ok := c.fastCell(strings.Trim(s[pos:end], markdownSpace))
		if !ok {
			return row{}, false
		}
		cells = append(cells, cell)
		pos = end + 1
	}
	c.cellBuf = cells
	get := func(i int) []item {
		if i < 0 || i >= len(cells) {
			return nil
		}
		c.dirty = c.dirty || cells[i].dirty
		return cells[i].items
	}
	return c.row(get, t.cols, n, cellCount(line)), true
}

// markdownSpace is what goldmark trims from rows and cells.
const markdownSpace = " \t\n\r"

// fastCell reads one cell's items, keeping the row's dirty flag apart: a
// cell's counts only once the row reads that cell, as with goldmark.
func (c *chunk) fastCell(s string) (fastCell, bool) {
	rowDirty := c.dirty
	c.dirty = false
	items, ok := c.fastItems(s)
	cell := fastCell{items, c.dirty}
	c.dirty = rowDirty
	return cell, ok
}

// fastItems splits a cell into items at the tags that separate them. The
// items and their spans are the row's buffers.
func (c *chunk) fastItems(s string) ([]item, bool) {
	start := len(c.itemBuf)
	cur := c.newItem()
	text := 0 // start of the text not yet added
	// The cell's openers (bounds.go), counted as it is read: in a cell
	// read here they are the brackets of its links.
	opened := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '*', '_', ']':
			return nil, false
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				return nil, false
			}
		case '<':
			n := simpleTagLen(s[i:])
			if n == 0 {
				return nil, false
			}
			cur = c.add(cur, unescapeString(s[text:i]), "")
			c.keepItem(cur)
			cur = c.newItem()
			i += n
			text = i
			continue
		case '[':
			label, dest, n, ok := simpleLink(s[i:])
			if !ok {
				return nil, false
			}
			if opened += 2 + strings.Count(dest, "[") + strings.Count(dest, "]"); opened > maxOpeners {
				return nil, false // goldmark's path reads it literally
			}
			cur = c.add(cur, unescapeString(s[text:i]), "")
			url := c.clean(unescapeString(dest))
			if label == "" {
				cur = c.add(cur, url, url) // goldmark shows the destination
			} else {
				cur = c.add(cur, unescapeString(label), url)
			}
			i += n
			text = i
			continue
		}
		i++
	}
	cur = c.add(cur, unescapeString(s[text:]), "")
	c.keepItem(cur)
	return c.itemBuf[start:len(c.itemBuf):len(c.itemBuf)], true
}

// newItem starts an item at the end of the row's span buffer: adding spans
// to it fills the buffer's free room instead of allocating.
func (c *chunk) newItem() item {
	if cap(c.spanBuf) == 0 {
		c.spanBuf = make([]model.Span, 0, 256)
	}
	return c.spanBuf[len(c.spanBuf):len(c.spanBuf)]
}

// keepItem appends it to the row's items unless it is blank, and makes
// the span buffer's room it took its own. An item that outgrew the room
// was moved to a slice of its own by append.
func (c *chunk) keepItem(it item) {
	n := len(c.spanBuf)
	if len(it) > 0 && n+len(it) <= cap(c.spanBuf) && &c.spanBuf[:n+1][n] == &it[0] {
		c.spanBuf = c.spanBuf[:n+len(it)]
	}
	c.itemBuf = appendItem(c.itemBuf, it)
}

// simpleLink reads a link at the start of s, "[label](destination)", whose
// label is plain text and whose destination has no spaces, parentheses or
// angle brackets. n is the link's length.
func simpleLink(s string) (label, dest string, n int, ok bool) {
	end := strings.IndexByte(s, ']')
	if end < 0 || strings.ContainsAny(s[1:end], "[*_<!") {
		return "", "", 0, false
	}
	label = s[1:end]
	rest := s[end+1:]
	if !strings.HasPrefix(rest, "(") {
		return "", "", 0, false // perhaps a reference link
	}
	close := strings.IndexByte(rest, ')')
	if close < 2 {
		return "", "", 0, false
	}
	dest = rest[1:close]
	for i := 0; i < len(dest); i++ {
		if b := dest[i]; b <= ' ' || b == '(' || b == '<' {
			return "", "", 0, false
		}
	}
	return label, dest, end + 1 + close + 1, true
}

// unescapeString resolves character references, the only escapes that
// fastRow lets through; most text has none and is returned as it is.
func unescapeString(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return string(unescape([]byte(s)))
}
