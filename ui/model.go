// Package ui is the Bubble Tea interface of upstream-tui: area tabs, a
// filterable project list, a detail pane rendered with glamour, the about
// view, the facet picker, help built from the key bindings, opening and
// copying links, reloading the catalog, repository health (health.go:
// checks within the rate budget; healthview.go: markers, is: facets,
// sorting; healthdetail.go: the Repository section), and what is
// remembered between runs. It is handed a parsed catalog and never loads
// one itself. The root Model is the session; the catalog on screen is one
// catalogView, rebuilt whole when the catalog changes.
package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// mode is what the keyboard is driving.
type mode int

const (
	modeBrowse      mode = iota // moving in the list, opening links
	modeFilter                  // typing a filter
	modeHelp                    // full help on screen
	modeAbout                   // the catalog's prose on screen
	modeFacets                  // the facet picker on screen
	modeFacetFilter             // typing to narrow the facet picker
)

// Model is the root Bubble Tea model of the app: the session (size,
// theme, keys, mode, status line, what is remembered between runs) and the
// view of the catalog on screen, which a catalog swap replaces whole.
type Model struct {
	opts Options

	keys    keyMap
	styles  styles
	isDark  bool
	help    help.Model
	input   textinput.Model // the filter as typed; the view holds the query in force
	mode    mode
	copying bool // y was pressed: the next key names the link to copy
	digits  linkDigits

	width, height int

	loading bool   // Options.Reload is reading the catalog again
	stamp   string // the catalog file's stamp when last read

	state model.State
	saves *saves

	health *healthState // nil without Options.Health

	status statusLine

	initCmd tea.Cmd // the search of the initial query, started by Init

	// gen counts changes to the theme and the catalog, for frame.
	gen   int
	frame *frameCache

	helpPane textPane // the full help, which scrolls where it is taller than the screen
	helpKey  [2]int   // the width and gen it was drawn for

	view catalogView
}

// frameCache keeps the parts of a frame that seldom change. View has a
// value receiver, so it lives behind a pointer to outlast the frame.
type frameCache struct {
	headerKey, helpKey [4]int
	header, help       []string
}

// New returns the app for a catalog.
func New(cat *model.Catalog, opts Options) Model {
	if opts.Opener == nil {
		opts.Opener = SystemOpener
	}
	m := Model{
		opts:    opts,
		keys:    defaultKeyMap(),
		help:    help.New(),
		input:   textinput.New(),
		frame:   &frameCache{},
		loading: opts.ReloadAtStart && opts.Reload != nil,
		stamp:   opts.Stamped,
		state:   opts.State,
		saves:   &saves{},
		health:  newHealthState(opts.Health),
	}
	m.input.Prompt = "/ "
	m.input.Placeholder = "fuzzy filter: name, goal, area, maturity, links"
	m.input.CharLimit = model.MaxQueryRunes
	m.restyle(opts.Theme != "light")
	m.input.SetValue(opts.Query)
	// The remembered tab would scope a query from the command line out
	// of sight: a query starts on All, unless an area is asked for.
	area := opts.Area
	if area == "" && strings.TrimSpace(opts.Query) == "" {
		area = opts.State.LastTab
	}
	m.view, m.initCmd = newCatalogView(cat, nil, carry{tab: area, query: opts.Query}, m.env())
	// What r does, as help says it: the catalog, health, both, or neither
	// (the embedded catalog without health: r says why).
	desc := "reload catalog"
	switch {
	case m.health != nil && opts.Reload != nil:
		desc = "reload catalog, check health again"
	case m.health != nil:
		desc = "check health again"
	case opts.Reload == nil:
		desc = "nothing to reload"
	}
	m.keys.health = m.health != nil
	m.keys.Reload.SetHelp(m.keys.Reload.Help().Key, desc)
	m.keys.rebind(opts.Keys)
	m.keys.setMode(m.mode, m.view.filtered(), m.view.matchesElsewhere() > 0)
	if n := strings.Join(nonEmpty(cat.Origin.Notice, opts.Notice), "; "); n != "" {
		m.setNotice(n, true)
	}
	m.initCmd = tea.Batch(m.initCmd, m.relayout())
	return m
}

