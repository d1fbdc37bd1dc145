package inert

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cap cuts s to at most n bytes, on a rune boundary, marking the cut
// with "…": untrusted text is bounded before the costly work on it
// (rendering, parsing) grows with its length.
func Cap(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := max(n, 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// maxQuoted is how many bytes of a string an error message echoes.
const maxQuoted = 200

// Quote is s as an error message echoes it: between double quotes, with
// what a terminal would act on (and every other rune that is not
// printable) shown as Go escapes, cut to a sane length: a megabyte of
// config key comes back as a line.
func Quote(s string) string {
	return strconv.Quote(Cap(s, maxQuoted))
}

// Escape is s with every rune that is not printable shown as a Go escape,
// for a message that already holds text from outside (a library's error
// naming what it read).
func Escape(s string) string {
	q := strconv.Quote(s)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
}
