// Package config reads upstream-tui's config file: defaults for the
// command line's flags and key bindings, in TOML. go-toml reads the file,
// strictly (an unknown setting is a mistake); this package checks the
// values (a theme, a duration, keys that are clean text and bind known
// actions) and names the file, the line and the key of each mistake.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/data/markdown"
)

// Config is the user's config file: defaults for the flags, and key
// bindings.
//
//	catalog = "https://example.com/README.md"
//	theme = "dark"
//	[keys]
//	slack = "i"
//	issues = ["s", "ctrl+s"]
type Config struct {
	File        string
	Catalog     string        // the default for --catalog
	MaxAge      time.Duration // the default for --max-age; 0: not set
	Theme       string        // "auto", "dark" or "light"; "": not set
	RecentFirst *bool         // nil: not set
	Plain       bool
	// Keys rebinds actions: action name to keys; KeyLines says where.
	Keys     map[string][]string
	KeyLines map[string]int
}

// Error is a mistake in the config file, with its line and key.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

// Error says FILE:LINE: KEY: message, without the key when none applies.
func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
}

// DefaultFile is $XDG_CONFIG_HOME/upstream-tui/config.toml, or the
// platform's equivalent; "" when there is none.
func DefaultFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "upstream-tui", "config.toml")
}

var themes = []string{"auto", "dark", "light"}

// settings are the keys outside [keys].
var settings = []string{"catalog", "max_age", "theme", "recent_first", "plain"}

// file is what the config file may hold. The values are checked here
// rather than by go-toml, so that a mistake reads the same whatever its
// type.
type file struct {
	Catalog     any `toml:"catalog"`
	MaxAge      any `toml:"max_age"`
	Theme       any `toml:"theme"`
	RecentFirst any `toml:"recent_first"`
	Plain       any `toml:"plain"`
	Keys        any `toml:"keys"`
}

// Load reads a config file; actions are the names [keys] may bind, and
// check, when set, looks at the bindings as a whole (two actions on one
// key) and names an action it finds wrong. A missing file is an empty
// config. A mistake is an error naming the file, the line and the key; the
// config is then not to be used at all.
func Load(path string, actions []string, check func(map[string][]string) (string, error)) (Config, error) {
	cfg, err := load(path, actions)
	if err != nil || check == nil {
		return cfg, err
	}
	if action, err := check(cfg.Keys); err != nil {
		return cfg, &Error{File: path, Line: cfg.KeyLines[action], Key: "keys." + action, Msg: err.Error()}
	}
	return cfg, nil
}

func load(path string, actions []string) (Config, error) {
	cfg := Config{File: path, Keys: map[string][]string{}, KeyLines: map[string]int{}}
	if path == "" {
		return cfg, nil
	}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, &Error{File: path, Line: 1, Msg: disk.Reason(err)}
	}
	var f file
	err = toml.NewDecoder(bytes.NewReader(raw)).DisallowUnknownFields().Decode(&f)
	c := checker{cfg: &cfg}
	// A StrictMissingError wraps DecodeErrors: it is looked for first.
	var unknown *toml.StrictMissingError
	var syntax *toml.DecodeError
	switch {
	case errors.As(err, &unknown):
		c.pos = keyLines(raw)
		for _, e := range unknown.Errors {
			c.unknown(e)
		}
	case errors.As(err, &syntax):
		line, _ := syntax.Position()
		return cfg, &Error{File: path, Line: max(line, 1), Key: strings.Join(syntax.Key(), "."),
			Msg: strings.TrimPrefix(syntax.Error(), "toml: ")}
	case err != nil:
		return cfg, &Error{File: path, Line: 1, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	default:
		c.pos = keyLines(raw)
	}
	c.settings(f)
	c.keys(f.Keys, actions)
	if m := c.first(); m != nil {
		m.File = path
		return cfg, m
	}
	return cfg, nil
}

// checker checks a decoded file's values into a Config, keeping every
// mistake so that the first in the file is the one reported, as a reader
// going down the file would meet it.
type checker struct {
	cfg      *Config
	pos      positions
	mistakes []*Error
}

