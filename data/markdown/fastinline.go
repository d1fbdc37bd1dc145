package markdown

import (
	"unsafe"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// scanCell reads a cell's inline Markdown into pieces as goldmark's inline
// parser would, left to right with the same triggers and the same
// priorities, or reports that it needs goldmark. It runs in time linear in
// the cell's length times its openers, which fastRow bounds.

// pieceKind says what a piece of a cell is.
type pieceKind uint8

const (
	pieceText      pieceKind = iota // source text: escapes and references to resolve
	pieceLiteral                    // text as it is: a code span, a link's destination shown
	pieceDelimiter                  // a run of '*' or '_': what emphasis leaves of it is text
	pieceBreak                      // a tag that splits the cell into items
	pieceAutoLink                   // <scheme:...>
	pieceEmail                      // <user@host>
)

// piece is a piece of a cell, in order; url is the destination of the
// link it is in.
type piece struct {
	kind      pieceKind
	text      string
	url       string
	delimiter int // pieceDelimiter: its index in the cell's delimiters
}

// scanCell reads s into c.pieces and c.delims.
func (c *chunk) scanCell(s string) bool {
	c.pieces = c.pieces[:0]
	c.delims.reset()
	text := 0  // start of the text not yet in a piece
	link := -1 // the first piece of an open link's text; -1: none open
	bottom := 0
	add := func(p piece) { c.pieces = append(c.pieces, p) }
	flush := func(i int) {
		if i > text {
			add(piece{kind: pieceText, text: s[text:i]})
		}
	}
	for i := 0; i < len(s); {
		if !special[s[i]] {
			i++
			continue
		}
		switch s[i] {
		case '\\':
			i = min(i+2, len(s)) // an escaped byte triggers nothing
			continue
		case '*', '_':
			j := runEnd(s, i)
			flush(i)
			c.delims.push(s, i, j, len(c.pieces))
			add(piece{kind: pieceDelimiter, text: s[i:j], delimiter: len(c.delims.d) - 1})
			i, text = j, j
			continue
		case '`':
			j := runEnd(s, i)
			from, to, ok := codeSpanEnd(s, j, j-i)
			if !ok {
				i = j // the run is text
				continue
			}
			flush(i)
			add(piece{kind: pieceLiteral, text: codeSpanText(s[j:from])})
			i, text = to, to
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				return false // an image
			}
		case '[':
			if link >= 0 {
				return false // a link in a link's text
			}
			flush(i)
			// The bracket is text until a link closes it.
			add(piece{kind: pieceLiteral, text: "["})
			link, bottom = len(c.pieces), len(c.delims.d)
			i++
			text = i
			continue
		case ']':
			if link < 0 {
				break // text: no link is open
			}
			dest, n, ok := linkTail(s[i+1:])
			if !ok {
				if c.refs {
					return false // perhaps a reference link
				}
				link = -1 // no link: both brackets are text
				break
			}
			flush(i)
			c.delims.process(bottom)
			c.pieces[link-1].text = ""
			url := c.clean(unescapeString(dest))
			if link == len(c.pieces) {
				add(piece{kind: pieceLiteral, text: url}) // goldmark shows the destination
			}
			for k := link; k < len(c.pieces); k++ {
				c.pieces[k].url = url
			}
			link = -1
			i += 1 + n
			text = i
			continue
		case '<':
			if n, email := autoLinkLen(s[i:]); n > 0 {
				if link >= 0 {
					return false
				}
				flush(i)
				kind := pieceAutoLink
				if email {
					kind = pieceEmail
				}
				add(piece{kind: kind, text: s[i+1 : i+n-1]})
				i += n
				text = i
				continue
			}
			if n := simpleTagLen(s[i:]); n > 0 {
				if link >= 0 {
					return false // goldmark drops a break in a link
				}
				flush(i)
				add(piece{kind: pieceBreak})
				i += n
				text = i
				continue
			}
			if n := rawHTMLLen(s[i:]); n > 0 {
				if link >= 0 {
					return false
				}
				flush(i)
				if separator.MatchString(s[i : i+n]) {
					add(piece{kind: pieceBreak})
				}
				i += n
				text = i
				continue
			}
		}
		i++
	}
	// A bracket left open is text; the delimiters after it match
	// those before as if it were not there.
	flush(len(s))
	c.delims.process(0)
	return true
}

// runEnd returns the end of the run of s[i] that starts at i.
func runEnd(s string, i int) int {
	j := i + 1
	for j < len(s) && s[j] == s[i] {
		j++
	}
	return j
}

