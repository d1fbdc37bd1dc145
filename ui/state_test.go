package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// runAll runs a command and every command it leads to, batches and
// sequences included (a sequence's message type is unexported: any slice
// of commands), and returns the other messages.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for i := range v.Len() {
		out = append(out, runAll(v.Index(i).Interface().(tea.Cmd))...)
	}
	return out
}

func TestRecents(t *testing.T) {
	var saved []model.State
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	opts := Options{
		SaveState:   func(s model.State) error { saved = append(saved, s); return nil },
		RecentFirst: true,
		Now:         func() time.Time { return now },
	}
	m, rec := newTestModel(t, 120, 30, opts)
	m, _ = press(t, m, "/", "m", "o", "b", "y", "enter", "s") // open Moby's Slack
	if len(rec.urls) != 1 || len(saved) != 1 || saved[0].Recents[0].Project != "Moby" || !saved[0].Recents[0].Opened.Equal(now) {
		t.Fatalf("opened %q, saved %+v", rec.urls, saved)
	}
	m, _ = press(t, m, "esc")
	if selectedName(m) != "Moby" || m.view.list.items[0] != indexOf(m, "Moby") {
		t.Errorf("Moby is not first on the All tab: %q", listNames(m)[:3])
	}
	if m.view.listTitle() != "All areas · 18 projects · recently opened first" {
		t.Errorf("title %q", m.view.listTitle())
	}
	m, _ = press(t, m, "tab")
	if listNames(m)[0] == "Moby" {
		t.Error("recents come first on an area tab")
	}

	// Quitting saves the tab; the next run starts on it, with the recents.
	next := Options{State: saved[len(saved)-1], RecentFirst: true}
	m, _ = press(t, m, "tab", "tab") // Container Runtime? whatever it is, it is kept
	tab := m.view.tabs[m.view.active].name
	saved = nil
	msgs := runAll(m.quit())
	if len(saved) != 1 || saved[0].LastTab != tab || !hasQuit(msgs) {
		t.Fatalf("on quit: saved %+v, msgs %v", saved, msgs)
	}
	next.State = saved[0]
	m2, _ := newTestModel(t, 120, 30, next)
	if m2.view.tabs[m2.view.active].name != tab {
		t.Errorf("started on %q, want %q", m2.view.tabs[m2.view.active].name, tab)
	}
	// Off, the All tab keeps catalog order.
	next.RecentFirst, next.State.LastTab = false, ""
	m3, _ := newTestModel(t, 120, 30, next)
	if listNames(m3)[0] != "AKS Engine" {
		t.Errorf("recents first although off: %q", listNames(m3)[0])
	}
}

func TestStateSaveFailureIsANotice(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{SaveState: func(model.State) error { return errors.New("disk full") }})
	m, _ = press(t, m, "s")
	for _, msg := range runAll(m.saveState()) {
		m = update(t, m, msg)
	}
	if !m.status.isErr || m.status.text != "Could not save what was opened: disk full" {
		t.Errorf("status %q", m.status.text)
	}
}

func indexOf(m Model, name string) int {
	for i, p := range m.view.cat.Projects {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// TestOlderSaveNeverWins: saves run in commands, in any order; the state
// written last is the newest.
func TestOlderSaveNeverWins(t *testing.T) {
	var saved []model.State
	m, _ := newTestModel(t, 120, 30, Options{SaveState: func(s model.State) error { saved = append(saved, s); return nil }})
	m.state.LastTab = "old"
	older := m.saveState()
	m.state.LastTab = "new"
	newer := m.saveState()
	runAll(newer)
	runAll(older)
	if len(saved) != 1 || saved[0].LastTab != "new" {
		t.Errorf("saved %+v", saved)
	}
}

// TestRecentTitleOnlyWithARecentProject: the title says "recently opened
// first" only when a project opened before is in the list.
func TestRecentTitleOnlyWithARecentProject(t *testing.T) {
	gone := model.State{Recents: []model.Recent{{Project: "A project no longer listed", Opened: time.Now()}}}
	m, _ := newTestModel(t, 100, 30, Options{RecentFirst: true, State: gone})
	if s := m.view.listTitle(); strings.Contains(s, "recently opened") {
		t.Errorf("no recent project is listed, yet the title is %q", s)
	}
	kept := model.State{Recents: []model.Recent{{Project: "Containerd", Opened: time.Now()}}}
	m, _ = newTestModel(t, 100, 30, Options{RecentFirst: true, State: kept})
	if s := m.view.listTitle(); !strings.Contains(s, "recently opened first") || selectedName(m) != "Containerd" {
		t.Errorf("selected %q, title %q", selectedName(m), s)
	}
}
