package ui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// handleKey sends a key to the handler of the current mode; ctrl+c always quits.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	switch m.mode {
	case modeFilter:
		return m.handleFilterKey(msg)
	case modeHelp, modeAbout:
		return m.handleOverlayKey(msg)
	case modeFacets:
		return m.handleFacetKey(msg)
	}
	return m.handleBrowseKey(msg)
}

// handleFilterKey: while a filter is typed every key belongs to it, except
// the ones that leave it and the arrows, which move the selection.
func (m *Model) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.AcceptFilter):
		m.mode = modeBrowse
		m.input.Blur()
		return nil
	case key.Matches(msg, m.keys.CancelFilter):
		m.mode = modeBrowse
		m.input.Blur()
		m.input.SetValue("")
		return m.applyQuery("")
	case key.Matches(msg, m.keys.FilterUp):
		m.moveSelection(-1)
		return nil
	case key.Matches(msg, m.keys.FilterDown):
		m.moveSelection(1)
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.query {
		cmd = tea.Batch(cmd, m.applyQuery(v))
	}
	return cmd
}

// handleOverlayKey drives the help and about views.
func (m *Model) handleOverlayKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Close), key.Matches(msg, m.keys.Help) && m.mode == modeHelp,
		key.Matches(msg, m.keys.About) && m.mode == modeAbout:
		m.mode = modeBrowse
	case key.Matches(msg, m.keys.Help):
		m.mode = modeHelp
	case m.mode != modeAbout:
	case key.Matches(msg, m.keys.Up):
		m.about.ScrollDown(-1)
	case key.Matches(msg, m.keys.Down):
		m.about.ScrollDown(1)
	case key.Matches(msg, m.keys.DetailUp):
		m.about.HalfPageUp()
	case key.Matches(msg, m.keys.DetailDown):
		m.about.HalfPageDown()
	case key.Matches(msg, m.keys.Top):
		m.about.GotoTop()
	case key.Matches(msg, m.keys.Bottom):
		m.about.ScrollDown(len(m.about.lines))
	}
	return nil
}

func (m *Model) handleBrowseKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.copying {
		return m.handleCopyKey(msg)
	}
	if l, ok, handled := m.linkForKey(msg); handled {
		if !ok {
			return nil
		}
		return m.open(l)
	}
	k := &m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
	case key.Matches(msg, k.About):
		m.mode = modeAbout
	case key.Matches(msg, k.Facets):
		m.openFacets()
	case key.Matches(msg, k.Filter):
		m.mode = modeFilter
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.ClearFilter):
		m.input.SetValue("")
		return m.applyQuery("")
	case key.Matches(msg, k.Up):
		m.moveSelection(-1)
	case key.Matches(msg, k.Down):
		m.moveSelection(1)
	case key.Matches(msg, k.Top):
		m.moveSelection(-len(m.list.items))
	case key.Matches(msg, k.Bottom):
		m.moveSelection(len(m.list.items))
	case key.Matches(msg, k.PageUp):
		m.moveSelection(-m.list.perPage())
	case key.Matches(msg, k.PageDown):
		m.moveSelection(m.list.perPage())
	case key.Matches(msg, k.NextTab):
		m.setTab(m.active + 1)
	case key.Matches(msg, k.PrevTab):
		m.setTab(m.active - 1)
	case key.Matches(msg, k.DetailUp):
		m.detail.HalfPageUp()
	case key.Matches(msg, k.DetailDown):
		m.detail.HalfPageDown()
	case key.Matches(msg, k.Copy):
		if _, _, ok := m.selectedProject(); ok {
			m.copying = true
			m.setStatus("Copy which link? y homepage · s i m d · 1-9 · any other key cancels", false)
		}
	case key.Matches(msg, k.Reload):
		return m.startReload(reloadKey)
	}
	return nil
}

func (m *Model) moveSelection(n int) {
	m.list.moveBy(n)
	m.syncDetail()
}

// linkOfKind returns the selected project's first link of a kind, or says
// why there is none.
func (m *Model) linkOfKind(kind model.Kind) (model.Link, bool) {
	p, _, ok := m.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return model.Link{}, false
	}
	l, ok := p.FirstLink(kind)
	if !ok {
		m.setStatus(fmt.Sprintf("%s has no %s", p.Name, kind.Describe()), true)
	}
	return l, ok
}

