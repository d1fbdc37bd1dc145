// Package ui is the Bubble Tea interface of upstream-tui: area tabs, a
// filterable project list, a detail pane rendered with glamour, help, and
// opening links. It is handed a parsed catalog and never loads one itself.
package ui

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// Options configures the app.
type Options struct {
	// Query is a filter to start with.
	Query string
	// Area is the name of the area tab to start on; empty for All.
	Area string
	// Opener opens links; SystemOpener when nil.
	Opener Opener
	// NoColor turns every colour off, glamour's too (NO_COLOR).
	NoColor bool
	// Reload, when set, reads the catalog's source again, in a command:
	// at start with ReloadAtStart, on r, and when Stamp changes. A catalog
	// whose Origin has a Notice stands in for one that could not be read;
	// an error keeps the catalog shown.
	Reload func() (*model.Catalog, error)
	// ReloadAtStart: the catalog handed to New stands in for the real one
	// (a large file's first rows, a stale cached copy), and Init starts
	// Reload.
	ReloadAtStart bool
	// Stamp, when set, identifies the version of the catalog's file on
	// disk; the app looks at it every second and reloads when it changes.
	// Stamped is its value when the catalog was read.
	Stamp   func() string
	Stamped string
	// Now tells the time for the header's "checked 5 min ago" and for
	// recents; nil: time.Now.
	Now func() time.Time
	// State is what the last run remembered; SaveState keeps it, in a
	// command, after a link opens and when the app quits. The app starts
	// on State.LastTab when Area is empty.
	State     model.State
	SaveState func(model.State) error
	// RecentFirst lists the recently opened projects first on the All tab
	// while no filter is applied.
	RecentFirst bool
	// Keys rebinds actions (see Actions) to keys; CheckKeys them first.
	Keys map[string][]string
	// Theme is "dark" or "light" to fix the colours; otherwise they follow
	// the terminal's background.
	Theme string
	// Hyperlinks makes the detail's link labels clickable in terminals that
	// support OSC 8.
	Hyperlinks bool
	// Plain draws for screen readers and dumb terminals: no colour, ASCII
	// instead of box drawing, the detail always under the list.
	Plain bool
	// Notice is shown in the status line at start (a config file that was
	// not used, a state file that could not be read).
	Notice string
	// AsyncSearchFrom is the catalog size from which a keystroke's search
	// runs in a command, superseded by the next keystroke, instead of in
	// Update; 0 means defaultAsyncSearchFrom.
	AsyncSearchFrom int
}

// defaultAsyncSearchFrom: below it a search takes well under a millisecond
// and runs in Update, where its result is on the very next frame.
const defaultAsyncSearchFrom = 20_000

// mode is what the keyboard is driving.
type mode int

const (
	modeBrowse mode = iota // moving in the list, opening links
	modeFilter             // typing a filter
	modeHelp               // full help on screen
	modeAbout              // the catalog's prose on screen
	modeFacets             // the facet picker on screen
)

// Model is the root Bubble Tea model of the app.
type Model struct {
	cat      *model.Catalog
	index    *model.Index
	searcher *model.Searcher // narrows as the filter grows
	opts     Options

	keys   keyMap
	styles styles
	isDark bool
	help   help.Model
	input  textinput.Model
	mode   mode

	width, height int

	tabs       []tab   // "All", then one per area
	tabItems   [][]int // each tab's projects in catalog order
	areaTab    map[string]int
	projectTab []int // the area tab of each project
	active     int   // current tab
	filterBuf  []int // the filtered list, reused from keystroke to keystroke

	query    string        // the filter as typed
	queryErr error         // what is wrong with query, shown instead of the list
	results  []model.Match // ranked matches of query, when filtered()
	// resultsPooled says results came from a search command, in a
	// buffer of resultBufs' that goes back there once replaced.
	resultsPooled bool

	// Searches in commands: the generation of the latest, shared with the
	// commands through latest so that a newer keystroke stops an older
	// search, and a lock so that one search runs at a time.
	searchGen  int
	latest     *atomic.Int64
	searchLock *sync.Mutex
	resultBufs *resultBufs
	searching  bool    // a search for query is under way
	initCmd    tea.Cmd // the search of the initial query, started by Init

	loading       bool   // Options.Reload is reading the catalog again
	stamp         string // the catalog file's stamp when last read
	origin        string // where the catalog came from, for the header
	pendingSelect int    // a project to select once it is listed, or -1

	list       projectList
	detail     textPane
	shown      detailKey // what the detail viewport holds
	about      textPane
	aboutWidth int // the width the about view was rendered for
	renderer   *detailRenderer

	facets      []facetOption // the picker's options, worked out when first shown
	facetCursor int
	copying     bool // y was pressed: the next key names the link to copy

	state   model.State
	saves   *saves
	recents []int // the All tab with the recent projects first, when recentFirst

	status    string
	statusErr bool

	// gen counts changes to the tab counts and the theme, for frame.
	gen   int
	frame *frameCache
}

