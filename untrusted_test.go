//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// What comes from outside (a server, a file, a file's name, the
// environment, the config, the arguments) reaches standard output and
// standard error of the built program with nothing a terminal would act on,
// each message on one line, and what a message echoes quoted and cut.

// checkInert fails unless a run's standard output and error are clean,
// standard error is at most one line per message (lines) and no line of it
// is longer than a message may be.
func checkInert(t *testing.T, what string, r result, lines int) {
	t.Helper()
	checkOutput(t, what+": stdout", r.stdout, false)
	checkOutput(t, what+": stderr", r.stderr, false)
	if n := strings.Count(r.stderr, "\n"); n > lines {
		t.Errorf("%s: %d lines on stderr, want at most %d: %q", what, n, lines, r.stderr)
	}
	for l := range strings.Lines(r.stderr) {
		if len(l) > 2100 {
			t.Errorf("%s: a line of %d bytes on stderr: %.200q…", what, len(l), l)
		}
	}
}

// TestServerAnswersReachNoTerminal: what a catalog server says (its status
// line, a redirect's target, a header, a body) reaches no terminal through
// any command: list prints a notice and goes on with the embedded
// catalog, show and open fail with the reason rather than look a project
// up in it (TestNoLookupInAStandIn), lint fails with the reason.
func TestServerAnswersReachNoTerminal(t *testing.T) {
	answers := map[string]string{
		"OSC in the status line":    "HTTP/1.1 500 \x1b]0;TITLE\x07 \x1b]52;c;ZXZpbA==\x07\r\nContent-Length: 0\r\n\r\n",
		"C1 in the status line":     "HTTP/1.1 503 \u009b2J\u009d0;TITLE\u009c \u0085next\r\nContent-Length: 0\r\n\r\n",
		"C1 in a redirect":          "HTTP/1.1 302 Found\r\nLocation: javascript:\u009b2J\u009d0;TITLE\u009c\r\nContent-Length: 0\r\n\r\n",
		"C1 in a followed redirect": "HTTP/1.1 301 Moved\r\nLocation: http://127.0.0.1:1/\u009b2J\u009d0;TITLE\u009c\r\nContent-Length: 0\r\n\r\n",
		"a bad redirect":            "HTTP/1.1 302 Found\r\nLocation: https://evil.example:99999/\u0085\r\nContent-Length: 0\r\n\r\n",
		"escapes in a header":       "HTTP/1.1 200 OK\r\nX-Evil: \x1b]0;TITLE\x07\r\nContent-Length: 0\r\n\r\n",
		"escapes in a status code":  "HTTP/1.1 2\x1b[2J0 OK\r\n\r\n",
		"escapes in the body": "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n\r\n" +
			"| Project Area | Project |\n|---|---|\n| \x1b]0;TITLE\x07Area |\n| | [Moby\x1b[2J](https://x.example/\u009b2J) |\n",
		"binary body": "HTTP/1.1 200 OK\r\n\r\n\x00\x1b[2J\x1b]0;TITLE\x07",
	}
	for name, raw := range answers {
		t.Run(name, func(t *testing.T) {
			withCache(t)
			url := rawAnswer(t, raw)
			for _, args := range [][]string{{"list"}, {"list", "-o", "markdown"}, {"show", "moby"}, {"open", "moby", "--print"}, {"lint", url}} {
				r := runBinary(t, nil, append(args, "--catalog", url)...)
				checkInert(t, strings.Join(args, " "), r, 1)
				if r.status != 0 && args[0] == "list" {
					t.Errorf("%v: status %d: %q", args, r.status, r.stderr)
				}
			}
		})
	}
}

