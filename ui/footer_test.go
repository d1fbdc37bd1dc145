package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestShortHelpFits: at every width, in every mode, the short help fits
// its line with whole bindings only (nothing cut with "…"), and always
// offers help and a way out; at 80 columns it has the keys that matter
// most.
func TestShortHelpFits(t *testing.T) {
	modeKeys := map[string][]string{"browse": nil, "filter": {"/"}, "help": {"?"}, "about": {"a"}, "facets": {"f"}}
	for name, keys := range modeKeys {
		m, _ := newTestModel(t, 80, 24, Options{})
		m, _ = press(t, m, keys...)
		for w := minWidth; w <= 220; w++ {
			m = update(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
			lines := strings.Split(screen(m), "\n")
			line := lines[len(lines)-1]
			if strings.Contains(line, "…") || len([]rune(line)) > w {
				t.Fatalf("%s at %d: %q", name, w, line)
			}
			entries := map[string]bool{}
			for _, b := range m.keys.ShortHelp() {
				if b.Enabled() {
					entries[b.Help().Key+" "+b.Help().Desc] = true
				}
			}
			for _, e := range strings.Split(line, " • ") {
				if !entries[e] {
					t.Fatalf("%s at %d: %q is not a whole binding in force: %q", name, w, e, line)
				}
			}
			var want []string
			switch name {
			case "browse":
				want = []string{"? help", "q quit"}
			case "help", "about", "facets":
				want = []string{"esc/q close"}
			case "filter":
				want = []string{"enter keep filter"}
				if w >= 36 {
					want = append(want, "esc clear filter")
				}
			}
			if name == "browse" && w >= 80 {
				want = append(want, "/ filter", "open homepage", "s open Slack", "i open issues")
			}
			for _, e := range want {
				if !strings.Contains(line, e) {
					t.Errorf("%s at %d: %q lacks %q", name, w, line, e)
				}
			}
		}
	}
}

// TestPanesSayThereIsMore: at 80x24 the detail, about and full help say
// when more lines follow, and full help scrolls to its end, so that ? tells
// the whole truth.
func TestPanesSayThereIsMore(t *testing.T) {
	for _, keys := range [][]string{nil, {"a"}, {"?"}} {
		m, _ := newTestModel(t, 80, 24, Options{})
		m, _ = press(t, m, keys...)
		if s := screen(m); !strings.Contains(s, "more lines (pgdn/ctrl+d)") {
			t.Errorf("%v: nothing says there is more:\n%s", keys, s)
		}
		m, _ = press(t, m, "G")
		if keys == nil {
			m, _ = press(t, m, "ctrl+d", "ctrl+d", "ctrl+d", "ctrl+d")
		}
		if s := screen(m); strings.Contains(s, "more lines") {
			t.Errorf("%v: at the end it still says there is more:\n%s", keys, s)
		}
	}
	m, _ := newTestModel(t, 80, 24, Options{})
	m, _ = press(t, m, "?", "G")
	if s := screen(m); !strings.Contains(s, "In the facet picker") || !strings.Contains(s, "leave out") {
		t.Errorf("the end of full help is not reachable:\n%s", s)
	}
}
