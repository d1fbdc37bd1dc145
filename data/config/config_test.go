package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model/inert"
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

func TestLoad(t *testing.T) {
	path := writeConfig(t, `# upstream-tui
catalog = "https://example.com/README.md" # the team's copy
max_age = '6h'
theme = "light"
recent_first = false
plain = true
health = false
keep_redirect_hosts = ["Go.Example.com", "links.example"]

[keys]
slack = "i"
issues = ["s", "ctrl+s",]
`)
	cfg, err := Load(path, testActions, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Catalog != "https://example.com/README.md" || cfg.MaxAge != 6*time.Hour || cfg.Theme != "light" ||
		cfg.RecentFirst == nil || *cfg.RecentFirst || !cfg.Plain || !cfg.NoHealth || !reflect.DeepEqual(cfg.KeepRedirectHosts, []string{"go.example.com", "links.example"}) {
		t.Errorf("%+v", cfg)
	}
	if !reflect.DeepEqual(cfg.Keys, map[string][]string{"slack": {"i"}, "issues": {"s", "ctrl+s"}}) || cfg.KeyLines["issues"] != 12 {
		t.Errorf("keys %v lines %v", cfg.Keys, cfg.KeyLines)
	}
	// Full TOML: multi-line arrays, dotted keys, inline tables.
	for content, lines := range map[string]map[string]int{
		"[keys]\nquit = \"x\"\nslack = [\n  \"i\",\n  \"ctrl+i\",\n]\n":           {"quit": 2, "slack": 3},
		"theme = \"dark\"\nkeys.quit = \"x\"\nkeys.slack = [\"i\", \"ctrl+i\"]\n": {"quit": 2, "slack": 3},
		"keys = { quit = \"x\", slack = [\"i\", \"ctrl+i\"] }\n":                  {"quit": 1, "slack": 1},
	} {
		path := writeConfig(t, content)
		cfg, err := Load(path, testActions, nil)
		if err != nil || !reflect.DeepEqual(cfg.Keys, map[string][]string{"quit": {"x"}, "slack": {"i", "ctrl+i"}}) || !reflect.DeepEqual(cfg.KeyLines, lines) {
			t.Errorf("%q: %+v %v", content, cfg, err)
		}
	}
	if cfg, err := Load(filepath.Join(t.TempDir(), "none.toml"), testActions, nil); err != nil || len(cfg.Keys) != 0 {
		t.Errorf("a missing file: %+v %v", cfg, err)
	}
}

func TestConfigMistakes(t *testing.T) {
	for content, want := range map[string]string{
		// Valid TOML: the messages of the hand-written reader, kept.
		"theme = \"blue\"\n":               `:1: theme: "blue" is not a theme; use auto, dark or light`,
		"\n\ncolour = \"red\"\n":           `:3: colour: unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table`,
		"[keys]\nslak = \"s\"\n":           `:2: keys.slak: unknown action; actions are issues, quit, slack`,
		"[colors]\n":                       `:1: unknown table [colors]; the only table is [keys]`,
		"[keys]\nslack = \"\\u001b[2J\"\n": `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"max_age = \"soon\"\n":             `:1: max_age: "soon" is not a duration like "30m" or "6h"`,
		// Valid TOML, values of the wrong type.
		"plain = \"yes\"\n":                         `:1: plain: expected true or false`,
		"keep_redirect_hosts = \"aka.ms\"\n":        `:1: keep_redirect_hosts: expected a list of host names (["aka.ms", "go.example.com"])`,
		"\nkeep_redirect_hosts = [\"https://x\"]\n": `:2: keep_redirect_hosts: expected a list of host names (["aka.ms", "go.example.com"])`,
		"keep_redirect_hosts = [\"a\\u001b[2J\"]\n": `:1: keep_redirect_hosts: expected a list of host names (["aka.ms", "go.example.com"])`,
		"keep_redirect_hosts = [1]\n":               `:1: keep_redirect_hosts: expected a list of host names (["aka.ms", "go.example.com"])`,
		"catalog = \"x.md\"\ntheme = 3\n":           `:2: theme: expected a quoted string`,
		"[keys]\nquit = \"q\"\nslack = 1\n":         `:3: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[keys]\nslack = []\n":                      `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[keys]\nslack = [\"s\", 2]\n":              `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"keys = { slack = \"s\", slak = \"x\" }":    `:1: keys.slak: unknown action; actions are issues, quit, slack`,
		// The first mistake in the file is the one reported.
		"theme = \"purple\"\nbogus = 1\n": `:1: theme: "purple" is not a theme; use auto, dark or light`,
		"bogus = 1\ntheme = \"purple\"\n": `:1: bogus: unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table`,
		// Not TOML: go-toml decides, and the message names the key and
		// reads as the hand-written reader's did.
		"plain = yes\n":                          `:1: plain: expected true or false`,
		"[keys]\nslack = s\n":                    `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"theme\n":                                `:1: expected key = value, got "theme"`,
		"theme = \"dark\"\ntheme = \"dark\"":     `:2: theme: set twice`,
		"[[keys]]\n":                             `:1: unknown table [[keys]]; the only table is [keys]`,
		"[keys.sub]\n":                           `:1: unknown table [keys.sub]; the only table is [keys]`,
		"recent_first = maybe\n":                 `:1: recent_first: expected true or false`,
		"health = \"off\"\n":                     `:1: health: expected true or false`,
		"catalog = foo\n":                        `:1: catalog: expected a quoted string`,
		"max_age = 6h # a comment\n":             `:1: max_age: expected a quoted string`,
		"bogus = yes\n":                          `:1: bogus: unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table`,
		"[keys]\nslak = s\n":                     `:2: keys.slak: unknown action; actions are issues, quit, slack`,
		"[keys]\nslack = \"s\"\nslack = \"t\"\n": `:3: keys.slack: set twice`,
		"[keys]\nslack = [\"s\", t]\n":           `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[[colors]]\n":                           `:1: unknown table [[colors]]; the only table is [keys]`,
		"theme = \"dark\"\n[colors.dark]\n":      `:2: unknown table [colors.dark]; the only table is [keys]`,
		"[keys]\n[keys.slack]\nx = \"y\"\n":      `:2: unknown table [keys.slack]; the only table is [keys]`,
		"[theme]\n":                              `:1: unknown table [theme]; the only table is [keys]`,
		// An inline table under [keys], a list over several lines (at the
		// mistake's line, with the list's key), a string for a bool.
		"[keys]\nslack = { a = \"b\" }\n":                                         `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[keys]\nslack = { a = b }\n":                                             `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[keys]\nquit = \"q\"\nslack = [\n  \"i\",\n  # a comment = 1\n  s,\n]\n": `:6: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"[keys]\nslack = [\n  \"i\",\n  2,\n]\n":                                  `:2: keys.slack: expected a key ("s") or a list of keys (["s", "ctrl+s"])`,
		"recent_first = \"false\"\n":                                              `:1: recent_first: expected true or false`,
		// Other mistakes go-toml finds keep its words, with the key.
		"theme = \"dark\n":               `:1: theme: basic strings cannot have new lines`,
		"theme = \"dark\" # \x01\n":      `:1: theme: control characters are not allowed in comments`,
		"# a = \x01\n":                   `:1: control characters are not allowed in comments`,
		"[keys]\nquit = \"x\"\n[keys]\n": `:3: keys: set twice`,
		"keys = 3\n[keys]\n":             `:2: keys: key keys should be a table, not a value`,
		// A key naming a control character prints as its escape, and a
		// long key or line is cut.
		"\"\\u001b[2J\" = 1\n":                  `:1: "\x1b[2J": unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table`,
		"[keys]\n\"\\u001b[31m\" = \"x\"\n":     `:2: keys."\x1b[31m": unknown action; actions are issues, quit, slack`,
		"\"\\u001b\" = 1\n\"\\u001b\" = 1\n":    `:2: "\x1b": set twice`,
		"[\"\\u001b[2J\"]\n":                    `:1: unknown table ["\x1b[2J"]; the only table is [keys]`,
		"a\x01 = 1\n":                           `:1: expected key = value, got "a\x01 = 1"`,
		strings.Repeat("k", 100_000) + " = 1\n": `:1: "` + strings.Repeat("k", 200) + `…": unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table`,
		"[keys]\n\"" + strings.Repeat("\\u001b", 100_000) + "\" = \"x\"\n": `:2: keys."` + strings.Repeat(`\x1b`, 200) + `…": unknown action; actions are issues, quit, slack`,
		strings.Repeat("a.", 100_000) + "a = 1\n":                          `:1: ` + strings.Repeat("a.", 100) + "a.…: unknown setting; settings are catalog, max_age, theme, recent_first, plain, health, keep_redirect_hosts, and the [keys] table",
		strings.Repeat("k", 100_000) + "\n":                                `:1: expected key = value, got "` + strings.Repeat("k", 200) + `…"`,
	} {
		path := writeConfig(t, content)
		_, err := Load(path, testActions, nil)
		var ce *Error
		if !errors.As(err, &ce) || err.Error() != path+want {
			t.Errorf("%q: %v, want %s", content, err, path+want)
		}
	}
	// A clash the caller finds is reported at the line of the action.
	path := writeConfig(t, "[keys]\nissues = \"x\"\nslack = \"q\"\n")
	_, err := Load(path, testActions, func(map[string][]string) (string, error) {
		return "slack", errors.New(`"q" would do both quit and slack`)
	})
	if err == nil || err.Error() != path+`:3: keys.slack: "q" would do both quit and slack` {
		t.Errorf("clash: %v", err)
	}
}

// FuzzLoadConfig: the config reader never panics; a config it accepts
// holds only clean keys and a known theme, and a mistake names a line of
// the file in a message that cannot drive a terminal.
func FuzzLoadConfig(f *testing.F) {
	f.Add([]byte("catalog = \"x.md\" # c\ntheme = 'dark'\n[keys]\nslack = [\"i\", \"ctrl+s\",]\n"))
	f.Add([]byte("[keys]\nquit = \"\\u001b\"\nplain = yes\n"))
	f.Add([]byte("\"\\u001b\" = 1\n\"\\u001b\" = 1\n[keys]\nslack = [\n \"s\",\n t]\n"))
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(path, testActions, nil)
		if err != nil {
			var ce *Error
			lines := strings.Count(string(content), "\n") + 1
			if !errors.As(err, &ce) || ce.Line < 1 || ce.Line > lines {
				t.Fatalf("%v: not a config error within the file's %d lines", err, lines)
			}
			if !inert.IsClean(err.Error()) {
				t.Fatalf("%q: not clean", err)
			}
			return
		}
		if cfg.Theme != "" && !slices.Contains(themes, cfg.Theme) {
			t.Fatalf("theme %q", cfg.Theme)
		}
		for _, keys := range cfg.Keys {
			for _, k := range keys {
				if k == "" || !inert.IsClean(k) {
					t.Fatalf("key %q", k)
				}
			}
		}
	})
}
