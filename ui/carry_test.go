package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
)

// reloaded sends the model the catalog Options.Reload reads, as the r key
// would, and feeds back what its commands send.
func reloaded(t *testing.T, m Model) Model {
	t.Helper()
	next, cmd := m.Update(reload(m.opts.Reload, reloadKey)())
	m, _ = runCmd(t, next.(Model), cmd, nil)
	return m
}

// TestFacetPickerAcrossReload: the picker open when a catalog arrives
// stays open with the new catalog's options (bug A).
func TestFacetPickerAcrossReload(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{Reload: func() (*model.Catalog, error) { return renamedCatalog(t, "Moby", "Moby Two"), nil }})
	m, _ = press(t, m, "f", "j")
	m = reloaded(t, m)
	s := screen(m)
	if m.mode != modeFacets || strings.Contains(s, "nothing to filter by") || !strings.Contains(s, "has:slack") {
		t.Fatalf("mode %d after the reload:\n%s", m.mode, s)
	}
	m, _ = press(t, m, "enter") // the second option, as before the reload
	if m.mode != modeBrowse || !strings.HasPrefix(strings.TrimPrefix(screenLine(m, "/ "), "/ "), "has:") {
		t.Errorf("mode %d, filter line %q", m.mode, screenLine(m, "/ "))
	}
}

// screenLine is the first line on screen that starts with prefix, after
// the list's cursor column.
func screenLine(m Model, prefix string) string {
	for _, line := range strings.Split(screen(m), "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}

// TestRecentsAcrossReload: the All tab keeps the recently opened projects
// first after a reload, as its title says (bug B).
func TestRecentsAcrossReload(t *testing.T) {
	opened := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	opts := Options{
		RecentFirst: true,
		State:       model.State{Recents: []model.Recent{{Project: "Moby", Opened: opened}}},
		Reload:      func() (*model.Catalog, error) { return testCatalog(t), nil },
	}
	m, _ := newTestModel(t, 120, 30, opts)
	if names := listNames(m); names[0] != "Moby" {
		t.Fatalf("before the reload: %q first", names[0])
	}
	m = reloaded(t, m)
	if names := listNames(m); names[0] != "Moby" || !strings.Contains(screen(m), "recently opened first") {
		t.Errorf("after the reload: %q first\n%s", names[0], screen(m))
	}
}

// TestReboundSlackInCopyPrompt: the copy prompt names the keys in force
// (bug C), and the rebound key copies.
func TestReboundSlackInCopyPrompt(t *testing.T) {
	keys := map[string][]string{"slack": {"z"}}
	if _, err := CheckKeys(keys); err != nil {
		t.Fatal(err)
	}
	m, _ := newTestModel(t, 100, 30, Options{Keys: keys})
	m, _ = press(t, m, "y")
	if want := "Copy which link? y homepage · z i m d · 0-9 · any other key cancels"; m.status.text != want {
		t.Errorf("prompt %q, want %q", m.status.text, want)
	}
	m, msgs := press(t, m, "z")
	if len(msgs) != 1 || m.status.text != "Copied https://kubernetes.slack.com/archives/CU3N85WJK" {
		t.Errorf("status %q, msgs %#v", m.status.text, msgs)
	}
}

// TestReboundNumberOpensLink: a number key is read by its place in the
// binding, not by its name (bug D).
func TestReboundNumberOpensLink(t *testing.T) {
	keys := map[string][]string{"number": {"x", "z"}}
	if _, err := CheckKeys(keys); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, want string
	}{
		{"x", "https://github.com/Azure/aks-engine"},
		{"z", "https://kubernetes.slack.com/archives/CU3N85WJK"},
	} {
		m, rec := newTestModel(t, 100, 30, Options{Keys: keys})
		m, _ = press(t, m, tc.key)
		if len(rec.urls) != 1 || rec.urls[0] != tc.want {
			t.Errorf("%s opened %q (status %q), want %s", tc.key, rec.urls, m.status.text, tc.want)
		}
	}
	m, _ := newTestModel(t, 100, 30, Options{Keys: keys})
	m, _ = press(t, m, "y", "z")
	if m.status.text != "Copied https://kubernetes.slack.com/archives/CU3N85WJK" {
		t.Errorf("y z: status %q", m.status.text)
	}
}

// TestFullHelpListsEveryBinding: in every mode, each binding that works
// is in the full help, with its help key, its description, and each of its
// keys (bug E).
func TestFullHelpListsEveryBinding(t *testing.T) {
	for _, rebound := range []map[string][]string{nil, {"help": {"F1"}, "slack": {"z"}, "number": {"x", "ctrl+x"}}} {
		m, _ := newTestModel(t, 300, 100, Options{Keys: rebound, Reload: func() (*model.Catalog, error) { return nil, nil }})
		help := ansi.Strip(m.viewFullHelp(300))
		tokens := map[string]bool{}
		for _, f := range strings.Fields(help) {
			tokens[f] = true
			for _, part := range strings.Split(f, "/") {
				tokens[part] = true
			}
		}
		for _, md := range []mode{modeBrowse, modeFilter, modeHelp, modeAbout, modeFacets} {
			k := m.keys
			k.setMode(md, true, true)
			for name, b := range k.actions() {
				if !b.Enabled() {
					continue
				}
				h := b.Help()
				entry := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(h.Key) + `(/\S+)*\s+` + regexp.QuoteMeta(h.Desc) + `(\s|$)`)
				if !entry.MatchString(help) {
					t.Errorf("mode %d: %s (%q %q) is not in full help", md, name, h.Key, h.Desc)
				}
				for _, key := range b.Keys() {
					if !tokens[helpName(key)] && !inHelpRange(tokens, key) {
						t.Errorf("mode %d: %s's key %q is not in full help", md, name, key)
					}
				}
			}
		}
		if t.Failed() {
			t.Logf("full help:\n%s", help)
			return
		}
	}
}