// linkNumbered returns the selected project's link numbered n in the
// detail, or says why there is none.
func (m *Model) linkNumbered(n int) (model.Link, bool) {
	p, _, ok := m.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return model.Link{}, false
	}
	links := model.NumberedLinks(p)
	if n < 1 || n > len(links) {
		m.setStatus(fmt.Sprintf("%s has no link %d (it has %d)", p.Name, n, len(links)), true)
		return model.Link{}, false
	}
	return links[n-1], true
}

// linkForKey returns the link a link key names (o, s, i, m, d, 1-9);
// handled is false for other keys.
func (m *Model) linkForKey(msg tea.KeyPressMsg) (l model.Link, ok, handled bool) {
	k := &m.keys
	kinds := []struct {
		b    key.Binding
		kind model.Kind
	}{{k.Open, model.KindHome}, {k.Slack, model.KindSlack}, {k.Issues, model.KindIssues}, {k.Mail, model.KindMailingList}, {k.Docs, model.KindDocs}}
	for _, c := range kinds {
		if key.Matches(msg, c.b) {
			l, ok = m.linkOfKind(c.kind)
			return l, ok, true
		}
	}
	if key.Matches(msg, k.Number) {
		n, _ := strconv.Atoi(msg.String())
		l, ok = m.linkNumbered(n)
		return l, ok, true
	}
	return model.Link{}, false, false
}

// open checks a link against the URL rule and opens it in a command.
func (m *Model) open(l model.Link) tea.Cmd {
	if err := model.CheckURL(l.URL); err != nil {
		m.setStatus("Not opened: "+err.Error(), true)
		return nil
	}
	m.setStatus("Opening "+l.URL+" …", false)
	p, _, _ := m.selectedProject()
	return openURL(m.opts.Opener, p.Name, l.URL)
}

// handleOpened reports the opener's result; on failure the URL is shown in
// full and copied to the clipboard so the user can still get there.
func (m *Model) handleOpened(msg openedMsg) tea.Cmd {
	if msg.err == nil {
		m.setStatus("Opened "+msg.url, false)
		return m.rememberOpened(msg.project)
	}
	m.setStatus(fmt.Sprintf("Could not open a browser (%v); URL copied to the clipboard: %s", msg.err, msg.url), true)
	return tea.SetClipboard(msg.url)
}

// copyLink copies a link's URL with OSC 52.
func (m *Model) copyLink(l model.Link) tea.Cmd {
	if err := model.CheckURL(l.URL); err != nil {
		m.setStatus("Not copied: "+err.Error(), true)
		return nil
	}
	m.setStatus("Copied "+l.URL, false)
	return tea.SetClipboard(l.URL)
}

// handleCopyKey takes the key after y: a link key copies that link, y
// again the homepage; anything else cancels.
func (m *Model) handleCopyKey(msg tea.KeyPressMsg) tea.Cmd {
	m.copying = false
	if key.Matches(msg, m.keys.Copy) {
		if l, ok := m.linkOfKind(model.KindHome); ok {
			return m.copyLink(l)
		}
		return nil
	}
	l, ok, handled := m.linkForKey(msg)
	if !handled {
		m.setStatus("Nothing copied", false)
		return nil
	}
	if !ok {
		return nil
	}
	return m.copyLink(l)
}

// handleWheel scrolls the part under the mouse.
func (m *Model) handleWheel(ev tea.Mouse) {
	delta := 0
	switch ev.Button {
	case tea.MouseWheelUp:
		delta = -1
	case tea.MouseWheelDown:
		delta = 1
	default:
		return
	}
	l := m.layout()
	switch {
	case m.mode == modeAbout:
		m.about.ScrollDown(delta * wheelLines)
	case m.mode == modeHelp, m.mode == modeFacets:
	case l.inDetail(ev.X, ev.Y):
		m.detail.ScrollDown(delta * wheelLines)
	case l.inList(ev.X, ev.Y):
		m.moveSelection(delta)
	}
}

// wheelLines is how far one wheel step scrolls a text pane.
const wheelLines = 3

// handleClick selects the tab or the project under the mouse.
func (m *Model) handleClick(ev tea.Mouse) {
	if ev.Button != tea.MouseLeft || m.mode != modeBrowse && m.mode != modeFilter {
		return
	}
	l := m.layout()
	if ev.Y == l.tabsY {
		_, spans := layoutTabs(&m.styles, m.tabs, m.active, l.width)
		for _, s := range spans {
			if ev.X >= s.x0 && ev.X < s.x1 {
				m.setTab(s.tab)
				return
			}
		}
		return
	}
	if l.inList(ev.X, ev.Y) {
		if i, ok := m.list.itemAt(ev.Y - l.listItemsY); ok {
			m.list.moveTo(i)
			m.syncDetail()
		}
	}
}