// env is what a catalog view takes from the session.
func (m *Model) env() viewEnv {
	return viewEnv{opts: &m.opts, state: &m.state, isDark: m.isDark, now: m.now()}
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
	cmds = append(cmds, m.startHealth())
	return tea.Batch(cmds...)
}

// Update dispatches a message: resize, theme, results of commands, then keys
// and the mouse to the part that has them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	before := m.markStatus()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
	case tea.BackgroundColorMsg:
		m.setTheme(msg.IsDark())
	case openedMsg:
		cmd = m.handleOpened(msg)
	case stateSavedMsg:
		m.setStatus("Could not save what was opened: "+msg.err.Error(), true)
	case statusExpiredMsg:
		m.handleStatusExpired(msg)
	case digitsWaitedMsg:
		cmd = m.handleDigitsWaited(msg)
	case searchDoneMsg:
		m.view.handleSearchDone(msg)
	case facetsCountedMsg:
		m.view.handleFacetsCounted(msg)
	case catalogLoadedMsg:
		cmd = m.handleLoaded(msg)
	case tickMsg:
		cmd = m.handleTick(msg)
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	case renderedMsg:
		m.view.handleRendered(msg)
	case healthLoadedMsg:
		cmd = m.handleHealthLoaded(msg)
	case healthViewMsg:
		cmd = m.handleHealthView(msg)
	case healthRestedMsg:
		cmd = m.handleHealthRested(msg)
	case healthCheckedMsg:
		cmd = m.handleHealthChecked(msg)
	case healthLimitOverMsg:
		cmd = m.handleHealthLimitOver()
	default:
		cmd = m.handleFilterInput(msg)
	}
	m.keys.setMode(m.mode, m.view.filtered(), m.view.matchesElsewhere() > 0)
	// The status first: clearing it changes its height, so the layout.
	tidy := m.tidyStatus(before)
	return m, tea.Batch(cmd, tidy, m.relayout(), m.restHealth())
}

// fixedTheme reports whether the theme is set rather than following the
// terminal's background.
func (m *Model) fixedTheme() bool { return m.opts.Theme == "dark" || m.opts.Theme == "light" }

// setTheme follows the terminal's background, unless the theme is fixed.
func (m *Model) setTheme(isDark bool) {
	if m.fixedTheme() || isDark == m.isDark {
		return
	}
	m.restyle(isDark)
	m.view.setRenderer(&m.opts, isDark)
}

// restyle builds the session's styles for a background.
func (m *Model) restyle(isDark bool) {
	m.isDark = isDark
	m.gen++
	m.styles = newStyles(isDark, m.opts.NoColor, m.opts.Plain)
	m.help.Styles = m.styles.Help
	inputStyles := textinput.DefaultStyles(isDark)
	inputStyles.Cursor.Blink = false // a steady cursor; no timer ticking while typing
	m.input.SetStyles(inputStyles)
}

// relayout gives each part its size, and shows the detail or the prose
// for it, or returns the command that renders them. Update calls it after
// every message, as the size, the mode and the filter line all change the
// layout.
func (m *Model) relayout() tea.Cmd {
	l := m.layout()
	v := &m.view
	v.list.setHeight(l.listRows)
	v.detail.SetWidth(l.detailW)
	v.detail.SetHeight(l.detailH)
	v.about.SetWidth(l.width)
	v.about.SetHeight(l.bodyH)
	m.input.SetWidth(max(l.listW-4, 1))
	m.help.SetWidth(l.width)
	hint := m.keys.DetailDown.Help().Key
	v.detail.hint, v.about.hint, m.helpPane.hint = hint, hint, hint
	// Render only what is on screen: glamour is the costliest part of a
	// frame, and help, about and the picker cover the detail.
	switch m.mode {
	case modeBrowse, modeFilter:
		return v.syncDetail(m.repoTextOf, m.detailLinks)
	case modeAbout:
		return v.syncAbout()
	case modeHelp:
		m.setHelpPane(l)
	}
	return nil
}

// setHelpPane lays the full help out for the body, drawn once per width
// and theme.
func (m *Model) setHelpPane(l layout) {
	m.helpPane.SetWidth(l.width)
	m.helpPane.SetHeight(l.bodyH)
	if key := [2]int{l.width, m.gen}; key != m.helpKey {
		m.helpPane.SetContent(m.viewFullHelp(l.width))
		m.helpKey = key
	}
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}
