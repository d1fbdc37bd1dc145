package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
		first := head(full, 5)
		first.Origin = model.Origin{Kind: model.OriginFile, Name: "big.md"}
		m := newApp(first, Options{Reload: func() (*model.Catalog, error) { return full, nil }, ReloadAtStart: true, AsyncSearchFrom: async})
		m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		if !strings.Contains(screen(m), "big.md · loading…") || len(m.view.tabs) != 3 {
			t.Fatalf("before: %d tabs\n%s", len(m.view.tabs), screen(m))
		}
		m, _ = press(t, m, "tab", "tab", "/", "c", "s", "i")
		if selectedName(m) != "Azure Disk CSI Driver" {
			t.Fatalf("selected %q before the load", selectedName(m))
		}
		m, _ = press(t, m, "down") // nothing below: still the disk driver
		// Init starts this reload (with a tick, not run here: it waits).
		next, cmd := m.Update(reload(m.opts.Reload, reloadStart)())
		m = next.(Model)
		for _, msg := range flatten(cmd) {
			m = update(t, m, msg)
		}
		if len(m.view.cat.Projects) != 18 || len(m.view.tabs) != 7 || m.loading {
			t.Errorf("async %d: %d projects, %d tabs, loading %v", async, len(m.view.cat.Projects), len(m.view.tabs), m.loading)
		}
		if m.view.tabs[m.view.active].name != "Kubernetes Azure Cloud Provider" || m.view.query != "csi" || m.mode != modeFilter {
			t.Errorf("async %d: tab %q query %q mode %d", async, m.view.tabs[m.view.active].name, m.view.query, m.mode)
		}
		if selectedName(m) != "Azure Disk CSI Driver" || len(m.view.list.items) != 3 || m.view.tabs[0].count != 7 {
			t.Errorf("async %d: selected %q, %d items, All %d", async, selectedName(m), len(m.view.list.items), m.view.tabs[0].count)
		}
		if s := screen(m); strings.Contains(s, "loading") {
			t.Errorf("async %d: still loading:\n%s", async, s)
		}
	}
}

func TestProgressiveLoadFailure(t *testing.T) {
	full := testCatalog(t)
	m := newApp(head(full, 5), Options{Reload: func() (*model.Catalog, error) { return nil, errors.New("big.md:9000: boom") }, ReloadAtStart: true})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = update(t, m, catalogLoadedMsg{err: errors.New("big.md:9000: boom")})
	if m.loading || len(m.view.cat.Projects) != 5 || !m.status.isErr || !strings.Contains(m.status.text, "big.md:9000: boom") {
		t.Errorf("loading %v, %d projects, status %q", m.loading, len(m.view.cat.Projects), m.status.text)
	}
}

// TestStaleSearchAfterSwap: a search of the old catalog, finishing after
// the swap with the same generation number, is not shown.
func TestStaleSearchAfterSwap(t *testing.T) {
	full := testCatalog(t)
	m := newApp(head(full, 5), Options{Reload: func() (*model.Catalog, error) { return full, nil }, ReloadAtStart: true, AsyncSearchFrom: 1})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = update(t, m, keyMsg("/"))
	next, stale := m.Update(keyMsg("a")) // a search of the 5 projects, not run yet
	m = next.(Model)
	staleGen := m.view.searchGen
	m.handleLoaded(catalogLoadedMsg{cat: full})
	for m.view.searchGen < staleGen { // let the new catalog's generations catch up
		m.view.searchGen++
	}
	msgs := flatten(stale)
	for _, msg := range msgs {
		if done, ok := msg.(searchDoneMsg); ok {
			t.Fatalf("a superseded search still sent results: %+v", done.gen)
		}
	}
	old := searchDoneMsg{searcher: model.NewIndex(full.Projects[:5]).NewSearcher(), gen: m.view.searchGen, results: []model.Match{{Project: 4}}}
	m = update(t, m, old)
	if len(m.view.results) == 1 && m.view.results[0].Project == 4 {
		t.Error("results of the old catalog's searcher were shown")
	}
}

// renamedCatalog is the test catalog with one project renamed.
func renamedCatalog(t *testing.T, from, to string) *model.Catalog {
	c := testCatalog(t)
	for i := range c.Projects {
		if c.Projects[i].Name == from {
			c.Projects[i].Name = to
		}
	}
	return c
}

func TestReloadKey(t *testing.T) {
	cat := testCatalog(t)
	cat.Origin = model.Origin{Kind: model.OriginFile, Name: "projects.md"}
	next := renamedCatalog(t, "Moby", "Moby Two")
	next.Origin = cat.Origin
	calls := 0
	m := newApp(cat, Options{Reload: func() (*model.Catalog, error) { calls++; return next, nil }})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if !strings.Contains(screen(m), "r reload catalog") && !strings.Contains(m.help.FullHelpView(m.keys.FullHelp()), "reload catalog") {
		t.Error("help does not offer r")
	}
	m, _ = press(t, m, "/", "c", "o", "n", "t", "a", "i", "n", "enter")
	m, _ = press(t, m, "r")
	if calls != 1 || !hasProjectNamed(m, "Moby Two") || selectedName(m) != "Containerd" || m.view.query != "contain" {
		t.Errorf("%d reloads, selected %q, query %q", calls, selectedName(m), m.view.query)
	}
	if m.status.text != "Read 18 projects from projects.md" || m.loading {
		t.Errorf("status %q, loading %v", m.status.text, m.loading)
	}
	// Without a source to read again, r says so (TestUpdateKeys), and help
	// offers it as it answers: not as a reload.
	plain, _ := newTestModel(t, 100, 30, Options{})
	if h := ansi.Strip(plain.viewFullHelp(100)); !plain.keys.Reload.Enabled() || !strings.Contains(h, "r             nothing to reload") {
		t.Errorf("help does not say what r does on the embedded catalog:\n%s", h)
	}
}

