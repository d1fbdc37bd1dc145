package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// manyLinks is a catalog of one project with twelve links.
func manyLinks() *model.Catalog {
	p := model.Project{Name: "Many", Area: "A"}
	for i := 1; i <= 12; i++ {
		kind, col := model.KindOther, model.ColumnCommunication
		if i == 1 {
			kind, col = model.KindHome, model.ColumnProject
		}
		p.Links = append(p.Links, model.Link{Label: fmt.Sprint("l", i), URL: fmt.Sprint("https://example.com/", i), Kind: kind, Column: col})
	}
	return &model.Catalog{Areas: []model.Area{{Name: "A"}}, Projects: []model.Project{p}}
}

// TestLinksFromTen: links numbered 10 and up open from the keyboard:
// digits typed one after the other make one number; a digit that could
// begin a longer one waits for the next, for enter or for its time; a
// digit that could not opens at once.
func TestLinksFromTen(t *testing.T) {
	for _, tc := range []struct {
		keys   []string
		waited bool // the wait ends after the keys
		opened string
		copied string
	}{
		{keys: []string{"1", "2"}, opened: "https://example.com/12"},
		{keys: []string{"1", "0"}, opened: "https://example.com/10"},
		{keys: []string{"1", "enter"}, opened: "https://example.com/1"},
		{keys: []string{"1"}, waited: true, opened: "https://example.com/1"},
		{keys: []string{"3"}, opened: "https://example.com/3"},
		{keys: []string{"1", "j"}, waited: true},
		{keys: []string{"y", "1", "1"}, copied: "https://example.com/11"},
	} {
		rec := &recorder{}
		m := newApp(manyLinks(), Options{Opener: rec.open})
		m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		m, msgs := press(t, m, tc.keys...)
		if tc.waited {
			for _, msg := range msgs {
				if w, ok := msg.(digitsWaitedMsg); ok {
					next, cmd := m.Update(w)
					m, _ = runCmd(t, next.(Model), cmd, nil)
				}
			}
		}
		if got := strings.Join(rec.urls, " "); got != tc.opened {
			t.Errorf("%v: opened %q, want %q (status %q)", tc.keys, got, tc.opened, m.status.text)
		}
		if tc.copied != "" && m.status.text != "Copied "+tc.copied {
			t.Errorf("%v: status %q", tc.keys, m.status.text)
		}
	}
	// While it waits, the status line says so, naming the key that ends it.
	m := newApp(manyLinks(), Options{Opener: (&recorder{}).open})
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = press(t, m, "1")
	if !strings.Contains(screen(m), "Link 1… (another digit, or enter)") {
		t.Errorf("no word of the wait:\n%s", screen(m))
	}
}
