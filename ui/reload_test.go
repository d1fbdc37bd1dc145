package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// head is the first n projects of a catalog, as a prefix parse gives them.
func head(c *model.Catalog, n int) *model.Catalog {
	h := &model.Catalog{Title: c.Title, Projects: c.Projects[:n]}
	for _, a := range c.Areas {
		for _, p := range h.Projects {
			if p.Area == a.Name {
				h.Areas = append(h.Areas, a)
				break
			}
		}
	}
	return h
}

func TestProgressiveLoadKeepsTabFilterAndSelection(t *testing.T) {
	for _, async := range []int{0, 1} {
		full := testCatalog(t)
		m := New(head(full, 5), Options{Load: func() (*model.Catalog, error) { return full, nil }, AsyncSearchFrom: async, Source: "big.md"})
		m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		if !strings.Contains(screen(m), "big.md · loading…") || len(m.tabs) != 3 {
			t.Fatalf("before: %d tabs\n%s", len(m.tabs), screen(m))
		}
		m, _ = press(t, m, "tab", "tab", "/", "c", "s", "i")
		if selectedName(m) != "Azure Disk CSI Driver" {
			t.Fatalf("selected %q before the load", selectedName(m))
		}
		m, _ = press(t, m, "down") // nothing below: still the disk driver
		var loaded tea.Msg
		for _, msg := range flatten(m.Init()) {
			if _, ok := msg.(catalogLoadedMsg); ok {
				loaded = msg
			}
		}
		next, cmd := m.Update(loaded)
		m = next.(Model)
		for _, msg := range flatten(cmd) {
			m = update(t, m, msg)
		}
		if len(m.cat.Projects) != 18 || len(m.tabs) != 7 || m.loading {
			t.Errorf("async %d: %d projects, %d tabs, loading %v", async, len(m.cat.Projects), len(m.tabs), m.loading)
		}
		if m.tabs[m.active].name != "Kubernetes Azure Cloud Provider" || m.query != "csi" || m.mode != modeFilter {
			t.Errorf("async %d: tab %q query %q mode %d", async, m.tabs[m.active].name, m.query, m.mode)
		}
		if selectedName(m) != "Azure Disk CSI Driver" || len(m.list.items) != 3 || m.tabs[0].count != 7 {
			t.Errorf("async %d: selected %q, %d items, All %d", async, selectedName(m), len(m.list.items), m.tabs[0].count)
		}
		if s := screen(m); strings.Contains(s, "loading") {
			t.Errorf("async %d: still loading:\n%s", async, s)
		}
	}
}

func TestProgressiveLoadFailure(t *testing.T) {
	full := testCatalog(t)
	m := New(head(full, 5), Options{Load: func() (*model.Catalog, error) { return nil, errors.New("big.md:9000: boom") }})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = update(t, m, catalogLoadedMsg{err: errors.New("big.md:9000: boom")})
	if m.loading || len(m.cat.Projects) != 5 || !m.statusErr || !strings.Contains(m.status, "big.md:9000: boom") {
		t.Errorf("loading %v, %d projects, status %q", m.loading, len(m.cat.Projects), m.status)
	}
}

// TestStaleSearchAfterSwap: a search of the old catalog, finishing after
// the swap with the same generation number, is not shown.
func TestStaleSearchAfterSwap(t *testing.T) {
	full := testCatalog(t)
	m := New(head(full, 5), Options{Load: func() (*model.Catalog, error) { return full, nil }, AsyncSearchFrom: 1})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = update(t, m, keyMsg("/"))
	next, stale := m.Update(keyMsg("a")) // a search of the 5 projects, not run yet
	m = next.(Model)
	staleGen := m.searchGen
	m, _ = m.handleLoaded(catalogLoadedMsg{cat: full})
	for m.searchGen < staleGen { // let the new catalog's generations catch up
		m.searchGen++
	}
	msgs := flatten(stale)
	for _, msg := range msgs {
		if done, ok := msg.(searchDoneMsg); ok {
			t.Fatalf("a superseded search still sent results: %+v", done.gen)
		}
	}
	old := searchDoneMsg{searcher: model.NewIndex(full.Projects[:5]).NewSearcher(), gen: m.searchGen, results: []model.Match{{Project: 4}}}
	m = update(t, m, old)
	if len(m.results) == 1 && m.results[0].Project == 4 {
		t.Error("results of the old catalog's searcher were shown")
	}
}
