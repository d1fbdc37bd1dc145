package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// drawnWidth is how wide tmux draws a line that holds no emoji sequence:
// each character at its own width (wcwidth), which is what it does for
// everything but the sequences it may or may not join. A sequence left on
// screen is measured as its parts, as terminals that do not join it draw it.
func drawnWidth(s string) int { return ansi.StringWidthWc(s) }

// checkColumns fails unless every line of a screen w columns wide fits,
// a list row with a badge ends at the right edge, and the divider between
// list and detail (wide layouts: divider > 0) is in its column on every
// line it is on.
func checkColumns(t *testing.T, screen string, w, divider int) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		line = strings.TrimRight(line, " ")
		if lw := drawnWidth(line); lw > w {
			t.Errorf("line %d is %d wide in a %d-column terminal: %q", i, lw, w, line)
		}
		if divider > 0 {
			if at := strings.Index(line, "│"); at >= 0 && drawnWidth(line[:at]) != divider {
				t.Errorf("line %d: the divider is at column %d, not %d: %q", i, drawnWidth(line[:at]), divider, line)
			}
			continue
		}
		if strings.Contains(line, "CNCF sandbox") && drawnWidth(line) != w {
			t.Errorf("line %d: the badge does not end at column %d: %q", i, w, line)
		}
	}
}

// TestEmojiSequencesInRealTerminal shows a catalog of ZWJ sequences, skin
// tones, keycaps, flags and variation selectors in names, area names,
// goals and link labels, in tmux at 80x24 and 140x40, on every project
// and on the emoji area's tab: every line stays within the terminal, every
// badge ends at the right edge and the divider keeps its column.
func TestEmojiSequencesInRealTerminal(t *testing.T) {
	file := filepath.Join("testdata", "hostile", "cjk-emoji.md")
	for _, size := range []struct{ w, h, divider int }{{80, 24, 0}, {140, 40, 56}} { // the list takes 2/5 of 140 columns
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			s := startTmux(t, size.w, size.h, "--catalog", file)
			s.waitFor("the catalog", contains("All 7", "Safe Project"))
			for n := 1; n <= 7; n++ {
				checkColumns(t, s.waitFor(fmt.Sprintf("project %d", n), contains(fmt.Sprintf(" %d/7", n))), size.w, size.divider)
				s.keys("j")
			}
			s.keys("ll")
			checkColumns(t, s.waitFor("the emoji area", contains(" 1/2", "· 2 projects")), size.w, size.divider)
			s.keys("q")
			s.checkRestored("0")
		})
	}
}

// TestLongAreaNameInRealTerminal starts on a catalog whose area name is
// 100,000 characters long and resizes: the first frame and the one after
// the resize come at once (the tab bar once took minutes to lay out).
func TestLongAreaNameInRealTerminal(t *testing.T) {
	name := strings.Repeat("Very long area ", 100_000/15)
	md := "# Long\n\n| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n" +
		"| " + name + " |  |  |  |  |  |\n" +
		"|  | [Safe Project](https://safe.example.org) | A normal goal | CNCF: sandbox |  |  |\n"
	path := filepath.Join(t.TempDir(), "long.md")
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 80, 24, "--catalog", path)
	s.waitFor("the first frame", contains("All 1", "Very long", "Safe Project"))
	s.keys("l")
	s.waitFor("the long tab", contains("Very long area Very long area", "· 1 project"))
	s.tmux("resize-window", "-x", "100", "-y", "30")
	s.waitFor("the frame after the resize", contains("Safe Project", "Area: Very long"))
	s.keys("q")
	s.checkRestored("0")
}

// TestDeletedCatalogInRealTerminal deletes the catalog file under the
// running app, which says so and keeps it on screen, and writes it back,
// which is read again.
func TestDeletedCatalogInRealTerminal(t *testing.T) {
	body, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 140, 30, "--catalog", path)
	s.waitFor("the file", contains("All 18", "AKS Engine"))
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	s.waitFor("the deletion", contains(path+" was deleted; showing the last good catalog", "AKS Engine"))
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	s.waitFor("the file read again", contains("Read 18 projects from "+path))
	s.keys("q")
	s.checkRestored("0")
}
