package ui

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// catalogView is the catalog on screen and everything that is worked out
// from it: its index and searcher, the tabs, the list, the filter and its
// results, the detail and about panes, and the facet picker. A catalog
// swap builds a new one from the old one's carry-over, so nothing of the
// old catalog lingers and nothing the user was doing is left behind.
type catalogView struct {
	cat       *model.Catalog
	index     *model.Index
	searcher  *model.Searcher // narrows as the filter grows
	asyncFrom int             // the catalog size from which work runs in commands

	tabs       []tab   // "All", then one per area
	tabItems   [][]int // each tab's projects in catalog order
	areaTab    map[string]int
	projectTab []int // the area tab of each project
	// otherTabs holds, for the projects listed in more than one area, the
	// tabs of their other places.
	otherTabs map[int][]int
	active    int // current tab

	filter // the query, its results and the searches under way

	// recents is the All tab with the recently opened projects first, or
	// nil when the list keeps catalog order (Options.RecentFirst off, or
	// nothing opened yet).
	recents       []int
	pendingSelect int // a project to select once it is listed, or -1
	// moved: the user moved the selection (keys, the mouse), here or in a
	// view this one replaced. Its successor then keeps the project, even
	// on the top row; otherwise it keeps the top row (carry.atTop).
	moved bool

	list       projectList
	detail     textPane
	shown      detailKey // what the detail viewport holds
	aboutShown int       // the width the about view holds the prose for
	about      textPane
	renderer   *detailRenderer
	picker     facetPicker

	// repos is each project's repository, found in a command when there
	// is a health source (loadHealth); nil until then. health is the
	// snapshot of their health shown (healthview.go); nil for none.
	repos  []repoRef
	health *model.HealthView
	// sort is the list's order (the sort key); sortBuf holds the sorted
	// list.
	sort    model.SortOrder
	sortBuf []int

	origin string // where the catalog came from, for the header
	// gen counts changes to what the header shows (tab counts, origin),
	// for the frame cache.
	gen int
}

// carry is what a catalog view hands on to the one that replaces it: where
// the user was and what they were doing.
type carry struct {
	tab      string // the area tab's name; "" for All
	query    string
	selected string // the selected project's name; "" for none
	// atTop: the first row was selected, as at start, and the user never
	// moved the selection. The successor keeps the top row, not the
	// project, when rows arrive above it (the whole of a file after its
	// first rows, with recents first).
	atTop      bool
	facetsOpen bool   // the facet picker is on screen
	facet      string // the facet under the picker's cursor
	sort       model.SortOrder
}

// viewEnv is what a catalog view takes from the session it is shown in.
type viewEnv struct {
	opts   *Options
	state  *model.State
	isDark bool
	now    time.Time
}

// newCatalogView builds the view of a catalog, with its index or nil to
// make it, where c says. The command runs the query's search or counts the
// facets, on a large catalog.
func newCatalogView(cat *model.Catalog, index *model.Index, c carry, env viewEnv) (catalogView, tea.Cmd) {
	if index == nil {
		index = model.NewIndex(cat.Projects)
	}
	v := catalogView{
		cat:           cat,
		index:         index,
		searcher:      index.NewSearcher(),
		asyncFrom:     env.opts.asyncFrom(),
		areaTab:       map[string]int{},
		filter:        newFilter(),
		pendingSelect: -1,
		sort:          c.sort,
	}
	v.buildTabs()
	if t, ok := v.areaTab[c.tab]; ok {
		v.active = t
	}
	v.setRenderer(env.opts, env.isDark)
	v.setRecents(env.opts.RecentFirst, env.state)
	v.describeOrigin(env.now)
	cmd := v.applyQuery(c.query)
	if c.selected != "" && !c.atTop {
		for i := range cat.Projects {
			if cat.Projects[i].Name == c.selected {
				v.pendingSelect = i
				v.moved = true // kept, it stays kept in later swaps
				break
			}
		}
		v.selectPending()
	}
	if c.facetsOpen {
		cmd = tea.Batch(cmd, v.openFacets(c.facet))
	}
	return v, cmd
}

// carry returns what the view's successor keeps; facetsOpen says whether
// the picker is on screen, which the session knows.
func (v *catalogView) carry(facetsOpen bool) carry {
	c := carry{query: v.query, facetsOpen: facetsOpen, facet: v.picker.current(), sort: v.sort}
	if v.active > 0 {
		c.tab = v.tabs[v.active].name
	}
	if p, _, ok := v.selectedProject(); ok {
		c.selected = p.Name
		c.atTop = v.list.cursor == 0 && !v.moved
	}
	return c
}

// AllTab is the name of the tab that lists every area's projects: the
// Options.Area that starts on it.
const AllTab = "All"

// FindTab finds the tab an --area value names: "all", in any case, is the
// All tab; anything else is an area, found as model.Catalog.FindArea finds
// it.
func FindTab(cat *model.Catalog, name string) (model.Area, error) {
	if strings.EqualFold(strings.TrimSpace(name), AllTab) {
		return model.Area{Name: AllTab}, nil
	}
	return cat.FindArea(name)
}

