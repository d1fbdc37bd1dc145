package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// checker checks a decoded file's values into a Config, keeping every
// mistake so that the first in the file is the one reported, as a reader
// going down the file would meet it.
type checker struct {
	cfg      *Config
	actions  []string
	pos      positions
	mistakes []*Error
}

// fail notes a mistake in the value of the key made of parts.
func (c *checker) fail(parts []string, format string, args ...any) {
	c.mistakes = append(c.mistakes, &Error{Line: c.pos.line(strings.Join(parts, ".")), Key: keyName(parts...),
		Msg: fmt.Sprintf(format, args...)})
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
	line, _ := e.Position()
	line = max(line, 1)
	if h, ok := c.pos.headerOn(line); ok {
		c.unknownTable(h)
		return
	}
	c.mistakes = append(c.mistakes, &Error{Line: line, Key: keyName(e.Key()...), Msg: unknownSetting})
}

// table notes a setting or an action written as a table ([theme],
// [keys.slack], [[keys]]), reporting whether it was one.
func (c *checker) table(parts ...string) bool {
	h, ok := c.pos.headerUnder(parts...)
	if ok && (h.array || len(h.parts) > 1 || parts[0] != "keys") {
		c.unknownTable(h)
		return true
	}
	return false
}

func (c *checker) unknownTable(h header) {
	c.mistakes = append(c.mistakes, &Error{Line: h.line, Msg: fmt.Sprintf("unknown table %s; the only table is [keys]", h)})
}

var unknownSetting = fmt.Sprintf("unknown setting; settings are %s, and the [keys] table", strings.Join(settings, ", "))

const (
	expectString = "expected a quoted string"
	expectBool   = "expected true or false"
	expectKeys   = `expected a key ("s") or a list of keys (["s", "ctrl+s"])`
	expectHosts  = `expected a list of host names (["aka.ms", "go.example.com"])`
)

// expected says what the value of the key made of parts should have been,
// as the checks below would; "" when there is nothing better to say than
// go-toml's message (the value of keys is a table).
func (c *checker) expected(parts []string) string {
	switch {
	case len(parts) == 1 && slices.Contains([]string{"catalog", "theme", "max_age"}, parts[0]):
		return expectString
	case len(parts) == 1 && slices.Contains([]string{"recent_first", "plain", "health"}, parts[0]):
		return expectBool
	case len(parts) == 1 && parts[0] == "keep_redirect_hosts":
		return expectHosts
	case len(parts) == 2 && parts[0] == "keys" && slices.Contains(c.actions, parts[1]):
		return expectKeys
	case len(parts) == 2 && parts[0] == "keys":
		return c.unknownAction()
	case slices.Contains(settings, parts[0]) || parts[0] == "keys":
		return ""
	}
	return unknownSetting
}

func (c *checker) unknownAction() string {
	return "unknown action; actions are " + strings.Join(c.actions, ", ")
}

// settings checks the settings outside [keys].
func (c *checker) settings(f file) {
	if s, ok := c.str("catalog", f.Catalog); ok {
		c.cfg.Catalog = s
	}
	if s, ok := c.str("theme", f.Theme); ok {
		if slices.Contains(themes, s) {
			c.cfg.Theme = s
		} else {
			c.fail([]string{"theme"}, "%q is not a theme; use auto, dark or light", s)
		}
	}
	if s, ok := c.str("max_age", f.MaxAge); ok {
		if d, err := time.ParseDuration(s); err == nil && d > 0 {
			c.cfg.MaxAge = d
		} else {
			c.fail([]string{"max_age"}, "%q is not a duration like \"30m\" or \"6h\"", s)
		}
	}
	if b, ok := c.boolean("recent_first", f.RecentFirst); ok {
		c.cfg.RecentFirst = &b
	}
	if b, ok := c.boolean("plain", f.Plain); ok {
		c.cfg.Plain = b
	}
	if b, ok := c.boolean("health", f.Health); ok {
		c.cfg.NoHealth = !b
	}
	c.hosts(f.KeepHosts)
}

// hosts checks keep_redirect_hosts: a list of host names.
func (c *checker) hosts(v any) {
	const key = "keep_redirect_hosts"
	if v == nil || c.table(key) {
		return
	}
	list, ok := v.([]any)
	if !ok {
		c.fail([]string{key}, expectHosts)
		return
	}
	for _, h := range list {
		s, ok := h.(string)
		if !ok || !isHostName(s) {
			c.fail([]string{key}, expectHosts)
			return
		}
		c.cfg.KeepRedirectHosts = append(c.cfg.KeepRedirectHosts, strings.ToLower(s))
	}
}

// isHostName reports whether s is a DNS name: letters, digits, '-' and
// '.', not starting or ending with a dot, at most 253 bytes.
func isHostName(s string) bool {
	if s == "" || len(s) > 253 || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// str checks that a setting, when set, is a string.
func (c *checker) str(key string, v any) (string, bool) {
	if v == nil || c.table(key) {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.fail([]string{key}, expectString)
	}
	return s, ok
}

// boolean checks that a setting, when set, is true or false.
func (c *checker) boolean(key string, v any) (bool, bool) {
	if v == nil || c.table(key) {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		c.fail([]string{key}, expectBool)
	}
	return b, ok
}

// keys checks the [keys] table: known actions bound to a key or a list
// of keys, each clean text.
func (c *checker) keys(v any) {
	if v == nil || c.table("keys") {
		return
	}
	table, ok := v.(map[string]any)
	if !ok {
		c.fail([]string{"keys"}, "%s", unknownSetting)
		return
	}
	for action, v := range table {
		full := []string{"keys", action}
		switch keys, ok := keyList(v); {
		case c.table(full...):
		case !slices.Contains(c.actions, action):
			c.fail(full, "%s", c.unknownAction())
		case !ok:
			c.fail(full, expectKeys)
		default:
			c.cfg.Keys[action], c.cfg.KeyLines[action] = keys, c.pos.line("keys."+action)
		}
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
	if len(keys) == 0 || slices.ContainsFunc(keys, func(k string) bool { return k == "" || !inert.IsClean(k) }) {
		return nil, false
	}
	return keys, true
}
