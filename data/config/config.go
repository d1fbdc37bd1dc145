// Package config reads upstream-tui's config file: defaults for the
// command line's flags and key bindings, in TOML. go-toml reads the file,
// strictly (an unknown setting is a mistake), and alone decides what is
// TOML; this package checks the values (a theme, a duration, host names,
// keys that are clean text and bind known actions: check.go) and names
// the file, the line and the key of each mistake, in the same words
// whether the checks or go-toml found it (syntax.go, with positions.go
// finding the lines).
// A message never echoes a control character from the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/upstream-tui/upstream-tui/data/disk"

	"github.com/upstream-tui/upstream-tui/model/inert"
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
	// NoHealth: health = false, the app never asks GitHub about
	// repositories (the health command still does, as asked).
	NoHealth bool
	// KeepRedirectHosts are hosts whose links lint --fix never rewrites,
	// on top of its defaults (their job is to redirect).
	KeepRedirectHosts []string
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

// Error says FILE:LINE: KEY: message, without the key when none applies
// and without the line when the mistake is the file's as a whole (Line
// 0: not a regular file, too large). The file's name is echoed inert.
func (e *Error) Error() string {
	file := inert.Escape(e.File)
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", file, e.Msg)
	case e.Key == "":
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", file, e.Line, e.Key, e.Msg)
}

// maxFileSize bounds the config file: a few settings and key bindings
// take a few hundred bytes.
const maxFileSize = 1 << 20

// bom is the byte order mark some editors put at the start of a UTF-8
// file; TOML does not allow it, and it means nothing in UTF-8.
const bom = "\xef\xbb\xbf"

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
var settings = []string{"catalog", "max_age", "theme", "recent_first", "plain", "health", "keep_redirect_hosts"}

// file is what the config file may hold. The values are checked here
// rather than by go-toml, so that a mistake reads the same whatever its
// type.
type file struct {
	Catalog     any `toml:"catalog"`
	MaxAge      any `toml:"max_age"`
	Theme       any `toml:"theme"`
	RecentFirst any `toml:"recent_first"`
	Plain       any `toml:"plain"`
	Health      any `toml:"health"`
	KeepHosts   any `toml:"keep_redirect_hosts"`
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
	// Only a regular file, within the limit: a FIFO would hang every
	// command, /dev/zero would fill the memory.
	raw, err := disk.ReadRegular(path, maxFileSize, "a config file")
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, &Error{File: path, Msg: disk.Reason(err)}
	}
	raw = bytes.TrimPrefix(raw, []byte(bom))
	var f file
	err = toml.NewDecoder(bytes.NewReader(raw)).DisallowUnknownFields().Decode(&f)
	c := checker{cfg: &cfg, actions: actions, pos: keyLines(raw)}
	// A StrictMissingError wraps DecodeErrors: it is looked for first.
	var unknown *toml.StrictMissingError
	var syntax *toml.DecodeError
	switch {
	case errors.As(err, &unknown):
		for _, e := range unknown.Errors {
			c.unknown(e)
		}
	case errors.As(err, &syntax):
		m := c.syntax(raw, syntax)
		m.File = path
		return cfg, m
	case err != nil:
		return cfg, &Error{File: path, Line: 1, Msg: inert.Escape(strings.TrimPrefix(err.Error(), "toml: "))}
	}
	c.settings(f)
	c.keys(f.Keys)
	if m := c.first(); m != nil {
		m.File = path
		return cfg, m
	}
	return cfg, nil
}
