package ui

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/colorprofile"

	"github.com/upstream-tui/upstream-tui/model"
)

// detailRenderer renders project details with glamour and keeps the result
// per project and width: going back to a project costs nothing. It is
// rebuilt when the theme changes.
type detailRenderer struct {
	style     string
	noColor   bool // strip colours from glamour's output (NO_COLOR)
	links     bool // make link labels clickable (OSC 8)
	renderers map[int]*glamour.TermRenderer
	cache     map[detailKey]string
}

type detailKey struct{ project, width int }

func newDetailRenderer(style string, noColor, links bool) *detailRenderer {
	return &detailRenderer{
		style:     style,
		noColor:   noColor,
		links:     links,
		renderers: map[int]*glamour.TermRenderer{},
		cache:     map[detailKey]string{},
	}
}

// render returns project i's detail rendered to width columns.
func (r *detailRenderer) render(p *model.Project, i, width int) string {
	k := detailKey{i, width}
	if s, ok := r.cache[k]; ok {
		return s
	}
	s := r.markdown(detailMarkdown(p, paneFlavor(width)), width)
	if r.links {
		s = hyperlinkLabels(s, p)
	}
	r.cache[k] = s
	return s
}

// markdown renders Markdown built by the program to width columns. On a
// renderer error the Markdown itself is shown.
func (r *detailRenderer) markdown(md string, width int) string {
	width = max(width, 10)
	tr, ok := r.renderers[width]
	if !ok {
		var err error
		tr, err = glamour.NewTermRenderer(
			glamour.WithStyles(compactStyle(r.style)),
			glamour.WithWordWrap(width),
			glamour.WithPreservedNewLines(),
		)
		if err != nil {
			return md
		}
		r.renderers[width] = tr
	}
	out, err := tr.Render(md)
	if err != nil {
		return md
	}
	if r.noColor {
		// Keep bold and underline, drop every colour.
		var b strings.Builder
		w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
		if _, err := w.WriteString(out); err == nil {
			out = b.String()
		}
	}
	return strings.Trim(out, "\n")
}

// compactStyle is a glamour standard style ("dark", "light", "notty") made
// to fit a pane: no document margin, no blank lines around the document or
// after headings, and headings without their "##" marks.
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

// RenderDetail renders a project's detail as the detail pane shows it, for
// a terminal width columns wide (what `show` prints on a terminal).
func RenderDetail(p *model.Project, width int, noColor bool) string {
	return newDetailRenderer("dark", noColor, false).render(p, -1, width)
}
