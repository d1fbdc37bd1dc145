package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// catalogLoadedMsg brings the whole catalog, read while the app showed its
// first rows.
type catalogLoadedMsg struct {
	cat *model.Catalog
	err error
}

// loadCatalog runs the slow load in a command.
func loadCatalog(load func() (*model.Catalog, error)) tea.Cmd {
	return func() tea.Msg {
		c, err := load()
		return catalogLoadedMsg{cat: c, err: err}
	}
}

// handleLoaded shows the whole catalog in place of its first rows, or says
// why it could not be read and keeps what is on screen.
func (m Model) handleLoaded(msg catalogLoadedMsg) (Model, tea.Cmd) {
	m.loading = false
	m.gen++
	if msg.err != nil {
		m.setStatus("Could not read the rest of the catalog: "+msg.err.Error(), true)
		return m, nil
	}
	return m.replaceCatalog(msg.cat)
}

// replaceCatalog shows a new catalog in place of the one on screen,
// keeping the tab, the filter, the mode, the theme and the selected project
// where they still exist.
func (m Model) replaceCatalog(cat *model.Catalog) (Model, tea.Cmd) {
	m.latest.Store(-1) // stops the old catalog's searches
	opts := m.opts
	opts.Query, opts.Area, opts.Load = m.query, "", nil
	if m.active > 0 {
		opts.Area = m.tabs[m.active].name
	}
	n := New(cat, opts)
	n.width, n.height = m.width, m.height
	n.setTheme(m.isDark)
	n.mode, n.input = m.mode, m.input
	n.status, n.statusErr = m.status, m.statusErr
	if p, _, ok := m.selectedProject(); ok {
		for i := range cat.Projects {
			if cat.Projects[i].Name == p.Name {
				n.pendingSelect = i
				break
			}
		}
	}
	n.selectPending()
	n.relayout()
	return n, n.initCmd
}

// selectPending moves the cursor to the project kept through a catalog
// change, once it is in the list (after a search in a command, it is not
// yet).
func (m *Model) selectPending() {
	if m.pendingSelect < 0 || m.searching {
		return
	}
	for i, p := range m.list.items {
		if p == m.pendingSelect {
			m.list.moveTo(i)
			break
		}
	}
	m.pendingSelect = -1
	m.syncDetail()
}
