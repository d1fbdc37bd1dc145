package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

// injected are the payloads the hostile fixtures hide in escape sequences:
// none may reach any output.
var injected = []string{"PWNED", "Y3VybC", "ZXZpbA", "evil.example", "\x1b]", "\x1b[2J", "\x1bP", "\x1b[>", "\x1b[c", "\x1b_"}

var (
	// ownSGR is the styling the app writes itself.
	ownSGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)
	// ownHyperlink is an OSC 8 hyperlink the app writes (glamour, for links
	// that pass the URL rule), opening or closing.
	ownHyperlink = regexp.MustCompile(`\x1b\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(\x07|\x1b\\)`)
)

// checkOutput fails when out holds a control byte other than newline and
// tab, a C1 control, or an injected payload. view says out is the app's
// screen, whose own styling and checked hyperlinks are allowed.
func checkOutput(t *testing.T, what, out string, view bool) {
	t.Helper()
	if view {
		out = ownHyperlink.ReplaceAllStringFunc(out, func(h string) string {
			if url := ownHyperlink.FindStringSubmatch(h)[1]; url != "" && model.CheckURL(url) != nil {
				t.Errorf("%s: a hyperlink to a refused URL %q", what, url)
			}
			return ""
		})
		out = ownSGR.ReplaceAllString(out, "")
	}
	for _, p := range injected {
		if strings.Contains(out, p) {
			t.Errorf("%s: output holds %q", what, p)
		}
	}
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || 0x80 <= r && r <= 0x9f {
			t.Errorf("%s: output holds control %U at byte %d: %q", what, r, i, around(out, i))
			return
		}
		if r == utf8.RuneError {
			t.Errorf("%s: output holds invalid UTF-8 at byte %d", what, i)
			return
		}
	}
}

func around(s string, i int) string { return s[max(i-20, 0):min(i+20, len(s))] }

var hostileFixtures, _ = filepath.Glob(filepath.Join("testdata", "hostile", "*.md"))

// hostileLandscape is a CNCF Landscape whose every field hides escape
// sequences, raw and as YAML escapes: the app and the commands check it
// with the Markdown fixtures.
var hostileLandscape = filepath.Join("testdata", "hostile", "landscape.yml")

// TestHostileCatalogs loads each hostile fixture into the parser, the
// command line and the app, and checks that nothing in them reaches the
// terminal and that only links passing the URL rule are ever opened.
func TestHostileCatalogs(t *testing.T) {
	if len(hostileFixtures) < 10 {
		t.Fatalf("only %d hostile fixtures", len(hostileFixtures))
	}
	for _, file := range append(hostileFixtures, hostileLandscape) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			cat, err := data.LoadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			checkFields(t, cat)

			for _, format := range []string{"table", "json", "tsv", "markdown"} {
				r := execute(t, nil, "list", "--catalog", file, "-o", format)
				if r.status != 0 {
					t.Errorf("list -o %s: status %d %s", format, r.status, r.stderr)
				}
				checkOutput(t, "list -o "+format, r.stdout+r.stderr, false)
			}
			r := execute(t, nil, "lint", file)
			checkOutput(t, "lint", r.stdout+r.stderr, false)
			for _, p := range cat.Projects {
				for _, format := range []string{"markdown", "json"} {
					r := execute(t, nil, "show", p.Name, "--catalog", file, "-o", format)
					checkOutput(t, "show "+format+" "+p.Name, r.stdout+r.stderr, false)
				}
				for _, link := range []string{"home", "slack", "issues", "mailing-list", "docs", "1", "2", "3"} {
					r := execute(t, nil, "open", p.Name, "--catalog", file, "--link", link)
					checkOutput(t, "open "+p.Name, r.stdout+r.stderr, false)
					checkOpened(t, "open "+p.Name+" --link "+link, r.opened)
				}
			}
			checkApp(t, cat)
		})
	}
}

// checkFields fails when a text of the catalog is not clean.
func checkFields(t *testing.T, c *model.Catalog) {
	t.Helper()
	for _, s := range c.Texts() {
		if !inert.IsClean(s) {
			t.Errorf("field not clean: %q", s)
		}
	}
}

func checkOpened(t *testing.T, what string, urls []string) {
	t.Helper()
	for _, u := range urls {
		if err := model.CheckURL(u); err != nil {
			t.Errorf("%s: the opener got a refused URL: %v", what, err)
		}
	}
}

// checkApp shows each project of the catalog in the app at several sizes,
// with the about and help views, and presses every link key.
func checkApp(t *testing.T, cat *model.Catalog) {
	t.Helper()
	var opened []string
	m := tea.Model(ui.New(cat, ui.Options{Markdown: render.New, Opener: func(url string) error {
		opened = append(opened, url)
		return nil
	}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
		return nil // send runs each command at once: a timer would make it wait
	}}))
	send := func(msg tea.Msg) {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		for cmd != nil { // run commands the way the program would
			next := cmd()
			cmd = nil
			if _, ok := next.(tea.BatchMsg); ok || next == nil {
				continue
			}
			if fmt.Sprintf("%T", next) == "ui.openedMsg" {
				m, cmd = m.Update(next)
			}
		}
	}
	key := func(k string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: []rune(k)[0], Text: k} }
	for _, size := range [][2]int{{120, 40}, {60, 16}, {30, 10}} {
		send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for range cat.Projects {
			what := fmt.Sprintf("view %dx%d", size[0], size[1])
			view := m.View().Content
			checkOutput(t, what, view, true)
			for i, line := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(line); w > size[0] {
					t.Errorf("%s: line %d is %d wide", what, i, w)
				}
			}
			for _, k := range []string{"o", "s", "i", "m", "d", "1", "2", "3", "4", "5", "6"} {
				send(key(k))
			}
			send(key("j"))
		}
		for _, overlay := range []string{"a", "?"} {
			send(key(overlay))
			checkOutput(t, "overlay "+overlay, m.View().Content, true)
			send(key(overlay))
		}
	}
	checkOpened(t, "the app", opened)
	if len(opened) == 0 {
		t.Error("the app opened nothing, not even the safe project's links")
	}
}
