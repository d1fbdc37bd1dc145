package ui

import (
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

// TestStartTab: a query from the command line starts on All, where its
// matches are, not on the tab remembered from the last run; --area still
// scopes it; without a query the remembered tab is where the app starts.
func TestStartTab(t *testing.T) {
	runtime := model.State{LastTab: "Container Runtime"}
	for _, tc := range []struct {
		name     string
		opts     Options
		keys     []string
		tab      string
		selected string
		opened   []string
	}{
		{name: "remembered tab and a query", opts: Options{State: runtime, Query: "windows"}, keys: []string{"s"},
			tab: "All", selected: "Windows containers", opened: []string{"https://kubernetes.slack.com/archives/C0SJ4AFB7"}},
		{name: "remembered tab and facets", opts: Options{State: runtime, Query: "has:forum"},
			tab: "All", selected: "Moby"},
		{name: "remembered tab, no query", opts: Options{State: runtime}, keys: []string{"s"},
			tab: "Container Runtime", selected: "Moby", opened: []string{"https://opencontainers.slack.com/archives/C0LQVA03W"}},
		{name: "a blank query is none", opts: Options{State: runtime, Query: "  "},
			tab: "Container Runtime", selected: "Moby"},
		{name: "an area and a query", opts: Options{State: runtime, Query: "windows", Area: "Container Runtime"}, keys: []string{"s"},
			tab: "Container Runtime", selected: "Containerd", opened: []string{"https://opencontainers.slack.com/archives/C0LQVA03W"}},
		{name: "the All tab asked for", opts: Options{State: runtime, Area: AllTab},
			tab: "All", selected: "AKS Engine"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, rec := newTestModel(t, 120, 30, tc.opts)
			m, _ = press(t, m, tc.keys...)
			if got := m.view.tabs[m.view.active].name; got != tc.tab {
				t.Errorf("on tab %q, want %q", got, tc.tab)
			}
			if got := selectedName(m); got != tc.selected {
				t.Errorf("selected %q, want %q", got, tc.selected)
			}
			if strings.Join(rec.urls, " ") != strings.Join(tc.opened, " ") {
				t.Errorf("opened %q, want %q", rec.urls, tc.opened)
			}
		})
	}
}

// TestMatchesElsewhere: a filter typed on a tab where it matches nothing
// says how many matches All has and the key that goes there, the key
// taken from its binding; the key goes there, filter kept, still typing.
func TestMatchesElsewhere(t *testing.T) {
	for _, keys := range []map[string][]string{nil, {"all_matches": {"ctrl+a"}}} {
		key := "tab"
		if keys != nil {
			key = "ctrl+a"
		}
		if _, err := CheckKeys(keys); err != nil {
			t.Fatal(err)
		}
		m, _ := newTestModel(t, 120, 30, Options{Area: "Container Runtime", Keys: keys})
		m, _ = press(t, m, "/", "g", "a", "t", "e", "k")
		if s := screen(m); !strings.Contains(s, `No projects match "gatek" here. 1 match in All:`) || m.elsewhereHint() != " 1 match in All: "+key {
			t.Errorf("%s: no hint naming the key (%q):\n%s", key, m.elsewhereHint(), s)
		}
		m, _ = press(t, m, "backspace", "backspace", "backspace", "backspace", "backspace", "w", "i", "n")
		if s := screen(m); !strings.Contains(s, `1 of 2 match`) || strings.Contains(s, "in All:") {
			t.Errorf("%s: a hint although the tab has a match:\n%s", key, s)
		}
		m, _ = press(t, m, "backspace", "backspace", "backspace", "c", "s", "i")
		if s := screen(m); !strings.Contains(s, `No projects match "csi" here. 7 matches in All:`) || m.elsewhereHint() != " 7 matches in All: "+key {
			t.Errorf("%s: no count of the matches (%q):\n%s", key, m.elsewhereHint(), s)
		}
		m, _ = press(t, m, key)
		if m.view.active != 0 || m.mode != modeFilter || m.view.query != "csi" || len(m.view.list.items) != 7 || selectedName(m) != "Azure Disk CSI Driver" {
			t.Errorf("%s: tab %d mode %d query %q, %d items, selected %q", key, m.view.active, m.mode, m.view.query, len(m.view.list.items), selectedName(m))
		}
		// On All the key does nothing: tab is the filter's again.
		if m.keys.AllMatches.Enabled() {
			t.Errorf("%s: the key to All is on while All is shown", key)
		}
	}

	// Once the filter is kept, the hint says where the matches are; tab
	// is the next area again.
	m, _ := newTestModel(t, 120, 30, Options{Area: "Container Runtime"})
	m, _ = press(t, m, "/", "g", "a", "t", "e", "k", "enter")
	if s := screen(m); !strings.Contains(s, `No projects match "gatek" here. 1 match in All.`) {
		t.Errorf("no hint once the filter is kept:\n%s", s)
	}
	m, _ = press(t, m, "tab")
	if m.view.tabs[m.view.active].name != "Kubernetes Enhancements" {
		t.Errorf("tab went to %q", m.view.tabs[m.view.active].name)
	}
	// Help lists the key with the keys of the filter.
	m, _ = press(t, m, "?")
	if help := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(help, "tab matches in All") {
		t.Errorf("help does not list the key:\n%s", help)
	}
}

func TestFindTab(t *testing.T) {
	c := testCatalog(t)
	for in, want := range map[string]string{"all": AllTab, " ALL ": AllTab, "runtime": "Container Runtime", "Kubernetes Enhancements": "Kubernetes Enhancements"} {
		if a, err := FindTab(c, in); err != nil || a.Name != want {
			t.Errorf("FindTab(%q) = %q, %v; want %q", in, a.Name, err, want)
		}
	}
	if _, err := FindTab(c, "nowhere"); err == nil {
		t.Error("FindTab(nowhere) found a tab")
	}
}

// TestGoalHighlight: a term found in a goal, not in the name, is
// highlighted there, as a name's matched letters are.
func TestGoalHighlight(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{Query: "masquerade"})
	st := &m.styles
	row := listRow{project: &m.view.cat.Projects[m.view.list.items[0]]}
	_, row.goalMatches = m.view.index.Positions(m.view.list.items[0], "masquerade")
	got := renderRow(st, row, 60)
	if want := st.rows.match.Render("masquerade"); !strings.Contains(got, want) {
		t.Errorf("goal line %q does not hold %q", got, want)
	}
	if !strings.Contains(m.View().Content, st.rows.match.Render("masquerade")) {
		t.Error("the list does not highlight the goal")
	}
}
