package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEscapeMarkdown renders catalog-like text through glamour and checks
// that it comes out exactly as written, with no hyperlink made of it.
func TestEscapeMarkdown(t *testing.T) {
	r := newDetailRenderer("dark", false)
	var punct strings.Builder
	for c := rune(0x21); c < 0x7f; c++ {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			punct.WriteRune(c)
		}
	}
	for _, in := range []string{
		punct.String(),
		"> > > > quoted",
		"# not a heading #",
		"<ul><li>not a list</li></ul>",
		"- not a bullet",
		"1. not a number",
		"**not bold** _not em_ ~~not struck~~ `not code`",
		"[not a link](https://example.com) www.example.com a@b.example https://example.com/x ftp://x",
		"AT&amp;T &copy; \\* \\",
		"| not | a | table |",
	} {
		out := r.markdown(escapeMarkdown(in), 200)
		if got := strings.TrimSpace(ansi.Strip(out)); got != in {
			t.Errorf("escapeMarkdown(%q) renders as %q", in, got)
		}
		if strings.Contains(out, "\x1b]8;") {
			t.Errorf("escapeMarkdown(%q) renders a hyperlink", in)
		}
	}
}
