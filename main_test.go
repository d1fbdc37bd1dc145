package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExitStatuses(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.md")
	if err := os.WriteFile(junk, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	prose := filepath.Join(dir, "prose.md")
	if err := os.WriteFile(prose, []byte("# Nothing here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout string // a part of standard output
		stderr string // all of standard error
	}{
		{"help", []string{"--help"}, 0, "Usage:\n  upstream-tui [QUERY] [flags]", ""},
		{"version", []string{"--version"}, 0, "upstream-tui version dev", ""},
		{"not a terminal", nil, 2, "", "upstream-tui: the interactive browser needs a terminal; standard output is not one\n"},
		{"unknown flag", []string{"--bogus"}, 2, "", "upstream-tui: unknown flag: --bogus\n"},
		{"unknown area", []string{"--area", "nowhere"}, 2, "", `upstream-tui: no area matches "nowhere"; the areas are "Kubernetes Cluster Management", "Kubernetes Azure Cloud Provider", "Container Runtime", "Kubernetes Enhancements", "Cloud Native Governance and Security", "Cloud Native Service Mesh"` + "\n"},
		{"ambiguous area", []string{"--area", "kubernetes"}, 2, "", ""},
		{"binary catalog", []string{"--catalog", junk}, 1, "", "upstream-tui: " + junk + ":1: not a Markdown catalog (binary data)\n"},
		{"no table", []string{"--catalog", prose}, 1, "", "upstream-tui: " + prose + ": no project table (a table with \"Project Area\" and \"Project\" columns)\n"},
		{"missing file", []string{"--catalog", filepath.Join(dir, "nope.md")}, 1, "", "upstream-tui: " + filepath.Join(dir, "nope.md") + ": no such file\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tc.args, &stdout, &stderr)
			if status != tc.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tc.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout %q, want it to contain %q", stdout.String(), tc.stdout)
			}
			if tc.stderr != "" && stderr.String() != tc.stderr {
				t.Errorf("stderr %q, want %q", stderr.String(), tc.stderr)
			}
			if tc.status != 0 && strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("stderr is not one line: %q", stderr.String())
			}
		})
	}
}
