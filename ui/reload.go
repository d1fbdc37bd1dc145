package ui

import (
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
	// Nil means newCatalogView makes it.
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

// reloadKey (r) reads the catalog again and checks the health of the
// selection and the rows on screen again. On the embedded catalog, only
// health is checked, and the status line says both.
func (m *Model) reloadKey() tea.Cmd {
	if m.health == nil {
		return m.startReload(reloadKey)
	}
	health, said := m.recheckHealth()
	if m.opts.Reload == nil {
		m.setStatus(said+" (the embedded catalog has nothing to reload)", false)
		return health
	}
	return tea.Batch(health, m.startReload(reloadKey))
}

// startReload reloads unless a reload is under way.
func (m *Model) startReload(cause reloadCause) tea.Cmd {
	if m.opts.Reload == nil {
		if cause == reloadKey {
			m.setStatus("Nothing to reload: this is the embedded catalog, built into the program (--catalog FILE|URL reads another)", false)
		}
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
		m.setNotice("Reading "+m.view.cat.Origin.Name+" again…", false)
	}
	return reload(m.opts.Reload, cause)
}

// handleTick reloads when the file's stamp has changed, and keeps the
// header's age current.
func (m *Model) handleTick(msg tickMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case msg.stamp == "" && m.stamp != "" && m.opts.Stamp != nil:
		// The file is gone (Stamp is "" for a file that cannot be found):
		// said once, and the stamp forgotten, so that a file that comes
		// back, whatever it holds, is read again.
		m.stamp = ""
		m.setNotice(m.view.cat.Origin.Name+" was deleted; showing the last good catalog", true)
	case msg.stamp != "" && msg.stamp != m.stamp && !m.loading:
		m.stamp = msg.stamp
		cmd = m.startReload(reloadFile)
	}
	m.view.describeOrigin(m.now())
	return tea.Batch(cmd, tick(m.opts.Stamp))
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
func (m *Model) handleLoaded(msg catalogLoadedMsg) tea.Cmd {
	m.loading = false
	m.gen++
	if msg.err != nil {
		// The error first: it names the file and the line.
		m.setNotice(msg.err.Error()+"; showing the last good catalog", true)
		return nil
	}
	standIn := m.view.cat.Origin.Notice != ""
	cmd := m.swapCatalog(msg.cat, msg.index)
	switch o := msg.cat.Origin; {
	case o.Notice != "":
		m.setNotice(o.Notice, true)
	case msg.cause != reloadStart || standIn:
		// Asked for, or in place of a stand-in whose notice is on screen.
		m.setStatus("Read "+model.Count(len(msg.cat.Projects), "project")+" from "+o.Name, false)
	}
	return cmd
}

// swapCatalog shows a new catalog in place of the one on screen: a new
// view, built from what the old one carries over (the tab, the filter, the
// selected project, the open picker). The session (mode, theme, status,
// recents) stays as it is, but for a pending copy: the status line no
// longer asks which link.
func (m *Model) swapCatalog(cat *model.Catalog, index *model.Index) tea.Cmd {
	old := &m.view
	old.stopSearches()
	m.copying = false
	m.initCmd = nil // Init ran it long ago; kept, it would keep the old catalog alive
	var cmd tea.Cmd
	m.view, cmd = newCatalogView(cat, index, old.carry(m.mode == modeFacets || m.mode == modeFacetFilter), m.env())
	m.gen++
	return tea.Batch(cmd, m.startHealth())
}
