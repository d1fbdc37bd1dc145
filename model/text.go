package model

import "unicode/utf8"

// CapText cuts s to at most n bytes, on a rune boundary, marking the cut
// with "…": untrusted text is bounded before the costly work on it
// (rendering, parsing) grows with its length.
func CapText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := max(n, 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
