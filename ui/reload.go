package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// Catalog changes: Options.Reload reads the source again when the app
// starts on a stand-in (a large file's first rows, a cached copy), when
// the user presses r, and when the file shown changes on disk. What
// arrives replaces the catalog in place; an error keeps it.

// reloadCause is why a reload was started, for what the status line says.
type reloadCause int

const (
	reloadStart reloadCause = iota // the app started on a stand-in
	reloadKey                      // the user asked
	reloadFile                     // the file changed on disk
)

// catalogLoadedMsg brings a catalog read again, or why it could not be.
type catalogLoadedMsg struct {
	cat *model.Catalog
	// index is the catalog's, made in the command too: at 100,000
	// projects it takes 100 ms that keystrokes would otherwise wait for.
	// Nil means newModel makes it.
	index *model.Index
	err   error
	cause reloadCause
}

// tickEvery is how often the app looks at the catalog file for changes and
// brings the header's "fetched 5 min ago" up to date.
const tickEvery = time.Second

// tickMsg carries the catalog file's stamp, read in a command.
type tickMsg struct{ stamp string }

// tick schedules the next look at the catalog file.
func tick(stamp func() string) tea.Cmd {
	return tea.Tick(tickEvery, func(time.Time) tea.Msg {
		if stamp == nil {
			return tickMsg{}
		}
		return tickMsg{stamp: stamp()}
	})
}

// reload reads the catalog again in a command.
func reload(load func() (*model.Catalog, error), cause reloadCause) tea.Cmd {
	return func() tea.Msg {
		c, err := load()
		if err != nil {
			return catalogLoadedMsg{err: err, cause: cause}
		}
		return catalogLoadedMsg{cat: c, index: model.NewIndex(c.Projects), cause: cause}
	}
}

// startReload reloads unless a reload is under way.
func (m *Model) startReload(cause reloadCause) tea.Cmd {
	if m.opts.Reload == nil {
		return nil
	}
	if m.loading {
		if cause == reloadKey {
			m.setStatus("Already reading the catalog…", false)
		}
		return nil
	}
	m.loading = true
	m.gen++
	if cause == reloadKey {
		m.setStatus("Reading "+m.cat.Origin.Name+" again…", false)
	}
	return reload(m.opts.Reload, cause)
}

// handleTick reloads when the file's stamp has changed, and keeps the
// header's age current.
func (m *Model) handleTick(msg tickMsg) tea.Cmd {
	var cmd tea.Cmd
	if msg.stamp != "" && msg.stamp != m.stamp && !m.loading {
		m.stamp = msg.stamp
		cmd = m.startReload(reloadFile)
	}
	m.describeOrigin()
	return tea.Batch(cmd, tick(m.opts.Stamp))
}

// describeOrigin refreshes the header's account of where the catalog came
// from.
func (m *Model) describeOrigin() {
	if s := m.cat.Origin.Describe(m.now()); s != m.origin {
		m.origin = s
		m.gen++
	}
}

// now tells the time: Options.Now, else the clock.
func (m *Model) now() time.Time {
	if m.opts.Now != nil {
		return m.opts.Now()
	}
	return time.Now()
}

// handleLoaded shows the catalog read again in place of the one on screen,
// or says why it could not be read and keeps what is on screen.
func (m Model) handleLoaded(msg catalogLoadedMsg) (Model, tea.Cmd) {
	m.loading = false
	m.gen++
	if msg.err != nil {
		// The error first: it names the file and the line.
		m.setStatus(msg.err.Error()+"; showing the last good catalog", true)
		return m, nil
	}
	n, cmd := m.replaceCatalog(msg.cat, msg.index)
	switch o := msg.cat.Origin; {
	case o.Notice != "":
		n.setStatus(o.Notice, true)
	case msg.cause != reloadStart || m.cat.Origin.Notice != "":
		// Asked for, or in place of a stand-in whose notice is on screen.
		n.setStatus(fmt.Sprintf("Read %d projects from %s", len(msg.cat.Projects), o.Name), false)
	}
	return n, cmd
}

// replaceCatalog shows a new catalog in place of the one on screen,
// keeping the tab, the filter, the mode, the theme and the selected project
// where they still exist.
func (m Model) replaceCatalog(cat *model.Catalog, index *model.Index) (Model, tea.Cmd) {
	m.latest.Store(-1) // stops the old catalog's searches
	opts := m.opts
	opts.Query, opts.Area, opts.ReloadAtStart = m.query, "", false
	opts.State = model.State{} // not its last tab: the tab shown now
	if m.active > 0 {
		opts.Area = m.tabs[m.active].name
	}
	n := newModel(cat, index, opts)
	n.width, n.height = m.width, m.height
	n.setTheme(m.isDark)
	n.mode, n.input = m.mode, m.input
	n.status, n.statusErr = m.status, m.statusErr
	n.stamp = m.stamp
	n.state, n.saves = m.state, m.saves
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
