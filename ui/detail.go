package ui

import (
	"github.com/upstream-tui/upstream-tui/model"
)

// markdownFunc renders Markdown the program wrote to a width in columns.
type markdownFunc = func(md string, width int) string

// detailRenderer renders project details and keeps the result per project
// and width: going back to a project costs nothing. It is rebuilt when the
// theme changes.
type detailRenderer struct {
	style    string // "dark" or "light"
	links    bool   // make link labels clickable (OSC 8)
	markdown markdownFunc
	cache    map[detailKey]string
}

type detailKey struct{ project, width int }

func newDetailRenderer(style string, markdown markdownFunc, links bool) *detailRenderer {
	return &detailRenderer{style: style, links: links, markdown: markdown, cache: map[detailKey]string{}}
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

// RenderDetail renders a project's detail as the detail pane shows it, for
// a terminal width columns wide (what `show` prints on a terminal), with
// markdown (render.New in the theme's style), except that no URL is cut:
// one that does not fit after its label stands on a line of its own, and
// wraps only when it is wider than the terminal. With hyperlinks, the
// labels are clickable (OSC 8) as in the app.
func RenderDetail(p *model.Project, width int, markdown func(md string, width int) string, hyperlinks bool) string {
	f := paneFlavor(width)
	f.link = func(number string, l model.Link) string { return linkLine(number, l, width, false) }
	s := markdown(detailMarkdown(p, f), width)
	if hyperlinks {
		s = hyperlinkLabels(s, p)
	}
	return s
}
