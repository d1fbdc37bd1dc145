package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/state"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// withConfig gives a test a config file of its own with content.
func withConfig(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "upstream-tui", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// withState gives a test a state directory of its own.
func withState(t *testing.T) state.Store {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	return state.Store{Dir: filepath.Join(dir, "upstream-tui")}
}

func TestListRecent(t *testing.T) {
	store := withState(t)
	if r := execute(t, nil, "list", "--recent", "-o", "json"); r.status != 0 || r.stdout != "[]\n" {
		t.Errorf("nothing opened yet: status %d stdout %q", r.status, r.stdout)
	}
	var st model.State
	t0 := time.Date(2026, 11, 24, 16, 30, 0, 0, time.UTC)
	st.Opened("Moby", t0)
	st.Opened("OPA Gatekeeper", t0.Add(time.Hour))
	st.Opened("A project since removed", t0.Add(2*time.Hour))
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	r := execute(t, nil, "list", "--recent", "-o", "json")
	var got []struct {
		Name   string    `json:"name"`
		Opened time.Time `json:"opened"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 2 {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if got[0].Name != "OPA Gatekeeper" || !got[0].Opened.Equal(t0.Add(time.Hour)) || got[1].Name != "Moby" {
		t.Errorf("recents %+v", got)
	}
	if r := execute(t, nil, "list", "--recent", "-o", "tsv", "org:moby"); !strings.Contains(r.stdout, "\nMoby\t") || strings.Contains(r.stdout, "Gatekeeper") {
		t.Errorf("recent and a query: %q", r.stdout)
	}
	// A corrupt state file: a notice, no recents, success.
	if err := os.WriteFile(filepath.Join(store.Dir, "state.json"), []byte("\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = execute(t, nil, "list", "--recent", "-o", "json")
	if r.status != 0 || r.stdout != "[]\n" || !strings.Contains(r.stderr, "state.json: not a state file") {
		t.Errorf("corrupt state: status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
}

func TestConfigFile(t *testing.T) {
	withConfig(t, "catalog = \""+readme+"\"\n")
	if r := execute(t, nil, "list", "-o", "tsv", "gatekeeper"); !strings.Contains(r.stdout, "OPA Gatekeeper") || r.stderr != "" {
		t.Errorf("config catalog: %q %q", r.stdout, r.stderr)
	}
	// The environment and the flag come first.
	t.Setenv("UPSTREAM_TUI_CATALOG", firstDraft)
	if r := execute(t, nil, "show", "containerd", "-o", "json"); !strings.Contains(r.stdout, `"area": "Container Runtimes"`) {
		t.Errorf("env over config: %s", r.stdout)
	}

	path := withConfig(t, "[keys]\nslack = \"q\"\n")
	r := execute(t, nil, "list", "-o", "tsv", "moby")
	want := "upstream-tui: config not used, running on the defaults: " + path + `:2: keys.slack: "q" would do both quit and slack` + "\n"
	if r.status != 0 || r.stderr != want || !strings.Contains(r.stdout, "Moby") {
		t.Errorf("config mistake: status %d stderr %q", r.status, r.stderr)
	}
}

func TestPlainShow(t *testing.T) {
	for _, args := range [][]string{{"show", "moby", "--plain"}} {
		r := execute(t, nil, args...)
		if r.status != 0 || !strings.HasPrefix(r.stdout, "# Moby\n") {
			t.Errorf("%v: %q", args, r.stdout)
		}
	}
}

// TestOpenRemembers: open records the project as the app does, merged
// with what the state holds, and list --recent shows when in OPENED.
func TestOpenRemembers(t *testing.T) {
	store := withState(t)
	var st model.State
	t0 := time.Now().Add(-72 * time.Hour).Truncate(time.Second).UTC()
	st.Opened("Moby", t0)
	st.LastTab = "Container Runtime"
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	if r := execute(t, nil, "open", "gatekeeper", "--link", "issues", "--print"); r.status != 0 {
		t.Fatalf("open --print: status %d %s", r.status, r.stderr)
	}
	if got, _ := store.Load(); len(got.Recents) != 1 {
		t.Errorf("--print opened nothing but remembered %+v", got.Recents)
	}
	before := time.Now()
	if r := execute(t, nil, "open", "gatekeeper", "--link", "slack"); r.status != 0 || len(r.opened) != 1 {
		t.Fatalf("open: status %d %s", r.status, r.stderr)
	}
	got, err := store.Load()
	if err != nil || len(got.Recents) != 2 || got.Recents[0].Project != "OPA Gatekeeper" || got.Recents[0].Opened.Before(before) ||
		got.Recents[1].Project != "Moby" || !got.Recents[1].Opened.Equal(t0) || got.LastTab != "Container Runtime" {
		t.Errorf("state after open: %+v, %v", got, err)
	}
	asked := 0
	r := executeWith(t, nil, onTerminal(140, "dark", true, true, false, &asked), "list", "--recent")
	lines := strings.Split(r.stdout, "\n")
	if r.status != 0 || len(lines) < 3 || !strings.HasPrefix(lines[0], "NAME            OPENED  ") ||
		!strings.HasPrefix(lines[1], "OPA Gatekeeper  just now") || !strings.HasPrefix(lines[2], "Moby            ") {
		t.Errorf("list --recent on a terminal:\n%s", r.stdout)
	}
	if r := execute(t, nil, "list", "--recent"); !strings.Contains(r.stdout, "OPENED") || !strings.Contains(r.stdout, "days ago") {
		t.Errorf("list --recent piped:\n%s", r.stdout)
	}
	if r := execute(t, nil, "list", "--recent", "-o", "json"); !strings.Contains(r.stdout, `"opened": "`+t0.Format(time.RFC3339)+`"`) {
		t.Errorf("list --recent -o json:\n%s", r.stdout)
	}
}

// TestHealthSetting: the app asks GitHub about repositories unless the
// config says health = false; the health command asks either way.
func TestHealthSetting(t *testing.T) {
	for config, want := range map[string]bool{"": true, "health = true\n": true, "health = false\n": false} {
		withConfig(t, config)
		var got, started bool
		r := executeWith(t, nil, func(d *cli.Deps) {
			d.Terminal = func(io.Writer) (int, bool) { return 80, true }
			d.Browse = func(_ *model.Catalog, opts ui.Options) error {
				got, started = opts.Health != nil, true
				return nil
			}
		})
		if !started || got != want || r.stderr != "" {
			t.Errorf("config %q: browser started %v with health %v (stderr %q); want health %v", config, started, got, r.stderr, want)
		}
	}
}
