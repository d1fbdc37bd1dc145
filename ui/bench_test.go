package ui

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

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
				if len(facetOptions(ix, catalogFacets(cat, ix), nil)) == 0 {
					b.Fatal("no options")
				}
			}
		})
	}
}