// frameCache keeps the parts of a frame that seldom change. View has a
// value receiver, so it lives behind a pointer to outlast the frame.
type frameCache struct {
	headerKey, helpKey [4]int
	header, help       []string
}

// New returns the app for a catalog.
func New(cat *model.Catalog, opts Options) Model {
	return newModel(cat, nil, opts)
}

// newModel is New with the catalog's index, or nil to make it.
func newModel(cat *model.Catalog, index *model.Index, opts Options) Model {
	if index == nil {
		index = model.NewIndex(cat.Projects)
	}
	if opts.Opener == nil {
		opts.Opener = SystemOpener
	}
	m := Model{
		cat:           cat,
		index:         index,
		opts:          opts,
		keys:          defaultKeyMap(),
		isDark:        true,
		help:          help.New(),
		input:         textinput.New(),
		areaTab:       map[string]int{},
		shown:         detailKey{-1, -1},
		frame:         &frameCache{},
		latest:        &atomic.Int64{},
		loading:       opts.ReloadAtStart && opts.Reload != nil,
		stamp:         opts.Stamped,
		pendingSelect: -1,
		searchLock:    &sync.Mutex{},
		resultBufs:    &resultBufs{},
		state:         opts.State,
		saves:         &saves{},
	}
	m.input.Prompt = "/ "
	m.input.Placeholder = "fuzzy filter: name, goal, area, maturity, links"
	m.input.CharLimit = 256
	m.searcher = m.index.NewSearcher()
	names := make([]string, len(cat.Areas))
	for i, a := range cat.Areas {
		names[i] = a.Name
	}
	m.tabs = append(m.tabs, tab{name: "All", short: "All"})
	for i, short := range shortNames(names) {
		m.areaTab[names[i]] = len(m.tabs)
		m.tabs = append(m.tabs, tab{name: names[i], short: short})
	}
	m.tabItems = make([][]int, len(m.tabs))
	m.projectTab = make([]int, len(cat.Projects))
	for i := range cat.Projects {
		t := m.areaTab[cat.Projects[i].Area]
		m.projectTab[i] = t
		m.tabItems[0] = append(m.tabItems[0], i)
		m.tabItems[t] = append(m.tabItems[t], i)
	}
	if opts.Area == "" {
		opts.Area = opts.State.LastTab
	}
	if t, ok := m.areaTab[opts.Area]; ok {
		m.active = t
	}
	m.setTheme(opts.Theme != "light")
	m.input.SetValue(opts.Query)
	m.initCmd = m.applyQuery(opts.Query)
	m.keys.rebind(opts.Keys)
	m.keys.reloadable = opts.Reload != nil
	m.keys.setMode(m.mode, m.filtered())
	m.describeOrigin()
	if n := strings.Join(nonEmpty(cat.Origin.Notice, opts.Notice), "; "); n != "" {
		m.setStatus(n, true)
	}
	m.relayout()
	return m
}

// Init asks the terminal for its background colour; the app starts dark and
// never waits for the answer, which some terminals never send.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.initCmd}
	if !m.fixedTheme() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.loading {
		cmds = append(cmds, reload(m.opts.Reload, reloadStart))
	}
	if m.opts.Reload != nil {
		cmds = append(cmds, tick(m.opts.Stamp))
	}
	return tea.Batch(cmds...)
}

