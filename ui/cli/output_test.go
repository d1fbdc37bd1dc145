package cli

import (
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
		if err := writeTable(&b, ps, width, nil, time.Time{}); err != nil {
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
	if err := writeTable(&b, ps, 0, nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Azure KeyVault Provider for Secrets Store CSI Driver") || !strings.Contains(out, "goal with a break") || strings.Count(out, "\n") != 3 {
		t.Errorf("piped table:\n%s", out)
	}
}
