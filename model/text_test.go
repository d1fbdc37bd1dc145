package model

import "testing"

func TestCapText(t *testing.T) {
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
		if got := CapText(tc.s, tc.n); got != tc.want {
			t.Errorf("CapText(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
