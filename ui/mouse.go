package ui

import tea "charm.land/bubbletea/v2"

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
		m.view.about.ScrollDown(delta * wheelLines)
	case m.mode == modeHelp, m.mode == modeFacets, m.mode == modeFacetFilter:
	case l.inDetail(ev.X, ev.Y):
		m.view.detail.ScrollDown(delta * wheelLines)
	case l.inList(ev.X, ev.Y):
		m.view.moveSelection(delta)
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
		_, spans := layoutTabs(&m.styles, m.view.tabs, m.view.active, l.width)
		for _, s := range spans {
			if ev.X >= s.x0 && ev.X < s.x1 {
				m.view.setTab(s.tab)
				return
			}
		}
		return
	}
	if l.inList(ev.X, ev.Y) {
		if i, ok := m.view.list.itemAt(ev.Y - l.listItemsY); ok {
			m.view.selectRow(i)
		}
	}
}
