package ui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
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

// TestFacetPickerCountsInACommand: on a large catalog the picker's counts
// arrive from a command, the same as counted in Update; counts of a
// catalog swapped out are dropped, and the picker open across a swap
// counts the new catalog.
func TestFacetPickerCountsInACommand(t *testing.T) {
	inUpdate, _ := newTestModel(t, 120, 30, Options{})
	inUpdate, _ = press(t, inUpdate, "f")
	m, _ := newTestModel(t, 120, 30, Options{AsyncSearchFrom: 1, Reload: func() (*model.Catalog, error) { return testCatalog(t), nil }})
	next, cmd := m.Update(keyMsg("f"))
	m = next.(Model)
	if !strings.Contains(screen(m), "Counting the projects of each filter…") || cmd == nil {
		t.Fatalf("no sign of the counting:\n%s", screen(m))
	}
	stale := cmd()
	m, _ = runCmd(t, m, cmd, nil)
	if !reflect.DeepEqual(m.view.picker.options, inUpdate.view.picker.options) || screen(m) != screen(inUpdate) {
		t.Fatalf("counted in a command:\n%s\nin Update:\n%s", screen(m), screen(inUpdate))
	}
	m = reloaded(t, m)
	m = update(t, m, stale) // the old catalog's counts
	if m.mode != modeFacets || !reflect.DeepEqual(m.view.picker.options, inUpdate.view.picker.options) {
		t.Errorf("after the swap: mode %d, %d options\n%s", m.mode, len(m.view.picker.options), screen(m))
	}
}
