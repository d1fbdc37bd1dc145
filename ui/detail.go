package ui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// markdownFunc renders Markdown the program wrote to a width in columns.
type markdownFunc = func(md string, width int) string

// detailRenderer renders project details and the catalog's prose in
// commands, glamour being the costliest work of the app, and keeps what
// they rendered per project and width: going back to a project costs
// nothing. Only Update reads and writes cache and requested; the commands
// share markdown under mu. A theme change makes a new one.
type detailRenderer struct {
	links     bool // make link labels clickable (OSC 8)
	mu        sync.Mutex
	markdown  markdownFunc // guarded by mu
	cache     map[detailKey]string
	requested map[detailKey]func() string // rendering in a command, and how
}

// detailKey names a rendered text: a project's detail, with what is known
// of its repository, or the prose (the project proseKey), at a width. The
// project -1 is no detail at all.
type detailKey struct {
	project, width int
	repo           repoText
}

// proseKey is the project of the catalog's prose in a detailKey.
const proseKey = -2

// renderedMsg brings a text rendered in a command.
type renderedMsg struct {
	renderer *detailRenderer // the one that rendered it, current or not
	key      detailKey
	text     string
}

func newDetailRenderer(markdown markdownFunc, links bool) *detailRenderer {
	return &detailRenderer{
		links:     links,
		markdown:  markdown,
		cache:     map[detailKey]string{},
		requested: map[detailKey]func() string{},
	}
}

// detail returns project p's detail at k's width, with k's repoText, as
// lookup does; links are the links it numbers, in order.
func (r *detailRenderer) detail(p *model.Project, links []model.Link, k detailKey) (string, bool, tea.Cmd) {
	return r.lookup(k, func() string { return r.renderDetail(p, links, k) })
}

// prose returns the catalog's prose rendered to width columns, as lookup
// does.
func (r *detailRenderer) prose(c *model.Catalog, width int) (string, bool, tea.Cmd) {
	return r.lookup(detailKey{project: proseKey, width: width}, func() string { return r.markdown(shown(aboutMarkdown(c)), width) })
}

// lookup returns the text of k when it is rendered. Otherwise ok is false
// and cmd renders it with render, or is nil while a command already does.
func (r *detailRenderer) lookup(k detailKey, render func() string) (text string, ok bool, cmd tea.Cmd) {
	if s, ok := r.cache[k]; ok {
		return s, true, nil
	}
	if r.requested[k] != nil {
		return "", false, nil
	}
	r.requested[k] = render
	return "", false, func() tea.Msg {
		r.mu.Lock()
		defer r.mu.Unlock()
		return renderedMsg{renderer: r, key: k, text: render()}
	}
}

// keep stores a text rendered in a command.
func (r *detailRenderer) keep(msg renderedMsg) {
	delete(r.requested, msg.key)
	r.cache[msg.key] = msg.text
}

// renderDetail renders project p's detail to k's width, emoji sequences
// in the form the screen shows them (shown), so that glamour wraps the
// text at the widths the terminal draws.
func (r *detailRenderer) renderDetail(p *model.Project, links []model.Link, k detailKey) string {
	s := r.markdown(shown(detailMarkdown(p, paneFlavor(k.width), k.repo)), k.width)
	if r.links {
		s = hyperlinkLabels(s, p, links)
	}
	return s
}

// RenderDetail renders a project's detail as the detail pane shows it, for
// a terminal width columns wide (what `show` prints on a terminal), with
// markdown (render.New in the theme's style), except that no URL is cut:
// one that does not fit after its label stands on a line of its own, and
// wraps only when it is wider than the terminal. With hyperlinks, the
// labels are clickable (OSC 8) as in the app. Emoji sequences are shown
// as in the app (shown). repo adds the Repository section as the app
// shows it with repository health (nil: none).
func RenderDetail(p *model.Project, width int, markdown markdownFunc, hyperlinks bool, repo *DetailRepo) string {
	f := paneFlavor(width)
	f.link = func(number string, l model.Link, label, note string) string {
		return linkLine(number, l.URL, label, note, width, false)
	}
	s := markdown(shown(detailMarkdown(p, f, repo.text(p, f))), width)
	if hyperlinks {
		s = hyperlinkLabels(s, p, repo.links(p))
	}
	return s
}
