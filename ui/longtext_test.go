package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// longText is n characters of words: "Long area 0 Long area 1 …".
func longText(what string, n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %d ", what, i)
	}
	return b.String()[:n]
}

// longCatalog is a catalog whose title, second area's name, and a
// project's name and goal in it are n characters long.
func longCatalog(n int) *model.Catalog {
	area := longText("Long area", n)
	return &model.Catalog{
		Title: longText("Long title", n),
		Areas: []model.Area{{Name: "Networking"}, {Name: area}},
		Projects: []model.Project{
			{Name: "Cilium", Area: "Networking", Maturity: model.Maturity{Org: "CNCF", State: "graduated"}},
			{Name: longText("Long name", n), Area: area, Maturity: model.Maturity{Org: "CNCF", State: "sandbox"},
				Goal: model.Text{{Text: longText("Long goal", n)}}},
		},
	}
}

// layoutWork is the bytes of text the width functions walk while the app
// on longCatalog(n) draws its first frame at w×h, goes to the long area's
// tab, says that its project has no mailing list, and is resized.
func layoutWork(t testing.TB, n, w, h int) int {
	t.Helper()
	m := newApp(longCatalog(n), Options{Markdown: func(string, bool) func(string, int) string {
		return func(md string, _ int) string { return md } // glamour's work is not counted here
	}})
	work := 0
	walked = func(b int) { work += b }
	defer func() { walked = nil }()
	m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	checkFits(t.(*testing.T), m.View().Content, w, h)
	m, _ = press(t, m, "tab", "tab", "m")
	if !strings.Contains(m.status.text, "has no mailing list") {
		t.Fatalf("status %q", m.status.text)
	}
	checkFits(t.(*testing.T), m.View().Content, w, h)
	m = update(t, m, tea.WindowSizeMsg{Width: w + 1, Height: h})
	checkFits(t.(*testing.T), m.View().Content, w+1, h)
	return work
}

// TestLongTextLayoutIsBounded: a 100,000-character area name, catalog
// title, project name and goal cost the app what an 8,000-character one
// does: layout walks text no further than the screen (it once measured a
// whole name per character it cut: seconds at 16,000 characters, minutes
// at 100,000). Work is counted in bytes walked by the width functions,
// not timed; every size is past maxField, the cap on what the detail's
// Markdown takes of a text, so the detail is the same at each.
func TestLongTextLayoutIsBounded(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		w, h := size[0], size[1]
		first := layoutWork(t, 8_000, w, h)
		for _, n := range []int{16_000, 100_000} { // smallest first: a quadratic layout fails in seconds
			if work := layoutWork(t, n, w, h); work > first {
				t.Fatalf("%dx%d: %d bytes walked at 8,000 characters, %d at %d", w, h, first, work, n)
			}
		}
		t.Logf("%dx%d: %d bytes walked at every size", w, h, first)
	}
}

// BenchmarkLongAreaName is a resize and the frame after it, on a catalog
// whose area name, title, project name and goal are 16,000 and 100,000
// characters long, the long area's tab shown.
func BenchmarkLongAreaName(b *testing.B) {
	for _, n := range []int{16_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			m := newApp(longCatalog(n), Options{})
			m = update(b, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			m, _ = press(b, m, "tab", "tab")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				next, _ := m.Update(tea.WindowSizeMsg{Width: 80 + i%2, Height: 24})
				m = next.(Model)
				_ = m.View()
				i++
			}
		})
	}
}
