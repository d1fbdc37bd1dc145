package ui

import (
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// The search pipeline: a keystroke's query is searched in Update on a
// small catalog, where the result is on the very next frame, and in a
// command on a large one, superseded by the next keystroke.

// filter is the query of a catalog view, its results, and the searches
// running in commands.
type filter struct {
	query    string        // the filter as typed
	queryErr error         // what is wrong with query, shown instead of the list
	results  []model.Match // ranked matches of query, when filtered()
	// resultsPooled says results came from a search command, in a
	// buffer of resultBufs' that goes back there once replaced.
	resultsPooled bool
	filterBuf     []int // the filtered list, reused from keystroke to keystroke

	// Searches in commands: the generation of the latest, shared with the
	// commands through latest so that a newer keystroke stops an older
	// search, and a lock so that one search runs at a time.
	searchGen  int
	latest     *atomic.Int64
	searchLock *sync.Mutex
	resultBufs *resultBufs
	searching  bool // a search for query is under way
}

func newFilter() filter {
	return filter{latest: &atomic.Int64{}, searchLock: &sync.Mutex{}, resultBufs: &resultBufs{}}
}

// filtered reports whether a filter is in force: a query with a term.
func (f *filter) filtered() bool { return strings.TrimSpace(f.query) != "" }

// stopSearches stops the view's searches still running: it is being
// replaced.
func (f *filter) stopSearches() { f.latest.Store(-1) }

// applyQuery runs the filter and refreshes the tab counts and the list. On
// a large catalog the search runs in the returned command instead, and the
// list follows when its searchDoneMsg arrives.
func (v *catalogView) applyQuery(q string) tea.Cmd {
	v.query = q
	v.queryErr = model.CheckQuery(q)
	v.searchGen++
	v.latest.Store(int64(v.searchGen)) // stops any search still running
	v.searching = false
	if v.filtered() && len(v.cat.Projects) >= v.asyncFrom {
		// The last results stay on screen until these arrive.
		v.searching = true
		v.gen++
		return search(v.searcher, v.searchLock, v.resultBufs, v.latest, v.searchGen, q)
	}
	var results []model.Match // the Searcher's own buffer: never given back
	if v.filtered() {
		results = v.searcher.Search(q)
	}
	v.setResults(results, false)
	v.showResults()
	return nil
}

// handleSearchDone shows the results of a search run in a command, if it
// is the latest of this catalog's: a swapped-in catalog counts its
// generations afresh.
func (v *catalogView) handleSearchDone(msg searchDoneMsg) {
	if msg.gen != v.searchGen || msg.searcher != v.searcher {
		v.resultBufs.put(msg.results)
		return
	}
	v.searching = false
	v.setResults(msg.results, true)
	v.showResults()
	v.selectPending()
}

// setResults replaces the results, giving a buffer of resultBufs' back.
func (f *filter) setResults(results []model.Match, pooled bool) {
	if f.resultsPooled {
		f.resultBufs.put(f.results)
	}
	f.results, f.resultsPooled = results, pooled
}

// showResults refreshes the tab counts and the list from the results.
func (v *catalogView) showResults() {
	v.gen++
	for t := range v.tabs {
		v.tabs[t].count = len(v.tabItems[t])
	}
	if v.filtered() {
		for t := range v.tabs {
			v.tabs[t].count = 0
		}
		v.tabs[0].count = len(v.results)
		for _, r := range v.results {
			for _, t := range v.tabsOf(r.Project) {
				v.tabs[t].count++
			}
		}
	}
	// A new query selects its best match.
	v.refreshList(false)
}

// matchesElsewhere is how many of the filter's matches are on other tabs
// than the area tab shown: what the All tab shows more. It is 0 on All,
// without a filter, and while a search is under way.
func (v *catalogView) matchesElsewhere() int {
	if v.active == 0 || !v.filtered() || v.searching {
		return 0
	}
	return v.tabs[0].count - v.tabs[v.active].count
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
