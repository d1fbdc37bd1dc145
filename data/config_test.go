package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

var testActions = []string{"issues", "quit", "slack"}

func writeConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, `# upstream-tui
catalog = "https://example.com/README.md" # the team's copy
max_age = '6h'
theme = "light"
recent_first = false
plain = true

[keys]
slack = "i"
issues = ["s", "ctrl+s",]
`)
	cfg, err := LoadConfig(path, testActions, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Catalog != "https://example.com/README.md" || cfg.MaxAge != 6*time.Hour || cfg.Theme != "light" ||
		cfg.RecentFirst == nil || *cfg.RecentFirst || !cfg.Plain {
		t.Errorf("%+v", cfg)
	}
	if !reflect.DeepEqual(cfg.Keys, map[string][]string{"slack": {"i"}, "issues": {"s", "ctrl+s"}}) || cfg.KeyLines["issues"] != 10 {
		t.Errorf("keys %v lines %v", cfg.Keys, cfg.KeyLines)
	}
	if cfg, err := LoadConfig(filepath.Join(t.TempDir(), "none.toml"), testActions, nil); err != nil || len(cfg.Keys) != 0 {
		t.Errorf("a missing file: %+v %v", cfg, err)
	}
}

func TestConfigMistakes(t *testing.T) {
	for content, want := range map[string]string{
		"theme = \"blue\"\n":                 `:1: theme: "blue" is not a theme; use auto, dark or light`,
		"\n\ncolour = \"red\"\n":             `:3: colour: unknown setting; settings are catalog, max_age, theme, recent_first, plain, and the [keys] table`,
		"[keys]\nslak = \"s\"\n":             `:2: keys.slak: unknown action; actions are issues, quit, slack`,
		"[keys]\nslack = s\n":                `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[colors]\n":                         `:1: unknown table [colors]; the only table is [keys]`,
		"[keys]\nslack = \"\\u001b[2J\"\n":   `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"plain = yes\n":                      `:1: plain: expected true or false`,
		"max_age = \"soon\"\n":               `:1: max_age: "soon" is not a duration like "30m" or "6h"`,
		"theme\n":                            `:1: expected key = value, got "theme"`,
		"theme = \"dark\"\ntheme = \"dark\"": `:2: theme: set twice`,
	} {
		path := writeConfig(t, content)
		_, err := LoadConfig(path, testActions, nil)
		var ce *ConfigError
		if !errors.As(err, &ce) || err.Error() != path+want {
			t.Errorf("%q: %v, want %s", content, err, path+want)
		}
	}
	// A clash the caller finds is reported at the line of the action.
	path := writeConfig(t, "[keys]\nissues = \"x\"\nslack = \"q\"\n")
	_, err := LoadConfig(path, testActions, func(map[string][]string) (string, error) {
		return "slack", errors.New(`"q" would do both quit and slack`)
	})
	if err == nil || err.Error() != path+`:3: keys.slack: "q" would do both quit and slack` {
		t.Errorf("clash: %v", err)
	}
}

func TestStateStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "upstream-tui")
	s := StateStore{Dir: dir}
	st, err := s.Load()
	if err != nil || len(st.Recents) != 0 {
		t.Fatalf("no file: %+v %v", st, err)
	}
	st.Opened("Moby", time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	st.LastTab = "Container Runtime"
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || !reflect.DeepEqual(got, st) {
		t.Errorf("round trip: %+v %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "state.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = s.Load()
	if err == nil || !strings.Contains(err.Error(), "state.json: not a state file") || len(got.Recents) != 0 {
		t.Errorf("corrupt: %+v %v", got, err)
	}
	if err := s.Save(model.State{}); err != nil {
		t.Errorf("a corrupt file is replaced: %v", err)
	}
}