func hasProjectNamed(m Model, name string) bool {
	for _, p := range m.view.cat.Projects {
		if p.Name == name {
			return true
		}
	}
	return false
}

// TestFileChangeReloads: a tick with a new stamp reloads; the same stamp
// does not; a change that does not parse keeps the last good catalog.
func TestFileChangeReloads(t *testing.T) {
	cat := testCatalog(t)
	cat.Origin = model.Origin{Kind: model.OriginFile, Name: "projects.md"}
	var result *model.Catalog
	var resultErr error
	m := newApp(cat, Options{
		Reload:  func() (*model.Catalog, error) { return result, resultErr },
		Stamp:   func() string { return "unused: ticks carry the stamp" },
		Stamped: "v1",
	})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m, _ = press(t, m, "j", "j")
	selected := selectedName(m)

	m = update(t, m, tickMsg{stamp: "v1"})
	if m.loading {
		t.Fatal("an unchanged file was read again")
	}
	m = update(t, m, tickMsg{stamp: ""}) // the file is being replaced
	if m.loading {
		t.Fatal("a missing file was read again")
	}

	resultErr = errors.New("projects.md:12: not a Markdown catalog (binary data)")
	m = update(t, m, tickMsg{stamp: "v2"})
	if !m.loading {
		t.Fatal("a changed file was not read again")
	}
	m = update(t, m, reload(m.opts.Reload, reloadFile)())
	want := "projects.md:12: not a Markdown catalog (binary data); showing the last good catalog"
	if m.status.text != want || !m.status.isErr || len(m.view.cat.Projects) != 18 || selectedName(m) != selected {
		t.Errorf("status %q, %d projects, selected %q", m.status.text, len(m.view.cat.Projects), selectedName(m))
	}
	if !strings.Contains(screen(m), want) {
		t.Errorf("the error is not on screen:\n%s", screen(m))
	}

	result, resultErr = renamedCatalog(t, "Moby", "Moby Two"), nil
	m = update(t, m, tickMsg{stamp: "v3"})
	m = update(t, m, reload(m.opts.Reload, reloadFile)())
	if !hasProjectNamed(m, "Moby Two") || selectedName(m) != selected || m.stamp != "v3" {
		t.Errorf("after the fix: selected %q, stamp %q", selectedName(m), m.stamp)
	}
}

// TestStandInNotice: a catalog standing in for one that could not be read
// says so in the status line, and the header says where it came from.
func TestStandInNotice(t *testing.T) {
	cat := testCatalog(t)
	fetched := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	cat.Origin = model.Origin{Kind: model.OriginCache, Name: "https://example.com/projects.md", Fetched: fetched,
		Notice: "offline: showing the copy cached 3 days ago (could not fetch https://example.com/projects.md: connection refused)"}
	now := fetched.Add(73 * time.Hour)
	m := newApp(cat, Options{Now: func() time.Time { return now }})
	m = update(t, m, tea.WindowSizeMsg{Width: 160, Height: 30})
	s := screen(m)
	if !strings.Contains(s, "example.com/projects.md · cached 3 days ago") || !strings.Contains(s, "offline: showing the copy cached 3 days ago") || !m.status.isErr {
		t.Errorf("screen:\n%s", s)
	}
	// The age moves on with the clock.
	now = now.Add(24 * time.Hour)
	m = update(t, m, tickMsg{})
	if !strings.Contains(screen(m), "cached 4 days ago") {
		t.Errorf("the age did not move on:\n%s", screen(m))
	}
}

// TestDeletedFileSaysSo: a catalog file that goes away says so in the
// status line, once, and keeps the catalog on screen; a file that comes
// back is read again, even unchanged.
func TestDeletedFileSaysSo(t *testing.T) {
	cat := testCatalog(t)
	cat.Origin = model.Origin{Kind: model.OriginFile, Name: "projects.md"}
	m := newApp(cat, Options{
		Reload:  func() (*model.Catalog, error) { return testCatalog(t), nil },
		Stamp:   func() string { return "unused: ticks carry the stamp" },
		Stamped: "v1",
	})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = update(t, m, tickMsg{stamp: ""})
	want := "projects.md was deleted; showing the last good catalog"
	if m.status.text != want || !m.status.isErr || m.loading || len(m.view.cat.Projects) != 18 {
		t.Fatalf("status %q (error %v), loading %v, %d projects", m.status.text, m.status.isErr, m.loading, len(m.view.cat.Projects))
	}
	if !strings.Contains(screen(m), want) {
		t.Errorf("the deletion is not on screen:\n%s", screen(m))
	}
	m = update(t, m, tickMsg{stamp: "v1"}) // back as it was
	if !m.loading {
		t.Fatal("a file that came back was not read again")
	}
	m = update(t, m, reload(m.opts.Reload, reloadFile)())
	if !strings.HasPrefix(m.status.text, "Read 18 projects") {
		t.Errorf("after it came back: status %q", m.status.text)
	}
}
