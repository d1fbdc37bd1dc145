package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/ui/render"
)

// paneText is what the detail pane holds, without styling.
func paneText(m Model) string { return ansi.Strip(strings.Join(m.view.detail.view(), "\n")) }

// TestDetailRendersInACommand: Update never renders Markdown. A project
// not seen before is rendered in a command, the pane keeping what it
// shows until the render arrives; a project seen before shows at once; a
// render for a theme that has since changed is dropped.
func TestDetailRendersInACommand(t *testing.T) {
	renders := 0
	m, _ := newTestModel(t, 120, 30, Options{Markdown: func(style string, noColor bool) func(string, int) string {
		r := render.New(style, noColor)
		return func(md string, w int) string { renders++; return r(md, w) }
	}})
	first := selectedName(m)
	if !strings.Contains(paneText(m), first) {
		t.Fatalf("the detail of %s is not shown:\n%s", first, paneText(m))
	}

	before := renders
	next, cmd := m.Update(keyMsg("j"))
	m = next.(Model)
	second := selectedName(m)
	if renders != before || cmd == nil {
		t.Fatalf("moving to %s: %d renders in Update, command %v", second, renders-before, cmd != nil)
	}
	if !strings.Contains(paneText(m), first) {
		t.Errorf("the pane did not keep %s until the render arrived:\n%s", first, paneText(m))
	}
	m, _ = runCmd(t, m, cmd, nil)
	if renders != before+1 || !strings.Contains(paneText(m), second) {
		t.Errorf("after the render (%d): the pane shows\n%s", renders-before, paneText(m))
	}

	before = renders
	next, cmd = m.Update(keyMsg("k"))
	m = next.(Model)
	if renders != before || cmd != nil || !strings.Contains(paneText(m), first) {
		t.Errorf("back to %s: %d renders, command %v, pane\n%s", first, renders-before, cmd != nil, paneText(m))
	}

	// A render asked for in the dark theme arrives after the light one.
	next, stale := m.Update(keyMsg("G"))
	m = next.(Model)
	m = update(t, m, keyMsg("g"))
	m = update(t, m, tea.BackgroundColorMsg{Color: lightGrey{}})
	old := m.view.renderer
	m, _ = runCmd(t, m, stale, nil)
	if m.view.renderer != old || len(old.cache) != 1 {
		t.Errorf("the light renderer holds %d texts, want only its own", len(old.cache))
	}
}
