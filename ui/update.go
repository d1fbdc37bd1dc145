package ui

import (
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
	case modeFacetFilter:
		if !m.view.picker.typeNarrow(msg, &m.keys) {
			m.mode = modeFacets
		}
		return nil
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
		return m.view.applyQuery("")
	case key.Matches(msg, m.keys.FilterUp):
		m.view.moveSelection(-1)
		return nil
	case key.Matches(msg, m.keys.FilterDown):
		m.view.moveSelection(1)
		return nil
	case key.Matches(msg, m.keys.AllMatches):
		m.view.setTab(0)
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.view.query {
		cmd = tea.Batch(cmd, m.view.applyQuery(v))
	}
	return cmd
}

// handleOverlayKey drives the help and about views: closing them,
// switching, and scrolling the one on screen.
func (m *Model) handleOverlayKey(msg tea.KeyPressMsg) tea.Cmd {
	pane := &m.view.about
	if m.mode == modeHelp {
		pane = &m.helpPane
	}
	switch {
	case key.Matches(msg, m.keys.Close), key.Matches(msg, m.keys.Help) && m.mode == modeHelp,
		key.Matches(msg, m.keys.About) && m.mode == modeAbout:
		m.mode = modeBrowse
	case key.Matches(msg, m.keys.Help):
		m.mode = modeHelp
		m.helpPane.GotoTop()
	case key.Matches(msg, m.keys.Up):
		pane.ScrollDown(-1)
	case key.Matches(msg, m.keys.Down):
		pane.ScrollDown(1)
	case key.Matches(msg, m.keys.DetailUp):
		pane.HalfPageUp()
	case key.Matches(msg, m.keys.DetailDown):
		pane.HalfPageDown()
	case key.Matches(msg, m.keys.Top):
		pane.GotoTop()
	case key.Matches(msg, m.keys.Bottom):
		pane.ScrollDown(len(pane.lines))
	}
	return nil
}

// handleBrowseKey drives the list and the detail; a link key opens a link.
func (m *Model) handleBrowseKey(msg tea.KeyPressMsg) tea.Cmd {
	if done, cmd := m.finishDigits(msg); done {
		return cmd
	}
	if m.copying {
		return m.handleCopyKey(msg)
	}
	if d, ok := m.keys.linkDigit(msg); ok {
		return m.typeDigit(d, false)
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
		m.helpPane.GotoTop()
	case key.Matches(msg, k.About):
		m.mode = modeAbout
	case key.Matches(msg, k.Facets):
		m.mode = modeFacets
		return m.view.openFacets("")
	case key.Matches(msg, k.Filter):
		m.mode = modeFilter
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.ClearFilter):
		m.input.SetValue("")
		return m.view.applyQuery("")
	case key.Matches(msg, k.Up):
		m.view.moveSelection(-1)
	case key.Matches(msg, k.Down):
		m.view.moveSelection(1)
	case key.Matches(msg, k.Top):
		m.view.moveSelection(-len(m.view.list.items))
	case key.Matches(msg, k.Bottom):
		m.view.moveSelection(len(m.view.list.items))
	case key.Matches(msg, k.PageUp):
		m.view.moveSelection(-m.view.list.perPage())
	case key.Matches(msg, k.PageDown):
		m.view.moveSelection(m.view.list.perPage())
	case key.Matches(msg, k.NextTab):
		m.view.setTab(m.view.active + 1)
	case key.Matches(msg, k.PrevTab):
		m.view.setTab(m.view.active - 1)
	case key.Matches(msg, k.DetailUp):
		m.view.detail.HalfPageUp()
	case key.Matches(msg, k.DetailDown):
		m.view.detail.HalfPageDown()
	case key.Matches(msg, k.Copy):
		if _, _, ok := m.view.selectedProject(); ok {
			m.copying = true
			m.setNotice(m.keys.copyPrompt(), false)
		}
	case key.Matches(msg, k.Reload):
		return m.reloadKey()
	case key.Matches(msg, k.Contribute):
		return m.openContribute()
	case key.Matches(msg, k.Sort):
		m.view.cycleSort()
	}
	return nil
}

// handleFacetKey drives the facet picker; a pick adds its facet to the
// filter, or takes it out when the filter holds it.
func (m *Model) handleFacetKey(msg tea.KeyPressMsg) tea.Cmd {
	f, action := m.view.picker.update(msg, &m.keys)
	switch action {
	case pickerClosed:
		m.mode = modeBrowse
	case pickerNarrow:
		m.mode = modeFacetFilter
	case pickerPicked:
		q := model.ToggleFacet(m.view.query, f)
		m.mode = modeBrowse
		m.input.SetValue(q)
		return m.view.applyQuery(q)
	}
	return nil
}

// handleFilterInput hands what is not a key press (a paste, the cursor's
// messages) to the filter while it is typed.
func (m *Model) handleFilterInput(msg tea.Msg) tea.Cmd {
	if m.mode != modeFilter {
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}
