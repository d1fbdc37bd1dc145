package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is the user's config file: defaults for the flags, and key
// bindings. The file is TOML; upstream-tui reads the part of it a config
// needs: comments, key = value with strings, booleans and one-line arrays
// of strings, and a [keys] table.
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

// ConfigError is a mistake in the config file, with its line and key.
type ConfigError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
}

// DefaultConfigFile is $XDG_CONFIG_HOME/upstream-tui/config.toml, or the
// platform's equivalent; "" when there is none.
func DefaultConfigFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "upstream-tui", "config.toml")
}

var themes = []string{"auto", "dark", "light"}

// configKeys are the settings outside [keys].
var configKeys = []string{"catalog", "max_age", "theme", "recent_first", "plain"}

// LoadConfig reads a config file; actions are the names [keys] may bind,
// and check, when set, looks at the bindings as a whole (two actions on
// one key) and names an action it finds wrong. A missing file is an empty
// config. A mistake is an error naming the file, the line and the key; the
// config is then not to be used at all.
func LoadConfig(path string, actions []string, check func(map[string][]string) (string, error)) (Config, error) {
	cfg, err := loadConfig(path, actions)
	if err != nil || check == nil {
		return cfg, err
	}
	if action, err := check(cfg.Keys); err != nil {
		return cfg, &ConfigError{File: path, Line: cfg.KeyLines[action], Key: "keys." + action, Msg: err.Error()}
	}
	return cfg, nil
}

func loadConfig(path string, actions []string) (Config, error) {
	cfg := Config{File: path, Keys: map[string][]string{}, KeyLines: map[string]int{}}
	if path == "" {
		return cfg, nil
	}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, &ConfigError{File: path, Line: 1, Msg: describe(err)}
	}
	section := ""
	seen := map[string]bool{}
	for n, line := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
		n++
		fail := func(key, format string, args ...any) error {
			return &ConfigError{File: path, Line: n, Key: key, Msg: fmt.Sprintf(format, args...)}
		}
		line = strings.TrimSpace(stripComment(line))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			name, ok := strings.CutSuffix(strings.TrimPrefix(line, "["), "]")
			if !ok || strings.TrimSpace(name) != "keys" {
				return cfg, fail("", "unknown table %s; the only table is [keys]", line)
			}
			section = "keys"
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return cfg, fail("", "expected key = value, got %q", line)
		}
		full := k
		if section != "" {
			full = section + "." + k
		}
		if seen[full] {
			return cfg, fail(full, "set twice")
		}
		seen[full] = true
		if section == "keys" {
			if !slices.Contains(actions, k) {
				return cfg, fail(full, "unknown action; actions are %s", strings.Join(actions, ", "))
			}
			keys, err := parseStrings(v)
			if err != nil || len(keys) == 0 || slices.ContainsFunc(keys, func(k string) bool { return k == "" || !IsClean(k) }) {
				return cfg, fail(full, `expected a key ("s") or a list of keys (["s", "ctrl+s"])`)
			}
			cfg.Keys[k], cfg.KeyLines[k] = keys, n
			continue
		}
		switch k {
		case "catalog", "theme", "max_age":
			s, err := parseString(v)
			if err != nil {
				return cfg, fail(k, "expected a quoted string")
			}
			switch k {
			case "catalog":
				cfg.Catalog = s
			case "theme":
				if !slices.Contains(themes, s) {
					return cfg, fail(k, "%q is not a theme; use auto, dark or light", s)
				}
				cfg.Theme = s
			case "max_age":
				d, err := time.ParseDuration(s)
				if err != nil || d <= 0 {
					return cfg, fail(k, "%q is not a duration like \"30m\" or \"6h\"", s)
				}
				cfg.MaxAge = d
			}
		case "recent_first", "plain":
			b, err := strconv.ParseBool(v)
			if err != nil || (v != "true" && v != "false") {
				return cfg, fail(k, "expected true or false")
			}
			if k == "plain" {
				cfg.Plain = b
			} else {
				cfg.RecentFirst = &b
			}
		default:
			return cfg, fail(k, "unknown setting; settings are %s, and the [keys] table", strings.Join(configKeys, ", "))
		}
	}
	return cfg, nil
}

// stripComment drops a # comment that is not inside a string.
func stripComment(line string) string {
	if at := outsideStrings(line, '#'); len(at) > 0 {
		return line[:at[0]]
	}
	return line
}

// outsideStrings returns the offsets of c in s that are not inside a
// basic ("...", with backslash escapes) or literal ('...') string.
func outsideStrings(s string, c byte) []int {
	var at []int
	var quote byte
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case quote == '"' && ch == '\\':
			i++
		case quote != 0 && ch == quote:
			quote = 0
		case quote == 0 && (ch == '"' || ch == '\''):
			quote = ch
		case quote == 0 && ch == c:
			at = append(at, i)
		}
	}
	return at
}

// parseString reads a basic ("...") or literal ('...') TOML string.
func parseString(v string) (string, error) {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' && !strings.Contains(v[1:len(v)-1], "'") {
		return v[1 : len(v)-1], nil
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return strconv.Unquote(v)
	}
	return "", errors.New("not a string")
}

// parseStrings reads a string or a one-line array of strings.
func parseStrings(v string) ([]string, error) {
	inner, ok := strings.CutPrefix(v, "[")
	if !ok {
		s, err := parseString(v)
		return []string{s}, err
	}
	inner, ok = strings.CutSuffix(inner, "]")
	if !ok {
		return nil, errors.New("unclosed array")
	}
	var out []string
	for _, item := range splitItems(inner) {
		s, err := parseString(strings.TrimSpace(item))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// splitItems splits an array's inside at commas outside strings; a
// trailing comma is allowed.
func splitItems(s string) []string {
	var out []string
	start := 0
	for _, i := range outsideStrings(s, ',') {
		out = append(out, s[start:i])
		start = i + 1
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
