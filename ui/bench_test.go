package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
)

// benchCatalogs caches synthetic catalogs of 1,000, 10,000 and 100,000 projects.
var benchCatalogs = sync.OnceValue(func() map[int]*model.Catalog {
	out := map[int]*model.Catalog{}
	for _, n := range []int{1_000, 10_000, 100_000} {
		c, err := data.SyntheticCatalog(12, n, 1)
		if err != nil {
			panic(err)
		}
		out[n] = c
	}
	return out
})

// benchLandscape is the whole CNCF Landscape, 2,407 projects.
var benchLandscape = sync.OnceValue(func() *model.Catalog {
	c, err := data.LoadFile(filepath.Join("..", "testdata", "landscape-full.yml"))
	if err != nil {
		panic(err)
	}
	return c
})

func benchModel(b *testing.B, n int) Model {
	return benchModelOf(benchCatalogs()[n])
}

func benchModelOf(cat *model.Catalog) Model {
	m := newApp(cat, Options{Opener: func(string) error { return nil }})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	return next.(Model)
}

// send updates the model with msg and with what its commands send back, as
// the program would (a search in a command, on a large catalog).
func (m Model) send(msg tea.Msg) Model {
	next, cmd := m.Update(msg)
	m = next.(Model)
	for _, reply := range flatten(cmd) {
		m = m.send(reply)
	}
	return m
}

// BenchmarkKeystroke is one key typed into the filter, Update and View, as
// the app runs it: "b" after "ku" (narrowing), and backspace from "kub"
// (a full search for "ku"), on synthetic catalogs and on the whole CNCF
// Landscape.
func BenchmarkKeystroke(b *testing.B) {
	benchCatalogs() // built once, outside the timings
	benchLandscape()
	cats := map[string]*model.Catalog{"landscape": benchLandscape()}
	names := []string{"1k", "10k", "100k", "landscape"}
	for _, n := range []int{1_000, 10_000, 100_000} {
		cats[fmt.Sprintf("%dk", n/1000)] = benchCatalogs()[n]
	}
	for _, name := range names {
		for _, tc := range []struct {
			name  string
			key   tea.KeyPressMsg
			other tea.KeyPressMsg // undoes key, untimed
		}{
			{"narrow", keyMsg("b"), keyMsg("backspace")},
			{"widen", keyMsg("backspace"), keyMsg("b")},
		} {
			b.Run(name+"/"+tc.name, func(b *testing.B) {
				m := benchModelOf(cats[name])
				for _, k := range []string{"/", "k", "u"} {
					m = m.send(keyMsg(k))
				}
				if tc.name == "widen" {
					m = m.send(keyMsg("b"))
				}
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					m = m.send(tc.key)
					_ = m.View()
					b.StopTimer()
					m = m.send(tc.other)
					b.StartTimer()
				}
			})
		}
	}
}

// BenchmarkView is one frame, unfiltered and filtered.
func BenchmarkView(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		for _, keys := range [][]string{nil, {"/", "k", "u", "b", "enter"}} {
			b.Run(fmt.Sprintf("%dk/filter=%v", n/1000, keys != nil), func(b *testing.B) {
				m := benchModel(b, n)
				for _, k := range keys {
					m = m.send(keyMsg(k))
				}
				b.ReportAllocs()
				for b.Loop() {
					_ = m.View()
				}
			})
		}
	}
}

// BenchmarkSelect moves the selection and draws: cold, to projects whose
// detail has not been rendered yet; warm, between two that have.
func BenchmarkSelect(b *testing.B) {
	m := benchModel(b, 100_000)
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m = m.send(keyMsg("j"))
			_ = m.View()
		}
	})
	b.Run("warm", func(b *testing.B) {
		m = m.send(keyMsg("j")).send(keyMsg("k"))
		keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("k")}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			m = m.send(keys[i%2])
			_ = m.View()
			i++
		}
	})
}

// BenchmarkFacetPicker is the first f: the facets the catalog can answer,
// each counted.
func BenchmarkFacetPicker(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		cat := benchCatalogs()[n]
		ix := model.NewIndex(cat.Projects)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if len(facetOptions(ix, catalogFacets(cat, ix, nil), nil)) == 0 {
					b.Fatal("no options")
				}
			}
		})
	}
}

// BenchmarkListMarkers draws the list of 100,000 projects, without health
// and with every project's health known, most rows marked (archived,
// moved, stale; a quarter active).
func BenchmarkListMarkers(b *testing.B) {
	cat := benchCatalogs()[100_000]
	for _, withHealth := range []bool{false, true} {
		b.Run(fmt.Sprintf("health=%v", withHealth), func(b *testing.B) {
			opts := Options{Opener: func(string) error { return nil }}
			var src *fakeHealth
			if withHealth {
				src = benchHealth(cat)
				opts.Health, opts.Now = src, func() time.Time { return healthNow }
			}
			m := newApp(cat, opts)
			m = m.send(tea.WindowSizeMsg{Width: 140, Height: 40})
			if src != nil {
				m = m.send(loadHealth(src, cat, nil, healthNow)())
				if !strings.Contains(m.viewList(m.layout()), "[archived]") {
					b.Fatal("no marker drawn")
				}
			}
			l := m.layout()
			b.ReportAllocs()
			for b.Loop() {
				_ = m.viewList(l)
			}
		})
	}
}

// benchHealth is a source whose cache knows every project's repository:
// archived, moved, stale and active in turn.
func benchHealth(cat *model.Catalog) *fakeHealth {
	src := &fakeHealth{cached: map[string]model.Health{}}
	for i := range cat.Projects {
		r, ok := model.RepoOf(&cat.Projects[i])
		if !ok {
			continue
		}
		h := model.Health{Repo: r, CheckedAt: healthNow, PushedAt: healthNow.AddDate(-2, 0, 0)}
		switch i % 4 {
		case 0:
			h.Archived = true
		case 1:
			h.MovedTo = model.Repo{Owner: "moved", Name: r.Name}
		case 3:
			h.PushedAt = healthNow
		}
		src.cached[r.Key()] = h
	}
	src.answers = src.cached
	return src
}

// BenchmarkHealthSnapshot is what an answer costs on 100,000 projects: the
// snapshot made in a command, and showing it in Update (the list in
// catalog order, and sorted by stars).
func BenchmarkHealthSnapshot(b *testing.B) {
	cat := benchCatalogs()[100_000]
	src := benchHealth(cat)
	lookup := knownHealth(nil, src.cached)
	b.Run("command", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			model.NewHealthView(cat, lookup, healthNow)
		}
	})
	// As the app makes one for each answer: the repositories found once.
	repos := make([]repoRef, len(cat.Projects))
	for i := range cat.Projects {
		repos[i] = newRepoRef(&cat.Projects[i])
	}
	b.Run("command/repositories-found", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			snapshot(cat, repos, lookup, healthNow)
		}
	})
	hv := model.NewHealthView(cat, lookup, healthNow)
	for _, sorted := range []bool{false, true} {
		b.Run(fmt.Sprintf("update/sorted=%v", sorted), func(b *testing.B) {
			m := newApp(cat, Options{Opener: func(string) error { return nil }, Health: src, Now: func() time.Time { return healthNow }})
			m = m.send(tea.WindowSizeMsg{Width: 140, Height: 40})
			if sorted {
				m.view.cycleSort()
			}
			b.ReportAllocs()
			for b.Loop() {
				m.view.setHealth(hv)
			}
		})
	}
}
