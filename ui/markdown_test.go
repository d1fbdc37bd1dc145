package ui

import (
	stdhtml "html"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/upstream-tui/upstream-tui/ui/render"
)

// TestEscapeMarkdown renders catalog-like text through glamour and checks
// that it comes out exactly as written, with no hyperlink made of it.
func TestEscapeForGlamour(t *testing.T) {
	r := newDetailRenderer(render.New("dark", false), false)
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
		out := r.markdown(escapeForGlamour(in), 200)
		if got := strings.TrimSpace(ansi.Strip(out)); got != in {
			t.Errorf("escapeForGlamour(%q) renders as %q", in, got)
		}
		if strings.Contains(out, "\x1b]8;") {
			t.Errorf("escapeForGlamour(%q) renders a hyperlink", in)
		}
	}
}

// TestEscapeMarkdownForReaders renders escaped text with goldmark, as another Markdown
// reader would, and checks that it reads back as written.
func TestEscapeMarkdownForReaders(t *testing.T) {
	for _, in := range []string{
		"K8s native Open Policy Agent policy enforcement",
		"In-tree (legacy)",
		"- not a bullet", "+ nor this", "1. not a number", "12) nor this", "> not a quote", "# not a heading #",
		"**not bold** _not em_ ~~not struck~~ `not code` <b>not html</b> [not](a link) a|b AT&amp;T \\* \\",
		"=== not an underline",
	} {
		var html strings.Builder
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(EscapeMarkdown(in)), &html); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(html.String()), "<p>"), "</p>")
		if got = stdhtml.UnescapeString(got); got != in {
			t.Errorf("EscapeMarkdown(%q) = %q reads as %q", in, EscapeMarkdown(in), got)
		}
	}
}
