package inert

import (
	"strings"
	"testing"
)

func TestCap(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"abcdef", 3, "abc…"},
		{"aé", 2, "a…"}, // é is two bytes: never cut in half
		{"日本語", 4, "日…"},
		{"abc", 0, "…"},
		{"abc", -1, "…"},
	} {
		if got := Cap(tc.s, tc.n); got != tc.want {
			t.Errorf("Cap(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{"colour:\x1b]0;X\a", `"colour:\x1b]0;X\a"`},
		{"bidi \u202eevil", `"bidi \u202eevil"`},
		{"雲 é", `"雲 é"`},
		{"bad \xff", `"bad \xff"`},
		{strings.Repeat("k", 1<<20), `"` + strings.Repeat("k", 200) + `…"`},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%.40q) = %.60q, want %.60q", tc.in, got, tc.want)
		}
		if got := Quote(tc.in); !IsClean(got) {
			t.Errorf("Quote(%.40q) = %q is not clean", tc.in, got)
		}
	}
}

func TestEscape(t *testing.T) {
	in := "key \"\x1b[2J\" at \u009b"
	if got, want := Escape(in), `key "\x1b[2J" at \u009b`; got != want || !IsClean(got) {
		t.Errorf("Escape(%q) = %q, want %q", in, got, want)
	}
}
