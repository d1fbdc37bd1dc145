package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// colour matches an SGR sequence that sets a foreground or background.
var colour = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[0-9;]*m`)

func TestNew(t *testing.T) {
	md := "## Title\n\nSome **bold** words that wrap in a narrow pane, more than once.\n\n- one\n- two\n"
	for _, tc := range []struct {
		style   string
		noColor bool
	}{{"dark", false}, {"light", false}, {"dark", true}, {"nonsense", false}} {
		out := New(tc.style, tc.noColor)(md, 24)
		plain := ansi.Strip(out)
		if !strings.HasPrefix(plain, "Title") {
			t.Errorf("%s: the heading keeps its ## or a margin: %q", tc.style, plain)
		}
		for _, line := range strings.Split(plain, "\n") {
			if ansi.StringWidth(line) > 24 {
				t.Errorf("%s: line wider than 24: %q", tc.style, line)
			}
		}
		if got := colour.MatchString(out); got == tc.noColor {
			t.Errorf("%s noColor=%v: colour in output = %v", tc.style, tc.noColor, got)
		}
		if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
			t.Errorf("%s: blank lines around the document", tc.style)
		}
	}
}
