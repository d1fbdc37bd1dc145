package cli

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
)

func TestWriteTableFitsTheTerminal(t *testing.T) {
	ps := []*model.Project{
		{Name: "Azure KeyVault Provider for Secrets Store CSI Driver", Area: "Cloud Native Governance and Security",
			Maturity: model.Maturity{Org: "Azure", State: "sandbox"}, Goal: model.Text{{Text: "Enables mounting AKV secrets as volumes in K8s pods"}}},
		{Name: "雲 ネイティブ 🧑‍💻 project", Area: "Ünïcode\tarea", Maturity: model.Maturity{State: "unknown"}, Goal: model.Text{{Text: "goal\nwith a break"}}},
	}
	for _, width := range []int{20, 40, 80, 120, 300} {
		var b strings.Builder
		if err := writeTable(&b, ps, width, nil, time.Time{}, sortColumn{}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("width %d: line is %d wide: %q", width, w, line)
			}
		}
		// Names stay whole before goals: at 80 columns the goal gives way.
		if width >= 80 && !strings.Contains(b.String(), "Azure KeyVault Provider for Secrets Store CSI Driver") {
			t.Errorf("width %d: the name was cut:\n%s", width, b.String())
		}
		if width >= 120 && !strings.Contains(b.String(), "Enables mounting") {
			t.Errorf("width %d: the goal was cut away:\n%s", width, b.String())
		}
	}
	// Piped: nothing is cut, and each row is one line.
	var b strings.Builder
	if err := writeTable(&b, ps, 0, nil, time.Time{}, sortColumn{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Azure KeyVault Provider for Secrets Store CSI Driver") || !strings.Contains(out, "goal with a break") || strings.Count(out, "\n") != 3 {
		t.Errorf("piped table:\n%s", out)
	}
}

// TestMarkdownRowsAreNoDelimiterRows: list -o markdown writes no cell that
// a GFM delimiter row is made of (dashes with a colon at either end), so
// no row it writes reads as a delimiter row, whatever its fields hold.
func TestMarkdownRowsAreNoDelimiterRows(t *testing.T) {
	delimiterCell := regexp.MustCompile(`^:?-+:?$`)
	var ps []*model.Project
	for _, s := range []string{"-", ":-", "-:", ":-:", "--", " - ", ":--:", "- -", ":"} {
		ps = append(ps, &model.Project{Name: s, Area: s, Goal: model.Text{{Text: s}},
			Maturity: model.Maturity{Text: s + "\n" + s}, Notes: []string{s}})
	}
	var b strings.Builder
	if err := writeMarkdownTable(&b, ps); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")[2:]
	if len(rows) != len(ps) {
		t.Fatalf("%d rows for %d projects:\n%s", len(rows), len(ps), b.String())
	}
	for _, row := range rows {
		for _, cell := range strings.Split(strings.Trim(row, "|"), "|") {
			if delimiterCell.MatchString(strings.TrimSpace(cell)) {
				t.Errorf("row %q has a delimiter row's cell %q", row, cell)
			}
		}
	}
}
