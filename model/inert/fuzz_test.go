package inert

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText: the output is clean, valid UTF-8, no longer than the
// input, keeps every newline, and Text again changes nothing.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b]52;c;ZXZpbA==\x07", "\x1b]0;t\x1b\\", "\x1b[2J", "a\rb\bc", "\u009b2J", "\u009d0;x\u009c",
		"\x1bP+q544e\x1b\\", "\u202eabc", "\x1b\n", "\x1b]8;;x\nnext", "\xff\xfe", "雲 🧑‍💻 é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !IsClean(out) || !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q is not clean", s, out)
		}
		if len(out) > len(s) {
			t.Fatalf("Text(%q) = %q grew", s, out)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Text(%q) = %q lost a newline", s, out)
		}
		if again := Text(out); again != out {
			t.Fatalf("Text is not idempotent: %q then %q", out, again)
		}
		if IsClean(s) && out != s {
			t.Fatalf("Text changed clean text %q to %q", s, out)
		}
	})
}
