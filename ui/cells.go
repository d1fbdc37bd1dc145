package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Catalog text on screen is measured and cut here, in one walk over its
// grapheme clusters that stops where the room does: a name of 100,000
// characters costs what the part on screen costs. (Cutting with
// ansi.Truncate walks the whole string twice, and once per character
// removed it froze the app for minutes.) Text already cut and styled
// goes through textWidth and truncate, which are ansi's, counted.
//
// The same walk shows emoji sequences in a form that terminals draw as
// wide as it is measured: ansi measures a ZWJ sequence (🧑‍💻), a skin tone
// (👋🏽), a keycap (#️⃣) or a variation selector (❤️) as one wide cluster,
// which terminals draw at 1, 2 or 4 cells (tmux 3.3: 1 for ❤️ and 🏳️‍🌈, 4
// for 👋🏽, and a family of four split), pushing a row past the divider. Such
// a cluster is shown as its first character, which every terminal draws
// at its own width; a lone regional indicator as its letter. Flags (a
// pair of regional indicators) are drawn 2 wide, as measured, and stay.

// walked, when set, is told how many bytes of text each width function
// walked: tests count layout's work with it.
var walked func(bytes int)

func countWalk(n int) {
	if walked != nil {
		walked(n)
	}
}

// textWidth is the width of text already cut to the screen (it may hold
// styles): ansi.StringWidth, counted.
func textWidth(s string) int {
	countWalk(len(s))
	return ansi.StringWidth(s)
}

// truncate cuts text already cut to the screen, styles and all, to w
// cells: ansi.Truncate, counted.
func truncate(s string, w int, tail string) string {
	countWalk(2 * len(s)) // it measures s, then walks it
	return ansi.Truncate(s, w, tail)
}

// nextCluster is the first grapheme cluster of s: its length in s, and
// the width it is shown at (shownCluster).
func nextCluster(s string) (n, width int) {
	if b := s[0]; b >= 0x20 && b < 0x7f && (len(s) == 1 || s[1] < utf8.RuneSelf) {
		return 1, 1 // printable ASCII before ASCII: a cluster of its own
	}
	c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if shown, ok := shownCluster(c); ok {
		w = ansi.StringWidth(shown)
	}
	return max(len(c), 1), w
}

// fitPrefix returns the longest start of plain text s, in whole clusters,
// that is shown within w cells, leaving tailW cells for a tail when s is
// cut (cut: it does not fit whole). It walks s only as far as w cells.
func fitPrefix(s string, w, tailW int) (prefix string, cut bool) {
	width, keep, i := 0, 0, 0
	defer func() { countWalk(i) }()
	for i < len(s) {
		n, cw := nextCluster(s[i:])
		if width+cw > w {
			return s[:keep], true
		}
		width += cw
		i += n
		if width <= w-tailW {
			keep = i
		}
	}
	return s, false
}

// fitWidth is the width plain text s is shown at, or w+1 when that is
// more than w: what a layout needs to know, walking no further.
func fitWidth(s string, w int) int {
	width, i := 0, 0
	for i < len(s) && width <= w {
		n, cw := nextCluster(s[i:])
		width += cw
		i += n
	}
	countWalk(i)
	return min(width, w+1)
}

// cut shows plain text s within w cells, ending it with tail when it is
// cut (nothing at all when not even the tail fits, as ansi.Truncate).
func cut(s string, w int, tail string) string {
	tw := ansi.StringWidth(tail)
	p, c := fitPrefix(s, w, tw)
	if !c {
		return shown(p)
	}
	if w < tw {
		return ""
	}
	return shown(p) + tail
}

// shown is plain text s as the screen shows it: each emoji sequence in
// its safe form (shownCluster). Text the program writes for glamour goes
// through it whole, bounded as it is (capped).
func shown(s string) string {
	if !mayHoldEmoji(s) {
		return s
	}
	countWalk(len(s))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		n, _ := nextCluster(s[i:])
		c := s[i : i+n]
		if safe, ok := shownCluster(c); ok {
			c = safe
		}
		b.WriteString(c)
		i += n
	}
	return b.String()
}

// mayHoldEmoji is false for text with no character from U+2000 up, the
// common case, which needs no walk: every emoji and every character that
// joins or modifies one is there.
func mayHoldEmoji(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE2 {
			return true
		}
	}
	return false
}

// shownCluster is the safe form of a grapheme cluster that terminals draw
// at other widths than ansi measures (see above), and ok; ok is false for
// a cluster shown as it is.
func shownCluster(c string) (string, bool) {
	first, size := utf8.DecodeRuneInString(c)
	if isRegional(first) {
		if size == len(c) { // alone, it is drawn 1 wide
			return string('A' + (first - 0x1F1E6)), true
		}
		return "", false // a flag
	}
	if size == len(c) {
		return "", false
	}
	for _, r := range c[size:] {
		switch {
		case r == 0xFE0E || r == 0xFE0F, // text or emoji presentation
			r >= 0x1F3FB && r <= 0x1F3FF,   // skin tone
			r == 0x20E3,                    // keycap
			r >= 0xE0020 && r <= 0xE007F,   // tag (subdivision flags)
			r == 0x200D && first >= 0x2000: // ZWJ after a symbol, not in a script that joins letters with it
			return string(first), true
		}
	}
	return "", false
}

// isRegional reports whether r is a regional indicator, half of a flag.
func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
