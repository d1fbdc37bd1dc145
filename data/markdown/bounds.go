package markdown

import (
	"bytes"
	"strings"
	"sync/atomic"
)

// goldmark's inline parser is quadratic on some input: each unclosed link
// ("[x](" repeated), raw-HTML opener ("<?") or run of emphasis delimiters
// ("_*a" repeated) may scan the rest of its cell or paragraph, and its
// block parser does work per line for every list the line is nested in.
// No real catalog comes near these bounds (its busiest cell has 8
// openers, its busiest paragraph 7, its deepest list 2 levels, its table
// 6 columns), so a catalog that does is read in
// linear time, a little more literally (a cell with a lint warning on its
// line):
//
//   - a cell with more than maxOpeners openers is read as literal text
//     (its openers escaped), still split into items at <br> and <li>;
//   - a block of prose with more than maxOpeners likewise;
//   - a list marker at or past column maxContainerColumn is read as
//     text, so lists nest no deeper than about half that;
//   - a table with more than maxColumns columns is not the project table.

const (
	maxOpeners         = 64
	maxContainerColumn = 64
	maxColumns         = 64
)

// openers counts what in s may make goldmark scan far ahead or keep
// state: each "[" (an opener every later "]" is matched against), each
// "]" (a link's destination or reference is looked for after it), each "<"
// other than the tags that split items (raw HTML and autolinks are looked
// for up to their end), each run of backticks (its closing run) and each
// run of "*" or "_" (delimiters matched against every opener before them).
// A backslash-escaped byte opens nothing.
func openers[T string | []byte](s T) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !special[s[i]] {
			continue // most bytes: skipped at the cost of a load
		}
		switch s[i] {
		case '\\':
			i++
		case '[', ']':
			n++
		case '<':
			if simpleTagLen(s[i:]) == 0 {
				n++
			}
		case '`', '*', '_':
			if i == 0 || s[i-1] != s[i] {
				n++
			}
		}
	}
	return n
}

// special marks the bytes that may open something or escape it, to
// Markdown's inline parser: openers and fastRow skip the others quickly.
var special = func() (t [256]bool) {
	for _, b := range []byte("\\[]<`*_!") {
		t[b] = true
	}
	return t
}()

// escapeOpeners returns s with every opener escaped, so that goldmark
// reads it as literal text in linear time; the tags that split items and
// what was already escaped are kept.
func escapeOpeners(dst []byte, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; b {
		case '\\':
			if i+1 < len(s) {
				dst = append(dst, b, s[i+1])
				i++
				continue
			}
		case '<':
			if n := simpleTagLen(s[i:]); n > 0 {
				dst = append(dst, s[i:i+n]...)
				i += n - 1
				continue
			}
			dst = append(dst, '\\')
		case ']', '[', '`', '*', '_':
			dst = append(dst, '\\')
		}
		dst = append(dst, s[i])
	}
	return dst
}

// tameRow returns a row with each cell of more than maxOpeners openers
// escaped (tamed reports whether any of its first columns table cells
// was), and adds the work goldmark may do on it to w: each cell's length
// times one plus its openers.
func tameRow(line []byte, columns int, w *atomic.Int64) (out []byte, tamed bool) {
	work, start := 0, 0
	var cells [][2]int
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] == '\\' {
			i++
			continue
		}
		if i == len(line) || line[i] == '|' {
			cells = append(cells, [2]int{start, i})
			start = i + 1
		}
	}
	out = line
	// The table's first cell is the one after a leading pipe.
	first := 0
	if bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("|")) {
		first = 1
	}
	cloned := false
	for k := len(cells) - 1; k >= 0; k-- {
		from, to := cells[k][0], cells[k][1]
		n := openers(line[from:to])
		if n > maxOpeners {
			if !cloned {
				out, cloned = bytes.Clone(line), true
			}
			// Only a cell the table reads is reported: the fast rows
			// never look at the cells past the header's.
			tamed = tamed || k-first < columns
			tail := bytes.Clone(out[to:])
			out = append(escapeOpeners(out[:from], line[from:to]), tail...)
			n = 0
		}
		work += (to - from) * (1 + n)
	}
	w.Add(int64(work + len(line)))
	return out, tamed
}

// tameProse escapes the openers of each block of prose (lines between
// blank lines) that has more than maxOpeners, and adds the work
// goldmark may do on the prose to w.
func tameProse(src []byte, w *atomic.Int64) []byte {
	var out []byte
	work := 0
	for start := 0; start < len(src); {
		end := blockEnd(src, start)
		block := src[start:end]
		n := openers(block)
		if n > maxOpeners {
			if out == nil {
				out = append(make([]byte, 0, len(src)+len(src)/2), src[:start]...)
			}
			out = escapeOpeners(out, block)
			n = 0
		} else if out != nil {
			out = append(out, block...)
		}
		work += len(block) * (1 + n)
		start = end
	}
	w.Add(int64(work))
	if out == nil {
		return src
	}
	return out
}

// blockEnd returns the end of the block of lines starting at start: past
// the first blank line after it, or the end of src.
func blockEnd(src []byte, start int) int {
	for i := start; i < len(src); {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return len(src)
		}
		line := src[i : i+nl]
		i += nl + 1
		if len(bytes.TrimSpace(line)) == 0 {
			return i
		}
	}
	return len(src)
}

// flattenDeep returns src with every list marker at or past column
// maxContainerColumn of a line's container prefix (indentation, ">" and
// list markers) turned into spaces, the same length so that offsets and
// lines hold; src itself when there is none. It adds to w the block
// parse's work: src's length times one plus the deepest marker kept.
func flattenDeep(src []byte, w *atomic.Int64) []byte {
	out, deepest := src, 0
	for start := 0; start < len(src); {
		end := len(src)
		if nl := bytes.IndexByte(src[start:], '\n'); nl >= 0 {
			end = start + nl + 1
		}
		col := 0
		for i := start; i < end; {
			b := src[i]
			switch {
			case b == ' ' || b == '>':
				col++
				i++
				continue
			case b == '\t':
				col += 4 - col%4
				i++
				continue
			}
			n := markerLen(src[i:end])
			if n == 0 {
				break
			}
			if col >= maxContainerColumn {
				if &out[0] == &src[0] {
					out = bytes.Clone(src)
				}
				copy(out[i:i+n], strings.Repeat(" ", n))
			} else {
				deepest = max(deepest, col)
			}
			col += n
			i += n
		}
		start = end
	}
	w.Add(int64(len(src) * (1 + deepest)))
	return out
}

// markerLen returns the length of a list marker at the start of b ("-",
// "+", "*", or up to nine digits and "." or ")"), when a space, a tab or
// the line's end follows it; 0 otherwise.
func markerLen(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*'):
		n = 1
	default:
		for n < len(b) && n < 9 && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n == len(b) || b[n] == ' ' || b[n] == '\t' || b[n] == '\n' || b[n] == '\r' {
		return n
	}
	return 0
}
