package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// A cell's emphasis shows only as its text: the reader keeps no styles, so
// what fastRow needs of "*a*" and "__b__" is which of their delimiters
// goldmark consumes and which it leaves as literal text. delimiters works
// that out as goldmark's parser does (parser/delimiter.go: ScanDelimiter,
// ProcessDelimiters), quirks included, for the runs of one cell.

// delimiter is a run of '*' or '_' in a cell.
type delimiter struct {
	char        byte
	open, close bool // it can open or close emphasis
	length      int  // delimiters not yet consumed by emphasis
	orig        int  // the run's length
	piece       int  // its index in the cell's pieces
	prev, next  int  // the active list, in order; -1 at its ends
}

// delimiters are a cell's delimiter runs, with the list of those still
// active (not yet matched away or cleared) as goldmark keeps it.
type delimiters struct {
	d           []delimiter
	first, last int // the active list; -1 when empty
	// matches are the pieces of each opener and closer that made
	// emphasis: what lies between them is nested in it.
	matches [][2]int
}

func (ds *delimiters) reset() {
	ds.d, ds.matches = ds.d[:0], ds.matches[:0]
	ds.first, ds.last = -1, -1
}

// push adds the run of b at s[i:j], the piece'th piece of cell s, with
// goldmark's rules for whether it can open or close emphasis: by the
// runes around it, a cell's start counting as a newline and its end as a
// space.
func (ds *delimiters) push(s string, i, j, piece int) {
	before, after := '\n', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	d := delimiter{char: s[i], open: left, close: right, length: j - i, orig: j - i, piece: piece, prev: ds.last, next: -1}
	if d.char == '_' {
		d.open = left && (!right || beforePunct)
		d.close = right && (!left || afterPunct)
	}
	k := len(ds.d)
	ds.d = append(ds.d, d)
	if ds.last >= 0 {
		ds.d[ds.last].next = k
	} else {
		ds.first = k
	}
	ds.last = k
}

// remove takes delimiter k off the active list; its length left is
// literal text.
func (ds *delimiters) remove(k int) {
	d := &ds.d[k]
	if d.prev >= 0 {
		ds.d[d.prev].next = d.next
	} else {
		ds.first = d.next
	}
	if d.next >= 0 {
		ds.d[d.next].prev = d.prev
	} else {
		ds.last = d.prev
	}
	d.prev, d.next = -1, -1
}

// consumption is how many delimiters opener and closer use for one
// emphasis: goldmark's CalcComsumption, the "rule of 3" included.
func consumption(opener, closer *delimiter) int {
	if (opener.close || closer.open) && (opener.orig+closer.orig)%3 == 0 && closer.orig%3 != 0 {
		return 0
	}
	if opener.length >= 2 && closer.length >= 2 {
		return 2
	}
	return 1
}

// process matches the active delimiters from bottom on (delimiter
// indexes; 0 for all of them), then clears them: goldmark's
// ProcessDelimiters, which runs on a link's text when the link closes and
// on the whole cell at its end.
func (ds *delimiters) process(bottom int) {
	closer := ds.last
	for closer >= 0 && ds.d[closer].prev >= bottom {
		closer = ds.d[closer].prev
	}
	if closer < bottom {
		return
	}
	for closer >= 0 {
		c := &ds.d[closer]
		if !c.close {
			closer = c.next
			continue
		}
		consume, maybe := 0, false
		opener := c.prev
		for ; opener >= bottom; opener = ds.d[opener].prev {
			if o := &ds.d[opener]; o.open && o.char == c.char {
				maybe = true
				if consume = consumption(o, c); consume > 0 {
					break
				}
			}
		}
		if opener < bottom {
			next := c.next
			if !maybe && !c.open {
				ds.remove(closer)
			}
			closer = next
			continue
		}
		o := &ds.d[opener]
		o.length -= consume
		c.length -= consume
		ds.matches = append(ds.matches, [2]int{o.piece, c.piece})
		for k := o.next; k != closer; {
			next := ds.d[k].next
			ds.remove(k)
			k = next
		}
		if o.length == 0 {
			ds.remove(opener)
		}
		if c.length == 0 {
			next := c.next
			ds.remove(closer)
			closer = next
		}
	}
	for ds.last >= bottom && ds.last >= 0 {
		ds.remove(ds.last)
	}
}

// nests reports whether piece lies inside an emphasis.
func (ds *delimiters) nests(piece int) bool {
	for _, m := range ds.matches {
		if m[0] < piece && piece < m[1] {
			return true
		}
	}
	return false
}
