package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// wideHealth answers for every repository with cells as wide as real
// ones (kubernetes/kubernetes has 110,000 stars), and the Blobfuse
// driver's as moved, the widest REPOSITORY cell; it never fails.
type wideHealth struct{ now time.Time }

func (w wideHealth) Cached(r model.Repo) (model.Health, bool) {
	h := model.Health{Repo: r, Stars: 110000, PushedAt: w.now.Add(-time.Hour), License: "Apache-2.0", CheckedAt: w.now,
		LatestRelease: &model.Release{Tag: "v1.35.0-alpha.3"}}
	if r.Key() == "kubernetes-sigs/blobfuse-csi-driver" {
		h.MovedTo = model.Repo{Owner: "kubernetes-sigs", Name: "blob-csi-driver"}
	}
	return h, true
}

func (w wideHealth) Check(_ context.Context, r model.Repo, _ bool) (model.Health, error) {
	h, _ := w.Cached(r)
	return h, nil
}

// onTerminalWithHealth is a terminal width columns wide, and wideHealth.
func onTerminalWithHealth(width int) func(*cli.Deps) {
	return func(d *cli.Deps) {
		d.Terminal = func(io.Writer) (int, bool) { return width, true }
		d.Health = wideHealth{now: time.Now()}
	}
}

// health's table on a terminal fits it as list's does: no line wider, a
// cell cut ends in "…", the status always whole (down to 27 columns), a
// move in it, a number whole or not there, and at 140 columns every
// column shown.
func TestHealthTableFitsTheTerminal(t *testing.T) {
	var projects []struct{ Name string }
	if err := json.Unmarshal([]byte(execute(t, nil, "list", "-o", "json").stdout), &projects); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		width int
		want  []string // columns that must be shown
	}{
		{80, []string{"NAME", "REPOSITORY", "STATUS", "STARS", "PUSHED"}},
		{140, []string{"NAME", "REPOSITORY", "STATUS", "STARS", "PUSHED", "RELEASE", "LICENSE"}},
		// health --help: the status shows whole down to 27 columns; the
		// repository leaves before it is cut.
		{30, []string{"NAME", "STATUS"}},
		{27, []string{"NAME", "STATUS"}},
	} {
		r := executeWith(t, nil, onTerminalWithHealth(tc.width), "health")
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if r.status != 0 || len(lines) != len(projects)+1 {
			t.Fatalf("%d columns: status %d, %d lines for %d projects:\n%s\n%s", tc.width, r.status, len(lines), len(projects), r.stdout, r.stderr)
		}
		header := lines[0]
		for _, col := range tc.want {
			if !strings.Contains(header, col) {
				t.Errorf("%d columns: no %s in the header %q", tc.width, col, header)
			}
		}
		// A column's cells start where its title does, and end where the
		// next shown one starts.
		titles := strings.Fields(header)
		cell := func(line, title string) string {
			from := strings.Index(header, title)
			to := ansi.StringWidth(line)
			for i, t := range titles {
				if t == title && i+1 < len(titles) {
					to = strings.Index(header, titles[i+1])
				}
			}
			return strings.TrimSpace(ansi.Cut(line, from, to))
		}
		for i, p := range projects {
			line := lines[i+1]
			if ansi.StringWidth(line) > tc.width {
				t.Errorf("%d columns: line wider than that: %q", tc.width, line)
			}
			if name := cell(line, "NAME"); name != p.Name && !(strings.HasSuffix(name, "…") && strings.HasPrefix(p.Name, strings.TrimSuffix(name, "…"))) {
				t.Errorf("%d columns: %q shows as %q, neither whole nor cut with …", tc.width, p.Name, name)
			}
			// A move shows in the status, which is never cut.
			want := "active"
			if p.Name == "Azure Blobfuse CSI Driver" {
				want = "active, moved"
			}
			if status := cell(line, "STATUS"); status != want {
				t.Errorf("%d columns: %s: status %q, want %q: %q", tc.width, p.Name, status, want, line)
			}
			if stars := cell(line, "STARS"); strings.Contains(header, "STARS") && stars != "110000" {
				t.Errorf("%d columns: %s: stars %q, want 110000: %q", tc.width, p.Name, stars, line)
			}
		}
	}
}

// show gives the Repository section as the app does with repository
// health, from the cache: the status line and the links, numbered after
// the project's own, on a terminal and piped.
func TestShowRepositorySection(t *testing.T) {
	piped := func(d *cli.Deps) {
		d.Terminal = func(io.Writer) (int, bool) { return 0, false }
		d.Health = wideHealth{now: time.Now()}
	}
	md := executeWith(t, nil, piped, "show", "containerd").stdout
	for _, want := range []string{"**Repository:** containerd/containerd · active\n", "\n## Repository\n",
		"Stars 110,000", "\n- **6** [releases](<https://github.com/containerd/containerd/releases>)\n",
		"\n- **7** [contribute: good first issues](<https://github.com/containerd/containerd/contribute>)\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("show piped: no %q in\n%s", want, md)
		}
	}
	// health = false: the app shows no health, nor does show, and open
	// numbers no repository link.
	off := func(d *cli.Deps) { piped(d); d.Settings.NoHealth = true }
	if md := executeWith(t, nil, off, "show", "containerd").stdout; strings.Contains(md, "Repository") {
		t.Errorf("show with health = false:\n%s", md)
	}
	if r := executeWith(t, nil, off, "open", "containerd", "--link", "6", "--print"); r.status != 1 {
		t.Errorf("open --link 6 with health = false: %d %q", r.status, r.stdout)
	}
	shown := ansi.Strip(executeWith(t, nil, onTerminalWithHealth(120), "show", "containerd").stdout)
	for _, want := range []string{"Repository: containerd/containerd · active", "Stars 110,000",
		"• 6 releases", "https://github.com/containerd/containerd/releases", "• 7 contribute: good first issues"} {
		if !strings.Contains(shown, want) {
			t.Errorf("show on a terminal: no %q in\n%s", want, shown)
		}
	}
}
