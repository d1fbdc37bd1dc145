package main

import (
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// colour matches an SGR sequence that sets a foreground or background.
var colour = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[0-9;]*m`)

// onTerminal makes standard output a terminal width columns wide whose
// background is dark or light (known false: it does not say), with the
// config's theme; asked counts the questions to the terminal.
func onTerminal(width int, theme string, dark, known, noColor bool, asked *int) func(*cli.Deps) {
	return func(d *cli.Deps) {
		d.Terminal = func(io.Writer) (int, bool) { return width, true }
		d.Background = func() (bool, bool) { *asked++; return dark, known }
		d.Settings.Theme = theme
		d.NoColor = noColor
	}
}

func TestShowFollowsTheTheme(t *testing.T) {
	const darkText, lightText = "38;5;252", "38;5;234" // glamour's dark and light text
	for _, tc := range []struct {
		name           string
		theme          string
		dark, known    bool
		noColor        bool
		want           string // "dark", "light" or "none"
		askTheTerminal bool
	}{
		{name: "config dark on a light terminal", theme: "dark", dark: false, known: true, want: "dark"},
		{name: "config light", theme: "light", dark: true, known: true, want: "light"},
		{name: "auto on a light terminal", theme: "auto", dark: false, known: true, want: "light", askTheTerminal: true},
		{name: "no config on a light terminal", theme: "", dark: false, known: true, want: "light", askTheTerminal: true},
		{name: "auto on a dark terminal", theme: "auto", dark: true, known: true, want: "dark", askTheTerminal: true},
		{name: "auto, the terminal does not say", theme: "auto", known: false, want: "dark", askTheTerminal: true},
		{name: "NO_COLOR", theme: "auto", dark: false, known: true, noColor: true, want: "none"},
		{name: "NO_COLOR and light", theme: "light", noColor: true, want: "none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked := 0
			r := executeWith(t, nil, onTerminal(80, tc.theme, tc.dark, tc.known, tc.noColor, &asked), "show", "gatekeeper")
			if r.status != 0 || !strings.HasPrefix(ansi.Strip(r.stdout), " OPA Gatekeeper") {
				t.Fatalf("status %d stderr %q stdout %q", r.status, r.stderr, r.stdout)
			}
			got := "none"
			switch {
			case strings.Contains(r.stdout, darkText) && !strings.Contains(r.stdout, lightText):
				got = "dark"
			case strings.Contains(r.stdout, lightText) && !strings.Contains(r.stdout, darkText):
				got = "light"
			case colour.MatchString(r.stdout):
				got = "mixed"
			}
			if got != tc.want {
				t.Errorf("styles %s, want %s", got, tc.want)
			}
			if (asked > 0) != tc.askTheTerminal {
				t.Errorf("asked the terminal %d times", asked)
			}
			// The labels are clickable, as in the app.
			if !strings.Contains(r.stdout, ansi.SetHyperlink("https://github.com/open-policy-agent/gatekeeper")) {
				t.Errorf("the homepage is not a hyperlink:\n%q", r.stdout)
			}
		})
	}
}

func TestShowKeepsURLsWhole(t *testing.T) {
	for _, name := range []string{"gatekeeper", "azure keyvault provider", "aks engine"} {
		var p struct {
			Links []struct{ URL string } `json:"links"`
		}
		if err := json.Unmarshal([]byte(execute(t, nil, "show", name, "-o", "json").stdout), &p); err != nil {
			t.Fatal(err)
		}
		asked := 0
		r := executeWith(t, nil, onTerminal(60, "dark", true, true, false, &asked), "show", name)
		plain := ansi.Strip(r.stdout)
		if strings.Contains(plain, "…") {
			t.Errorf("%s: something is cut:\n%s", name, plain)
		}
		// A URL wider than the terminal wraps: its lines, joined, give it whole.
		var joined strings.Builder
		for _, line := range strings.Split(plain, "\n") {
			joined.WriteString(strings.TrimSpace(line))
		}
		for _, l := range p.Links {
			if !strings.Contains(joined.String(), l.URL) {
				t.Errorf("%s: %s is not shown whole at 60 columns:\n%s", name, l.URL, plain)
			}
		}
	}
}
