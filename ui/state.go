package ui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// What the app remembers between runs (Options.State): the projects whose
// links were opened, shown first on the All tab while no filter is applied
// (Options.RecentFirst), and the last tab. It is saved by
// Options.SaveState, in a command, after a link opens and when the app
// quits.

// stateSavedMsg reports a failed save; a saved state sends nothing.
type stateSavedMsg struct{ err error }

// saves orders the saves of one app: commands run concurrently, and an
// older state must never be written over a newer one.
type saves struct {
	sync.Mutex
	next, written int
}

// saveState saves a copy of the state in a command.
func (m *Model) saveState() tea.Cmd {
	save := m.opts.SaveState
	if save == nil {
		return nil
	}
	st := m.state
	st.Recents = append([]model.Recent(nil), st.Recents...)
	order := m.saves
	order.Lock()
	order.next++
	seq := order.next
	order.Unlock()
	return func() tea.Msg {
		order.Lock()
		defer order.Unlock()
		if seq < order.written {
			return nil // a newer state is already saved
		}
		order.written = seq
		if err := save(st); err != nil {
			return stateSavedMsg{err: err}
		}
		return nil
	}
}

// quit saves the state, with the tab shown, and then quits.
func (m *Model) quit() tea.Cmd {
	m.state.LastTab = ""
	if v := &m.view; v.active > 0 {
		m.state.LastTab = v.tabs[v.active].name
	}
	return tea.Sequence(m.saveState(), tea.Quit)
}

// rememberOpened records an opened project and saves the state.
func (m *Model) rememberOpened(project string) tea.Cmd {
	m.state.Opened(project, m.now())
	m.view.setRecents(m.opts.RecentFirst, &m.state)
	if m.view.recentFirst() {
		m.view.refreshList(true)
	}
	return m.saveState()
}

// recentFirst reports whether the list puts recently opened projects first:
// on the All tab, with no filter and in catalog order, when asked to.
func (v *catalogView) recentFirst() bool {
	return v.recents != nil && v.active == 0 && !v.filtered() && v.sort == model.SortCatalog
}

// setRecents orders the All tab with the recently opened projects first,
// then the others in catalog order, when on is set and there are any.
func (v *catalogView) setRecents(on bool, st *model.State) {
	v.recents = nil
	if !on || len(st.Recents) == 0 {
		return
	}
	first, _ := st.RecentProjects(v.cat)
	if len(first) == 0 {
		return // none of them is in this catalog: catalog order, and the title says so
	}
	seen := make([]bool, len(v.cat.Projects))
	items := make([]int, 0, len(v.cat.Projects))
	for _, i := range first {
		seen[i] = true
		items = append(items, i)
	}
	for i := range v.cat.Projects {
		if !seen[i] {
			items = append(items, i)
		}
	}
	v.recents = items
}