// Update dispatches a message: resize, theme, results of commands, then keys
// and the mouse to the part that has them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		if !m.fixedTheme() {
			m.setTheme(msg.IsDark())
		}
	case openedMsg:
		cmd = m.handleOpened(msg)
	case stateSavedMsg:
		m.setStatus("Could not save what was opened: "+msg.err.Error(), true)
	case searchDoneMsg:
		// Only the latest search of this catalog: a swapped-in catalog
		// counts its generations afresh.
		if msg.gen != m.searchGen || msg.searcher != m.searcher {
			m.resultBufs.put(msg.results)
			break
		}
		m.searching = false
		m.setResults(msg.results, true)
		m.showResults()
		m.selectPending()
	case catalogLoadedMsg:
		m, cmd = m.handleLoaded(msg)
	case tickMsg:
		cmd = m.handleTick(msg)
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	default:
		if m.mode == modeFilter {
			m.input, cmd = m.input.Update(msg)
		}
	}
	m.keys.setMode(m.mode, m.filtered())
	m.relayout()
	return m, cmd
}

// fixedTheme reports whether the theme is set rather than following the
// terminal's background.
func (m *Model) fixedTheme() bool { return m.opts.Theme == "dark" || m.opts.Theme == "light" }

// setTheme rebuilds the styles and the detail renderer for a background.
func (m *Model) setTheme(isDark bool) {
	if m.renderer != nil && isDark == m.isDark {
		return
	}
	m.isDark = isDark
	m.gen++
	m.styles = newStyles(isDark, m.opts.NoColor, m.opts.Plain)
	m.help.Styles = m.styles.Help
	style := "dark"
	if !isDark {
		style = "light"
	}
	m.renderer = newDetailRenderer(style, m.opts.NoColor, m.opts.Hyperlinks)
	inputStyles := textinput.DefaultStyles(isDark)
	inputStyles.Cursor.Blink = false // a steady cursor; no timer ticking while typing
	m.input.SetStyles(inputStyles)
	m.shown = detailKey{-1, -1}
	m.aboutWidth = 0
}

// resize lays the parts out again for a new terminal size.
func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
}

// relayout gives each part its size. Update calls it after every message,
// as the size, the mode and the filter line all change the layout.
func (m *Model) relayout() {
	l := m.layout()
	m.list.setHeight(l.listRows)
	m.detail.SetWidth(l.detailW)
	m.detail.SetHeight(l.detailH)
	m.about.SetWidth(l.width)
	m.about.SetHeight(l.bodyH)
	m.input.SetWidth(max(l.listW-4, 1))
	m.help.SetWidth(l.width)
	m.syncDetail()
	m.setAbout()
}

// applyQuery runs the filter and refreshes the tab counts and the list. On
// a large catalog the search runs in the returned command instead, and the
// list follows when its searchDoneMsg arrives.
func (m *Model) applyQuery(q string) tea.Cmd {
	m.query = q
	m.queryErr = model.CheckQuery(q)
	m.searchGen++
	m.latest.Store(int64(m.searchGen)) // stops any search still running
	m.searching = false
	asyncFrom := m.opts.AsyncSearchFrom
	if asyncFrom <= 0 {
		asyncFrom = defaultAsyncSearchFrom
	}
	if m.filtered() && len(m.cat.Projects) >= asyncFrom {
		// The last results stay on screen until these arrive.
		m.searching = true
		m.gen++
		return search(m.searcher, m.searchLock, m.resultBufs, m.latest, m.searchGen, q)
	}
	var results []model.Match // the Searcher's own buffer: never given back
	if m.filtered() {
		results = m.searcher.Search(q)
	}
	m.setResults(results, false)
	m.showResults()
	return nil
}

// setResults replaces the results, giving a buffer of resultBufs' back.
func (m *Model) setResults(results []model.Match, pooled bool) {
	if m.resultsPooled {
		m.resultBufs.put(m.results)
	}
	m.results, m.resultsPooled = results, pooled
}

// resultBufs hands result slices from Update back to the search commands:
// at 100,000 projects a keystroke's matches take a megabyte, which a new
// slice for each would allocate. Only Update gives back, and only results
// it no longer shows.
type resultBufs struct {
	mu   sync.Mutex
	free [][]model.Match
}