// helpName is a key as help writes it.
func helpName(k string) string {
	if g, ok := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}[k]; ok {
		return g
	}
	return k
}

// inHelpRange reports whether a one-character key is in a range such as
// "1-9" that help shows.
func inHelpRange(tokens map[string]bool, k string) bool {
	for tok := range tokens {
		if len(k) == 1 && len(tok) == 3 && tok[1] == '-' && tok[0] <= k[0] && k[0] <= tok[2] {
			return true
		}
	}
	return false
}

// TestCopyPendingAcrossReload: a catalog that arrives while the copy
// prompt waits for its key ends the wait, as the prompt leaves the status
// line: the next key does what it does in the list.
func TestCopyPendingAcrossReload(t *testing.T) {
	m, rec := newTestModel(t, 120, 30, Options{Query: "gatekeeper", Reload: func() (*model.Catalog, error) { return testCatalog(t), nil }})
	m, _ = press(t, m, "y")
	if !m.copying {
		t.Fatal("y did not ask which link to copy")
	}
	m = reloaded(t, m)
	m, msgs := press(t, m, "s")
	if len(rec.urls) != 1 || !strings.Contains(rec.urls[0], "slack") || len(msgs) != 0 {
		t.Errorf("s after the reload opened %q, sent %#v", rec.urls, msgs)
	}
}

// TestReboundNumberHelpTellsTheDigits: rebound number keys do not say
// which digit they type, so help does; more keys than digits is a mistake.
func TestReboundNumberHelpTellsTheDigits(t *testing.T) {
	m, _ := newTestModel(t, 140, 40, Options{Keys: map[string][]string{"number": {"x", "z"}}})
	if help := ansi.Strip(m.viewFullHelp(140)); !strings.Contains(help, "type a link number: x=1 z=2") || strings.Contains(help, "open link N") {
		t.Errorf("full help:\n%s", help)
	}
	eleven := strings.Split("a b c d e f g h i j k", " ")
	if action, err := CheckKeys(map[string][]string{"number": eleven}); action != "number" || err == nil {
		t.Errorf("11 number keys: %q, %v", action, err)
	}
}

// onFirstRows is the app, with recents first, on a first view that
// lacks the recently opened project (Moby, further down); a reload gives
// the whole catalog, with Moby on top. first is that first view.
func onFirstRows(t *testing.T) (m Model, first *model.Catalog) {
	t.Helper()
	whole := testCatalog(t)
	first = testCatalog(t)
	first.Projects = first.Projects[:3]
	opts := Options{
		RecentFirst: true,
		State:       model.State{Recents: []model.Recent{{Project: "Moby", Opened: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}}},
		Reload:      func() (*model.Catalog, error) { return whole, nil },
	}
	m, _ = newTestModel(t, 120, 30, opts)
	m.swapCatalog(first, nil)
	return m, first
}

// TestTopRowStaysOnTopAcrossReload: a first view without the recently
// opened project, then the whole catalog with it first: the selection,
// never moved, stays on the top row, as at start, not on the project
// that was on top before. A selection the user moved keeps its project.
func TestTopRowStaysOnTopAcrossReload(t *testing.T) {
	m, first := onFirstRows(t)
	top := selectedName(m)
	m = reloaded(t, m)
	if got := selectedName(m); got != "Moby" || m.view.list.cursor != 0 {
		t.Errorf("after the whole arrived, %q selected at row %d; want the top row, Moby (was %q)", got, m.view.list.cursor, top)
	}
	m.swapCatalog(first, nil)
	m, _ = press(t, m, "j")
	moved := selectedName(m)
	m = reloaded(t, m)
	if got := selectedName(m); got != moved {
		t.Errorf("a moved selection became %q; want %q kept", got, moved)
	}
}

// TestTopRowTheUserChoseKeepsItsProject: a selection the user moved back
// to the top row is their choice, not the start's: when rows arrive above
// it, it keeps its project.
func TestTopRowTheUserChoseKeepsItsProject(t *testing.T) {
	m, _ := onFirstRows(t)
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "k")
	chosen := selectedName(m)
	m = reloaded(t, m)
	if got := selectedName(m); got != chosen {
		t.Errorf("after the whole arrived, %q selected; want %q, the user's choice on the top row", got, chosen)
	}
}
