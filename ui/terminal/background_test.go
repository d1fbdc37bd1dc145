package terminal

import "testing"

// TestBackgroundAnswer reads terminals' answers to the background query.
func TestBackgroundAnswer(t *testing.T) {
	for _, tc := range []struct {
		answer         string
		done, ok, dark bool
	}{
		{"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?1;2c", true, true, false},
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c", true, true, true},
		{"\x1b]11;rgb:1e1e/1e1e/2e2e\x07", false, true, true},
		{"\x1b[?1;2c", true, false, false}, // no OSC 11: the terminal does not say
		{"\x1b]11;rgb:ffff/ff", false, false, false},
		{"", false, false, false},
	} {
		if got := answered([]byte(tc.answer)); got != tc.done {
			t.Errorf("%q: answered %v", tc.answer, got)
		}
		c := backgroundColor([]byte(tc.answer))
		if (c != nil) != tc.ok || (c != nil && isDark(c) != tc.dark) {
			t.Errorf("%q: colour %v", tc.answer, c)
		}
	}
}