// codeSpanEnd finds the run of exactly n backticks that closes a code
// span opened before from: its start and end.
func codeSpanEnd(s string, from, n int) (start, end int, ok bool) {
	for k := from; k < len(s); {
		if s[k] != '`' {
			k++
			continue
		}
		j := runEnd(s, k)
		if j-k == n {
			return k, j, true
		}
		k = j
	}
	return 0, 0, false
}

// codeSpanText is a code span's text: one space trimmed from each side
// when both have one and it is not all spaces.
func codeSpanText(s string) string {
	if len(s) >= 2 && isSpaceOrNewline(s[0]) && isSpaceOrNewline(s[len(s)-1]) && !util.IsBlank(readOnlyBytes(s)) {
		return s[1 : len(s)-1]
	}
	return s
}

func isSpaceOrNewline(b byte) bool { return b == ' ' || b == '\n' }

// linkTail reads the rest of an inline link after its text,
// "(destination)" or "(destination title)", as goldmark's parseLink
// does; n is its length. ok is false when goldmark reads no inline link
// there.
func linkTail(s string) (dest string, n int, ok bool) {
	if len(s) == 0 || s[0] != '(' {
		return "", 0, false
	}
	i := skipSpace(s, 1)
	if i < len(s) && s[i] == ')' {
		return "", i + 1, true // no destination
	}
	if dest, i, ok = linkDestination(s, i); !ok {
		return "", 0, false
	}
	if i = skipSpace(s, i); i < len(s) && s[i] == ')' {
		return dest, i + 1, true
	}
	if i == len(s) {
		return "", 0, false
	}
	open, close := s[i], s[i]
	switch open {
	case '"', '\'':
	case '(':
		close = ')'
	default:
		return "", 0, false
	}
	for i++; i < len(s) && s[i] != close; i++ {
		if s[i] == '\\' && i < len(s)-1 && util.IsPunct(s[i+1]) {
			i++
		} else if s[i] == open {
			return "", 0, false // goldmark's titles do not nest
		}
	}
	if i == len(s) {
		return "", 0, false
	}
	if i = skipSpace(s, i+1); i < len(s) && s[i] == ')' {
		return dest, i + 1, true
	}
	return "", 0, false
}

// linkDestination reads a link's destination at s[i:], in angle
// brackets or not, as goldmark's parseLinkDestination does: the
// destination and the index after it.
func linkDestination(s string, i int) (dest string, end int, ok bool) {
	if i < len(s) && s[i] == '<' {
		for k := i + 1; k < len(s); k++ {
			if s[k] == '\\' && k < len(s)-1 && util.IsPunct(s[k+1]) {
				k++
			} else if s[k] == '>' {
				return s[i+1 : k], k + 1, true
			}
		}
		return "", 0, false
	}
	start, opened := i, 0
	for ; i < len(s); i++ {
		b := s[i]
		if b == '\\' && i < len(s)-1 && util.IsPunct(s[i+1]) {
			i++
			continue
		}
		if b == '(' {
			opened++
		} else if b == ')' {
			if opened--; opened < 0 {
				break
			}
		} else if util.IsSpace(b) {
			break
		}
	}
	return s[start:i], i, i > start
}

// skipSpace returns the index of the first byte at or after i that is
// not a space.
func skipSpace(s string, i int) int {
	for i < len(s) && util.IsSpace(s[i]) {
		i++
	}
	return i
}

// autoLinkLen returns the length of an autolink at the start of s, and
// whether it is an e-mail address; 0 when there is none. It asks
// goldmark's own scanners, tried in the same order.
func autoLinkLen(s string) (n int, email bool) {
	b := readOnlyBytes(s[1:])
	stop, email := util.FindEmailIndex(b), true
	if stop < 0 {
		stop, email = util.FindURLIndex(b), false
	}
	if stop < 0 || stop+1 >= len(s) || s[stop+1] != '>' {
		return 0, false
	}
	return stop + 2, email
}

// rawHTML is goldmark's own reader of inline HTML: what it reads is
// dropped, or splits a cell when it is one of the item separators.
var rawHTML = parser.NewRawHTMLParser()

// rawHTMLLen returns the length of the inline HTML (a tag, a comment, a
// declaration, an instruction) at the start of s; 0 when there is none.
func rawHTMLLen(s string) int {
	r := text.NewReader(readOnlyBytes(s))
	if rawHTML.Parse(nil, r, nil) == nil {
		return 0
	}
	_, pos := r.Position()
	return pos.Start
}

// readOnlyBytes is s as a byte slice, sharing its memory: it must not be
// written to.
func readOnlyBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
