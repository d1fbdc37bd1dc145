package markdown

import (
	"strings"

	"github.com/upstream-tui/upstream-tui/model"
)

// Most rows of a catalog use a small part of Markdown: text, links (with
// or without titles), emphasis, code spans, escapes, character
// references, autolinks and the tags that split items. fastRow reads such
// a row directly, to exactly what goldmark would make of it (FuzzParse and
// TestFastRowMatchesGoldmark check that), in a fraction of goldmark's time
// and mostly without copying its text: spans are substrings of the
// source. Anything it is not sure of (images, other HTML, reference
// links, a link in a link, a tag that splits items inside emphasis, text
// the sanitiser changes) goes to goldmark.

// fastRow reads a row, line being its text, or reports that it needs
// goldmark. It splits the cells as goldmark's table extension does: the
// line and each cell trimmed of spaces, an outer pipe on either side
// dropped, a pipe after a backslash kept in its cell, and cells past the
// header's ignored.
func (c *chunk) fastRow(line string, t table, n int) (row, bool) {
	s := strings.Trim(line, markdownSpace)
	if strings.Contains(s, `\\|`) || strings.Contains(s, `\|`) && strings.IndexByte(s, '`') >= 0 {
		return row{}, false // goldmark's table reads these pipes its own way
	}
	if openers(s) > maxOpeners {
		return row{}, false // goldmark's path reads some of its cells literally (bounds.go)
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
		end := cellEnd(s, pos, limit)
		items, ok := c.fastItems(strings.Trim(s[pos:end], markdownSpace))
		if !ok {
			return row{}, false
		}
		cells = append(cells, items)
		pos = end + 1
	}
	c.cellBuf = cells
	get := func(i int) []item {
		if i < 0 || i >= len(cells) {
			return nil
		}
		return cells[i]
	}
	return c.row(get, t.cols, n, cellCount(line)), true
}

// cellEnd returns where the cell that starts at pos ends: at the first
// pipe before limit that no backslash precedes, or limit.
func cellEnd(s string, pos, limit int) int {
	for {
		k := strings.IndexByte(s[pos:limit], '|')
		if k < 0 {
			return limit
		}
		pos += k
		if pos == 0 || s[pos-1] != '\\' {
			return pos
		}
		pos++
	}
}

// markdownSpace is what goldmark trims from rows and cells.
const markdownSpace = " \t\n\r"

// fastItems reads a cell into items (fastinline.go), or reports that it
// needs goldmark. The items and their spans are the row's buffers.
func (c *chunk) fastItems(s string) ([]item, bool) {
	if !c.scanCell(s) {
		return nil, false
	}
	c.dirty = false
	start := len(c.itemBuf)
	cur := c.newItem()
	for k, p := range c.pieces {
		switch p.kind {
		case pieceBreak:
			if c.delims.nests(k) {
				return nil, false // goldmark drops a break inside emphasis
			}
			c.keepItem(cur)
			cur = c.newItem()
		case pieceText:
			cur = c.add(cur, unescapeString(p.text), p.url)
		case pieceLiteral:
			cur = c.add(cur, p.text, p.url)
		case pieceDelimiter:
			cur = c.add(cur, p.text[:c.delims.d[p.delimiter].length], p.url)
		case pieceAutoLink, pieceEmail:
			cur = c.autoLink(cur, p.text, "", p.kind == pieceEmail)
		}
	}
	c.keepItem(cur)
	if c.dirty {
		// goldmark cleans its text in other pieces: the same only
		// when there is nothing to remove.
		return nil, false
	}
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

// unescapeString resolves backslash escapes and character references;
// most text has none and is returned as it is.
func unescapeString(s string) string {
	if strings.IndexByte(s, '&') < 0 && strings.IndexByte(s, '\\') < 0 {
		return s
	}
	return string(unescape([]byte(s)))
}
