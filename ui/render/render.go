// Package render draws Markdown that upstream-tui wrote itself (a project's
// detail, the catalog's about view, every catalog string in it escaped) as
// terminal text, with glamour in a compact style made for the app's panes.
// It stands apart from ui so that the app's package does not depend on
// glamour's Markdown parser: the command line hands the renderer to the app
// (ui.Options.Markdown) and to `show`.
package render

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/colorprofile"
)

// New returns a function that renders Markdown to width columns (10 at
// least) in a glamour standard style ("dark", "light"; any other name is
// "dark"), without any colour when noColor is set (NO_COLOR: bold and
// underline stay). It keeps a glamour renderer per width, and is for one
// goroutine at a time. On a renderer error the Markdown itself is shown.
func New(style string, noColor bool) func(md string, width int) string {
	renderers := map[int]*glamour.TermRenderer{}
	return func(md string, width int) string {
		width = max(width, 10)
		tr, ok := renderers[width]
		if !ok {
			var err error
			tr, err = glamour.NewTermRenderer(
				glamour.WithStyles(compactStyle(style)),
				glamour.WithWordWrap(width),
				glamour.WithPreservedNewLines(),
			)
			if err != nil {
				return md
			}
			renderers[width] = tr
		}
		out, err := tr.Render(md)
		if err != nil {
			return md
		}
		if noColor {
			var b strings.Builder
			w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
			if _, err := w.WriteString(out); err == nil {
				out = b.String()
			}
		}
		return strings.Trim(out, "\n")
	}
}

// compactStyle is a glamour standard style made to fit a pane: no document
// margin, no blank lines around the document or after headings, and
// headings without their "##" marks.
func compactStyle(name string) ansi.StyleConfig {
	base, ok := glamourstyles.DefaultStyles[name]
	if !ok {
		base = glamourstyles.DefaultStyles[glamourstyles.DarkStyle]
	}
	cfg := *base
	noMargin := uint(0)
	cfg.Document.Margin = &noMargin
	cfg.Document.BlockPrefix, cfg.Document.BlockSuffix = "", ""
	cfg.H2.Prefix, cfg.H3.Prefix = "", ""
	cfg.Heading.BlockSuffix = ""
	return cfg
}