// copy returns ms copied into a free buffer, or a new one.
func (b *resultBufs) copy(ms []model.Match) []model.Match {
	b.mu.Lock()
	var buf []model.Match
	if n := len(b.free); n > 0 {
		buf, b.free = b.free[n-1], b.free[:n-1]
	}
	b.mu.Unlock()
	return append(buf[:0], ms...)
}

// put gives a buffer back; two are kept.
func (b *resultBufs) put(ms []model.Match) {
	if cap(ms) == 0 {
		return
	}
	b.mu.Lock()
	if len(b.free) < 2 {
		b.free = append(b.free, ms)
	}
	b.mu.Unlock()
}

// showResults refreshes the tab counts and the list from the results.
func (m *Model) showResults() {
	m.gen++
	for t := range m.tabs {
		m.tabs[t].count = len(m.tabItems[t])
	}
	if m.filtered() {
		for t := range m.tabs {
			m.tabs[t].count = 0
		}
		m.tabs[0].count = len(m.results)
		for _, r := range m.results {
			m.tabs[m.projectTab[r.Project]].count++
		}
	}
	// A new query selects its best match.
	m.refreshList(false)
}

// searchDoneMsg carries the results of a search run in a command.
type searchDoneMsg struct {
	searcher *model.Searcher // whose catalog the results index
	gen      int
	results  []model.Match
}

// search runs a search in a command. It gives up, sending nothing, as soon
// as a newer keystroke has moved latest on from gen.
func search(s *model.Searcher, lock *sync.Mutex, bufs *resultBufs, latest *atomic.Int64, gen int, q string) tea.Cmd {
	return func() tea.Msg {
		lock.Lock()
		defer lock.Unlock()
		superseded := func() bool { return latest.Load() != int64(gen) }
		if superseded() {
			return nil
		}
		ms, ok := s.SearchUntil(q, superseded)
		if !ok {
			return nil
		}
		return searchDoneMsg{searcher: s, gen: gen, results: bufs.copy(ms)}
	}
}

// filtered reports whether a filter is in force: a query with a term.
func (m *Model) filtered() bool { return strings.TrimSpace(m.query) != "" }

// refreshList fills the list with the current tab's projects, ranked by the
// filter when there is one; keep keeps the selected project when it can.
func (m *Model) refreshList(keep bool) {
	selected, ok := m.list.selected()
	items := m.tabItems[m.active]
	if m.recentFirst() {
		items = m.recentItems()
	}
	if m.filtered() {
		items = m.filterBuf[:0]
		for _, r := range m.results {
			if m.active == 0 || m.projectTab[r.Project] == m.active {
				items = append(items, r.Project)
			}
		}
		m.filterBuf = items
	}
	if !keep || !ok {
		selected = -1
	}
	m.list.setItems(items, selected)
}

// setTab moves to tab t, wrapping around.
func (m *Model) setTab(t int) {
	n := len(m.tabs)
	m.active = ((t % n) + n) % n
	m.refreshList(true)
}

// selectedProject returns the project under the cursor.
func (m *Model) selectedProject() (*model.Project, int, bool) {
	i, ok := m.list.selected()
	if !ok {
		return nil, 0, false
	}
	return &m.cat.Projects[i], i, true
}

// syncDetail shows the selected project's detail, rendered for the pane's
// width, when it is not already shown.
func (m *Model) syncDetail() {
	p, i, ok := m.selectedProject()
	width := m.detail.Width()
	if !ok {
		m.detail.SetContent("")
		m.shown = detailKey{-1, width}
		return
	}
	if (m.shown == detailKey{i, width}) {
		return
	}
	m.detail.SetContent(m.renderer.render(p, i, width))
	if m.shown.project != i {
		m.detail.GotoTop()
	}
	m.shown = detailKey{i, width}
}

// setAbout renders the catalog's prose for the about view, once per width.
func (m *Model) setAbout() {
	w := m.about.Width()
	if m.mode != modeAbout || w <= 0 || w == m.aboutWidth {
		return
	}
	m.about.SetContent(m.renderer.markdown(aboutMarkdown(m.cat), w))
	m.aboutWidth = w
}

// setStatus shows a message in the status line.
func (m *Model) setStatus(msg string, isErr bool) {
	m.status, m.statusErr = msg, isErr
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}