// TestLocalStringsReachNoTerminal: a config key, a catalog file's name, an
// argument and the environment are echoed escaped, and cut.
func TestLocalStringsReachNoTerminal(t *testing.T) {
	dir := t.TempDir()
	hostileName := filepath.Join(dir, "list\x1b]0;TITLE\x07\u009b2J.md")
	dup := "| Project Area | Project |\n|---|---|\n| Area |\n| | [Moby](https://moby.example) |\n| | [Moby](https://moby.example/2) |\n| lonely |\n"
	if err := os.WriteFile(hostileName, []byte(dup), 0o644); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("k", 10_000)

	t.Run("config key", func(t *testing.T) {
		for _, config := range []string{
			"[keys]\n\"quit\x1b]0;TITLE\x07\" = \"x\"\n",
			"[keys]\n\"\u009b2J\u009d0;TITLE\u009c\" = \"x\"\n",
			strings.Repeat("k", 900_000) + " = 1\n",
			"[keys]\nquit = \"\\u001b]0;TITLE\\u0007\"\n",
		} {
			withConfig(t, config)
			r := runBinary(t, nil, "list", "-o", "tsv")
			checkInert(t, "config", r, 1)
			if r.status != 0 || !strings.HasPrefix(r.stderr, "upstream-tui: config not used") {
				t.Errorf("status %d stderr %.200q", r.status, r.stderr)
			}
		}
	})
	t.Run("file name in lint", func(t *testing.T) {
		r := runBinary(t, nil, "lint", hostileName)
		checkInert(t, "lint", r, 1)
		escaped := inert.Escape(hostileName)
		if r.status != 1 || !strings.Contains(r.stdout, "\n"+escaped+":5: error: duplicate project name") ||
			r.stderr != "upstream-tui: "+escaped+": 1 error, 2 warnings\n" {
			t.Errorf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
		}
	})
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want string // the start of standard error
	}{
		{"file name", nil, []string{"list", "--catalog", hostileName + "-missing"}, "upstream-tui: "},
		{"file name in the environment", []string{"UPSTREAM_TUI_CATALOG=" + hostileName + "-missing"}, []string{"show", "moby"}, "upstream-tui: "},
		{"a query", nil, []string{"list", "colour:\x1b]0;TITLE\x07"}, `upstream-tui: "colour:\x1b]0;TITLE\a": unknown filter`},
		{"a has: value", nil, []string{"list", "has:\u009b2J"}, `upstream-tui: "has:\u009b2J": no such link kind`},
		{"a long query", nil, []string{"list", "x" + long[:250] + ":y"}, `upstream-tui: "x` + long[:199] + `…": unknown filter`},
		{"a name", nil, []string{"show", "\x1b]0;TITLE\x07" + long}, `upstream-tui: no project matches "\x1b]0;TITLE\a`},
		{"an area", nil, []string{"list", "--area", "\x1b]0;TITLE\x07" + long}, `upstream-tui: no area matches "\x1b]0;TITLE\a`},
		{"an output format", nil, []string{"list", "-o", "\x1b]0;TITLE\x07"}, `upstream-tui: unknown output format "\x1b]0;TITLE\a"`},
		{"an output format of show", nil, []string{"show", "moby", "-o", "\u009d0;TITLE\u009c"}, `upstream-tui: unknown output format "\u009d0;TITLE\u009c"`},
		{"a link kind", nil, []string{"open", "moby", "--link", "\x1b]0;TITLE\x07"}, `upstream-tui: unknown link kind "\x1b]0;TITLE\a"`},
		{"a shell", nil, []string{"completion", "\x1b]0;TITLE\x07"}, `upstream-tui: no completion for the shell "\x1b]0;TITLE\a"`},
		{"a mistyped command", nil, []string{"lis\u009b"}, `upstream-tui: unknown command "lis\u009b"`},
		{"a flag", nil, []string{"--\x1b]0;TITLE\x07" + long}, "upstream-tui: unknown flag: --kkk"},
		{"a flag's value", nil, []string{"list", "--max-age", "\x1b]0;TITLE\x07"}, `upstream-tui: invalid argument "\x1b]0;TITLE\a" for "--max-age" flag`},
		{"a completion's flag", nil, []string{"__complete", "list", "--\x1b]0;TITLE\x07", ""}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runBinary(t, tc.env, tc.args...)
			lines := 1
			if tc.args[0] == "__complete" {
				lines = 3 // cobra's own diagnostics
			}
			checkInert(t, tc.name, r, lines)
			if !strings.HasPrefix(r.stderr, tc.want) || r.status == 0 && tc.args[0] != "__complete" {
				t.Errorf("status %d stderr %.300q, want it to start %.300q", r.status, r.stderr, tc.want)
			}
		})
	}
}