func (c *checker) fail(key string, format string, args ...any) {
	c.mistakes = append(c.mistakes, &Error{Line: c.pos.line(key), Key: key, Msg: fmt.Sprintf(format, args...)})
}

// first returns the mistake on the first line, or nil.
func (c *checker) first() *Error {
	if len(c.mistakes) == 0 {
		return nil
	}
	return slices.MinFunc(c.mistakes, func(a, b *Error) int { return a.Line - b.Line })
}

// unknown notes a key that strict decoding found no setting for.
func (c *checker) unknown(e toml.DecodeError) {
	key := e.Key()
	line, _ := e.Position()
	m := &Error{Line: max(line, 1), Key: strings.Join(key, ".")}
	switch {
	case len(key) > 0 && c.pos.tables[key[0]] > 0:
		m.Line, m.Key = c.pos.tables[key[0]], ""
		m.Msg = fmt.Sprintf("unknown table [%s]; the only table is [keys]", key[0])
	default:
		m.Msg = unknownSetting
	}
	c.mistakes = append(c.mistakes, m)
}

var unknownSetting = fmt.Sprintf("unknown setting; settings are %s, and the [keys] table", strings.Join(settings, ", "))

// settings checks the settings outside [keys].
func (c *checker) settings(f file) {
	if s, ok := c.str("catalog", f.Catalog); ok {
		c.cfg.Catalog = s
	}
	if s, ok := c.str("theme", f.Theme); ok {
		if slices.Contains(themes, s) {
			c.cfg.Theme = s
		} else {
			c.fail("theme", "%q is not a theme; use auto, dark or light", s)
		}
	}
	if s, ok := c.str("max_age", f.MaxAge); ok {
		if d, err := time.ParseDuration(s); err == nil && d > 0 {
			c.cfg.MaxAge = d
		} else {
			c.fail("max_age", "%q is not a duration like \"30m\" or \"6h\"", s)
		}
	}
	if b, ok := c.boolean("recent_first", f.RecentFirst); ok {
		c.cfg.RecentFirst = &b
	}
	if b, ok := c.boolean("plain", f.Plain); ok {
		c.cfg.Plain = b
	}
}

// str checks that a setting, when set, is a string.
func (c *checker) str(key string, v any) (string, bool) {
	if v == nil {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.fail(key, "expected a quoted string")
	}
	return s, ok
}

// boolean checks that a setting, when set, is true or false.
func (c *checker) boolean(key string, v any) (bool, bool) {
	if v == nil {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		c.fail(key, "expected true or false")
	}
	return b, ok
}

// keys checks the [keys] table: known actions bound to a key or a list
// of keys, each clean text.
func (c *checker) keys(v any, actions []string) {
	if v == nil {
		return
	}
	table, ok := v.(map[string]any)
	if !ok {
		c.fail("keys", "%s", unknownSetting)
		return
	}
	for action, v := range table {
		full := "keys." + action
		if !slices.Contains(actions, action) {
			c.fail(full, "unknown action; actions are %s", strings.Join(actions, ", "))
			continue
		}
		keys, ok := keyList(v)
		if !ok {
			c.fail(full, `expected a key ("s") or a list of keys (["s", "ctrl+s"])`)
			continue
		}
		c.cfg.Keys[action], c.cfg.KeyLines[action] = keys, c.pos.line(full)
	}
}

// keyList reads a key or a list of keys: strings, not empty, that the
// sanitiser would leave as they are.
func keyList(v any) ([]string, bool) {
	var keys []string
	switch v := v.(type) {
	case string:
		keys = []string{v}
	case []any:
		for _, k := range v {
			s, ok := k.(string)
			if !ok {
				return nil, false
			}
			keys = append(keys, s)
		}
	}
	if len(keys) == 0 || slices.ContainsFunc(keys, func(k string) bool { return k == "" || !markdown.IsClean(k) }) {
		return nil, false
	}
	return keys, true
}
