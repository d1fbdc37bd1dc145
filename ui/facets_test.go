package ui

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
	if len(m.view.list.items) != 0 || !strings.Contains(s, "colour:x: unknown filter; use area:, org:,") || !strings.Contains(s, "has: or is:") {
		t.Errorf("unknown key: %d items\n%s", len(m.view.list.items), s)
	}
}

// TestTooLongAQuery: a query past model.MaxQueryRunes from the command
// line is refused on screen, not searched; typed, the filter takes no more.
func TestTooLongAQuery(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{Query: strings.Repeat("kube ", 6000)})
	if s := screen(m); len(m.view.list.items) != 0 || !strings.Contains(s, "query too long: 30000 characters; at most 256") {
		t.Errorf("%d items\n%s", len(m.view.list.items), s)
	}
	m, _ = newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, append([]string{"/"}, strings.Split(strings.Repeat("x", model.MaxQueryRunes+10), "")...)...)
	if n := len([]rune(m.input.Value())); n != model.MaxQueryRunes {
		t.Errorf("the filter took %d runes", n)
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

// optionCount is the count the picker shows for a facet, or -1.
func optionCount(m Model, facet string) int {
	for _, o := range m.view.picker.options {
		if o.facet.String() == facet {
			return o.count
		}
	}
	return -1
}

// TestFacetPickerOffersEveryOrg: each project's organisation is offered,
// "K8s API" as org:k8s, so the org counts add up to the catalog.
func TestFacetPickerOffersEveryOrg(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, "f")
	sum := 0
	for _, o := range m.view.picker.options {
		if o.facet.Key == "org" {
			sum += o.count
		}
	}
	if sum != len(m.view.cat.Projects) || optionCount(m, "org:k8s") != 2 {
		t.Errorf("org counts add to %d of %d; org:k8s counts %d", sum, len(m.view.cat.Projects), optionCount(m, "org:k8s"))
	}
}

// TestFacetPickerCountsFollowTheFilter: with a filter, each count is what
// picking the facet leaves in the list.
func TestFacetPickerCountsFollowTheFilter(t *testing.T) {
	for _, facet := range []string{"has:slack", "state:sandbox", "org:azure", "has:docs"} {
		m, _ := newTestModel(t, 120, 30, Options{})
		m, _ = press(t, m, "/", "c", "s", "i", "enter", "f")
		want := optionCount(m, facet)
		for m.view.picker.current() != facet {
			m, _ = press(t, m, "j")
		}
		m, _ = press(t, m, "enter")
		if len(m.view.list.items) != want {
			t.Errorf("%s counted %d, leaves %d (query %q)", facet, want, len(m.view.list.items), m.view.query)
		}
	}
}

// TestFacetPickerToggles: picking a facet the filter holds takes it out;
// its negation replaces it.
func TestFacetPickerToggles(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, "f", "enter")
	if m.view.query != "has:slack" {
		t.Fatalf("query %q", m.view.query)
	}
	m, _ = press(t, m, "f", "-")
	if m.view.query != "-has:slack" {
		t.Errorf("negated: query %q", m.view.query)
	}
	m, _ = press(t, m, "f", "-")
	if m.view.query != "" || len(m.view.list.items) != 18 {
		t.Errorf("twice: query %q, %d items", m.view.query, len(m.view.list.items))
	}
}

// TestFacetPickerNarrows: after / the letters typed narrow the options
// (q too: it is text there), enter keeps them, and enter picks.
func TestFacetPickerNarrows(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, "f", "/", "q", "backspace", "s", "l", "a")
	if m.mode != modeFacetFilter || len(m.view.picker.shown) != 1 || m.view.picker.current() != "has:slack" {
		t.Fatalf("mode %d, %d shown, current %q\n%s", m.mode, len(m.view.picker.shown), m.view.picker.current(), screen(m))
	}
	if s := screen(m); !strings.Contains(s, "/ sla") || strings.Contains(s, "has:issues") {
		t.Errorf("the screen does not show the narrowing:\n%s", s)
	}
	m, _ = press(t, m, "enter", "enter")
	if m.mode != modeBrowse || m.view.query != "has:slack" {
		t.Errorf("mode %d, query %q", m.mode, m.view.query)
	}
	m, _ = press(t, m, "f", "/", "z", "z", "z")
	if s := screen(m); !strings.Contains(s, `No filter matches "zzz"`) {
		t.Errorf("no option left, yet:\n%s", s)
	}
	m, _ = press(t, m, "esc", "esc")
	if m.mode != modeBrowse {
		t.Errorf("esc, esc: mode %d", m.mode)
	}
}

// TestFacetPickerCountsAligned: at every width the counts end in one
// column.
func TestFacetPickerCountsAligned(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	m, _ = press(t, m, "f")
	for w := minWidth; w <= 200; w += 3 {
		m = update(t, m, tea.WindowSizeMsg{Width: w, Height: 60})
		ends := map[int]bool{}
		lines := strings.Split(screen(m), "\n")
		for _, line := range lines[3 : 3+len(m.view.picker.options)] {
			line = strings.TrimRight(line, " ")
			if !regexp.MustCompile(`\d$`).MatchString(line) {
				t.Fatalf("width %d: no count in %q", w, line)
			}
			ends[ansi.StringWidth(line)] = true
		}
		if len(ends) != 1 {
			t.Errorf("width %d: counts end at %v:\n%s", w, ends, screen(m))
		}
	}
}

// TestFacetPickerMarksTheFilter: the picker says which of its options the
// filter holds already, and which it leaves out, in words.
func TestFacetPickerMarksTheFilter(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{Query: "has:slack -org:azure"})
	m, _ = press(t, m, "f")
	var slack, azure, issues string
	for _, line := range strings.Split(screen(m), "\n") {
		switch {
		case strings.Contains(line, "has:slack "):
			slack = line
		case strings.Contains(line, "org:azure "):
			azure = line
		case strings.Contains(line, "has:issues "):
			issues = line
		}
	}
	if !strings.Contains(slack, "in filter") || strings.Contains(slack, "left out") ||
		!strings.Contains(azure, "in filter, left out") || strings.Contains(issues, "in filter") {
		t.Errorf("slack %q\nazure %q\nissues %q", slack, azure, issues)
	}
}
