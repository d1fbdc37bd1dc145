package cli

import (
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

func TestSay(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain\n"},
		{"title\x1b]0;X\x07 clip\x1b]52;c;ZXZpbA==\x07 csi\u009b2J c1\u0085 bidi\u202e", "title clip csi c1 bidi\n"},
		{"two\nlines\r\n\tand tabs", "two lines and tabs\n"},
		{strings.Repeat("k", 1<<20), strings.Repeat("k", maxLine) + "…\n"},
	} {
		var b strings.Builder
		say(&b, tc.in)
		if b.String() != tc.want {
			t.Errorf("say(%.40q) wrote %.60q, want %.60q", tc.in, b.String(), tc.want)
		}
	}
	var b strings.Builder
	if n, err := (inertWriter{&b}).Write([]byte("a\x1b[2Jb\n")); n != 7 || err != nil || b.String() != "ab\n" || !inert.IsClean(b.String()) {
		t.Errorf("inertWriter: %d %v %q", n, err, b.String())
	}
}