// buildTabs makes the All tab and one per area, and files each project
// under its tabs.
func (v *catalogView) buildTabs() {
	names := make([]string, len(v.cat.Areas))
	for i, a := range v.cat.Areas {
		names[i] = a.Name
	}
	v.tabs = append(v.tabs, tab{name: AllTab, short: AllTab})
	for i, short := range shortNames(names) {
		v.areaTab[names[i]] = len(v.tabs)
		v.tabs = append(v.tabs, tab{name: names[i], short: short})
	}
	v.tabItems = make([][]int, len(v.tabs))
	v.projectTab = make([]int, len(v.cat.Projects))
	for i := range v.cat.Projects {
		p := &v.cat.Projects[i]
		t := v.areaTab[p.Area]
		v.projectTab[i] = t
		v.tabItems[0] = append(v.tabItems[0], i)
		v.tabItems[t] = append(v.tabItems[t], i)
		for _, pl := range p.OtherPlaces {
			if o, ok := v.areaTab[pl.Area]; ok && o != t && !slices.Contains(v.otherTabs[i], o) {
				if v.otherTabs == nil {
					v.otherTabs = map[int][]int{}
				}
				v.otherTabs[i] = append(v.otherTabs[i], o)
				v.tabItems[o] = append(v.tabItems[o], i)
			}
		}
	}
}

// tabsOf returns the area tabs project i is listed under: its area's,
// then its other places'.
func (v *catalogView) tabsOf(i int) []int {
	if other, ok := v.otherTabs[i]; ok {
		return append([]int{v.projectTab[i]}, other...)
	}
	return v.projectTab[i : i+1]
}

// areaName is the name of the area whose tab is on screen; "" on All.
func (v *catalogView) areaName() string {
	if v.active == 0 {
		return ""
	}
	return v.tabs[v.active].name
}

// inTab reports whether project i is listed under tab t.
func (v *catalogView) inTab(i, t int) bool {
	return t == 0 || v.projectTab[i] == t || slices.Contains(v.otherTabs[i], t)
}

// setRenderer renders details and prose for a background from now on.
func (v *catalogView) setRenderer(opts *Options, isDark bool) {
	style := "dark"
	if !isDark {
		style = "light"
	}
	v.renderer = newDetailRenderer(opts.markdown(style), opts.Hyperlinks)
	v.shown = detailKey{project: -1, width: -1}
	v.aboutShown = 0
}

// describeOrigin refreshes the header's account of where the catalog came
// from.
func (v *catalogView) describeOrigin(now time.Time) {
	if s := v.cat.Origin.Describe(now); s != v.origin {
		v.origin = s
		v.gen++
	}
}

// refreshList fills the list with the current tab's projects, ranked by the
// filter when there is one; keep keeps the selected project when it can.
func (v *catalogView) refreshList(keep bool) {
	selected, ok := v.list.selected()
	items := v.tabItems[v.active]
	if v.recentFirst() {
		items = v.recents
	}
	if v.filtered() {
		items = v.filterBuf[:0]
		for _, r := range v.results {
			if v.inTab(r.Project, v.active) {
				items = append(items, r.Project)
			}
		}
		v.filterBuf = items
	}
	if !keep || !ok {
		selected = -1
	}
	v.list.setItems(v.sorted(items), selected)
}

// setTab moves to tab t, wrapping around.
func (v *catalogView) setTab(t int) {
	n := len(v.tabs)
	v.active = ((t % n) + n) % n
	v.refreshList(true)
}

// selectedProject returns the project under the cursor.
func (v *catalogView) selectedProject() (*model.Project, int, bool) {
	i, ok := v.list.selected()
	if !ok {
		return nil, 0, false
	}
	return &v.cat.Projects[i], i, true
}

// moveSelection moves the cursor n rows, for the user.
func (v *catalogView) moveSelection(n int) {
	v.list.moveBy(n)
	v.moved = true
}

// selectRow moves the cursor to row i, for the user (a click).
func (v *catalogView) selectRow(i int) {
	v.list.moveTo(i)
	v.moved = true
}

// syncDetail shows the selected project's detail, rendered for the pane's
// width with what repo says of the project's repository, when it is not
// already shown. links gives the links the detail numbers. Until a detail
// not yet rendered arrives (a frame or so later), the pane keeps what it
// shows.
func (v *catalogView) syncDetail(repo func(p, width int) repoText, links func(p int) []model.Link) tea.Cmd {
	p, i, ok := v.selectedProject()
	width := v.detail.Width()
	if !ok {
		v.detail.SetContent("")
		v.shown = detailKey{project: -1, width: width}
		return nil
	}
	k := detailKey{project: i, width: width, repo: repo(i, width)}
	if v.shown == k {
		return nil
	}
	s, ok, cmd := v.renderer.detail(p, links(i), k)
	if !ok {
		return cmd
	}
	v.detail.SetContent(s)
	if v.shown.project != i {
		v.detail.GotoTop()
	}
	v.shown = k
	return nil
}

// syncAbout shows the catalog's prose in the about view, rendered for its
// width, when it is not already shown.
func (v *catalogView) syncAbout() tea.Cmd {
	w := v.about.Width()
	if w <= 0 || w == v.aboutShown {
		return nil
	}
	s, ok, cmd := v.renderer.prose(v.cat, w)
	if !ok {
		return cmd
	}
	v.about.SetContent(s)
	v.aboutShown = w
	return nil
}

// handleRendered keeps a text rendered in a command, unless the theme
// changed meanwhile; relayout then shows it where it belongs.
func (v *catalogView) handleRendered(msg renderedMsg) {
	if msg.renderer == v.renderer {
		v.renderer.keep(msg)
	}
}

// selectPending moves the cursor to the project kept through a catalog
// change, once it is in the list (after a search in a command, it is not
// yet).
func (v *catalogView) selectPending() {
	if v.pendingSelect < 0 || v.searching {
		return
	}
	for i, p := range v.list.items {
		if p == v.pendingSelect {
			v.list.moveTo(i)
			break
		}
	}
	v.pendingSelect = -1
}
