// Package inert makes text from outside the program (a catalog, a file
// name, a server's answer, a config key, an argument) safe to show in a
// terminal: Text removes what a terminal would act on, IsClean says whether
// there is any, Quote shows it escaped and cut to a sane length for an
// error message to echo, and Cap bounds text before costly work on it.
// Every path from outside to standard output, standard error or the screen
// goes through it. It imports nothing of the program's, so that model,
// data and ui can all use it.
package inert

import (
	"strings"
	"unicode/utf8"
)

// Text makes untrusted text safe to print in a terminal. It
// removes escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC
// sequences) with their payloads, C0 controls other than newline and tab,
// DEL, C1 controls (U+0080-U+009F, which some terminals take for CSI),
// bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), and
// invalid UTF-8. Unlike ansi.Strip it also removes \r, \b, BEL and C1.
func Text(s string) string {
	if IsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b: // ESC
			i += escapeLen(s[i:])
			continue
		case isC1Introducer(r): // the 8-bit forms of CSI, OSC, DCS, ...
			i += size + sequenceBody(s[i+size:], r)
			continue
		case r == utf8.RuneError && size == 1, unsafeRune(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsClean reports whether s holds nothing Text would remove.
func IsClean(s string) bool {
	// Printable ASCII, newline and tab are clean: skip them a byte at a
	// time, decoding runes only from the first other byte on.
	start := 0
	for start < len(s) && (0x20 <= s[start] && s[start] < 0x7f || s[start] == '\n' || s[start] == '\t') {
		start++
	}
	for i, r := range s[start:] {
		i += start
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if r == 0x1b || unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune reports the runes Text drops on their own.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// isC1Introducer reports the C1 controls that start a sequence with a body:
// DCS, SOS, CSI, OSC, PM and APC.
func isC1Introducer(r rune) bool {
	switch r {
	case 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f:
		return true
	}
	return false
}

// escapeLen returns how many bytes the escape sequence at the start of s
// (which begins with ESC) takes.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch c := s[1]; c {
	case '[': // CSI
		return 2 + sequenceBody(s[2:], 0x9b)
	case ']': // OSC
		return 2 + sequenceBody(s[2:], 0x9d)
	case 'P', 'X', '^', '_': // DCS, SOS, PM, APC
		return 2 + sequenceBody(s[2:], 0x90)
	default:
		// ESC, then intermediate bytes (0x20-0x2F), then one final byte
		// (0x30-0x7E); anything else ends it there and is sanitised alone.
		n := 1
		for n < len(s) && 0x20 <= s[n] && s[n] <= 0x2f {
			n++
		}
		if n < len(s) && 0x30 <= s[n] && s[n] <= 0x7e {
			n++
		}
		return n
	}
}

// sequenceBody returns the length of a sequence's body after its introducer:
// for CSI, parameter and intermediate bytes up to a final byte; for the
// string sequences (OSC, DCS, SOS, PM, APC), everything up to and including
// BEL, ST (ESC \) or the 8-bit ST (U+009C). An unterminated sequence ends
// at a newline, which is kept, so that sanitising keeps the line count.
func sequenceBody(s string, introducer rune) int {
	if introducer == 0x9b { // CSI
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case 0x40 <= c && c <= 0x7e: // final byte
				return i + 1
			case c < 0x20 || c > 0x7e: // malformed: the rest is sanitised on its own
				return i
			}
		}
		return len(s)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07, r == 0x9c:
			return i + size
		case r == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case r == '\n':
			return i
		}
		i += size
	}
	return len(s)
}
