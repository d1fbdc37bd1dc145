package ui

import (
	"strings"
	"testing"
)

func listNames(m Model) []string {
	var out []string
	for _, i := range m.view.list.items {
		out = append(out, m.view.cat.Projects[i].Name)
	}
	return out
}

func TestFacetsInTheFilter(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, strings.Split("/state:graduated has:slack", "")...)
	if got := strings.Join(listNames(m), ", "); got != "In-tree (legacy), Containerd" {
		t.Errorf("got %s", got)
	}
	m, _ = press(t, m, "esc", "/", "c", "o", "l", "o", "u", "r", ":", "x")
	s := screen(m)
	if len(m.view.list.items) != 0 || !strings.Contains(s, "colour:x: unknown filter; use area:, org:,") || !strings.Contains(s, "state: or has:") {
		t.Errorf("unknown key: %d items\n%s", len(m.view.list.items), s)
	}
}

func TestFacetPicker(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, "f")
	if m.mode != modeFacets || !strings.Contains(screen(m), "has:slack") {
		t.Fatalf("mode %d\n%s", m.mode, screen(m))
	}
	if strings.Contains(screen(m), "? help") {
		t.Error("the picker offers ? help, which it does not handle")
	}
	// Options are listed with their counts; move to state:graduated.
	for i, o := range m.view.picker.options {
		if o.facet.String() == "state:graduated" {
			for range i {
				m, _ = press(t, m, "j")
			}
			if o.count != 2 {
				t.Errorf("state:graduated counts %d", o.count)
			}
		}
	}
	m, _ = press(t, m, "enter")
	if m.mode != modeBrowse || m.view.query != "state:graduated" || len(m.view.list.items) != 2 {
		t.Fatalf("mode %d, query %q, %d items", m.mode, m.view.query, len(m.view.list.items))
	}
	m, _ = press(t, m, "f", "g", "-") // the first option, has:slack, left out
	if m.view.query != "state:graduated -has:slack" {
		t.Errorf("query %q", m.view.query)
	}
	if len(m.view.list.items) != 0 {
		t.Errorf("both graduated projects have Slack, yet %q are listed", listNames(m))
	}
	m, _ = press(t, m, "f", "esc")
	if m.mode != modeBrowse {
		t.Errorf("esc left mode %d", m.mode)
	}
}
