package landscape

import (
	"fmt"
	"strings"
	"testing"
)

const lintSrc = `landscape:
  - category:
    name: A
    subcategories:
      - subcategory:
        name: One
        items:
          - item:
            name: Dup
            homepage_url: https://dup.example
          - item:
            name: Dup
            homepage_url: https://dup.example
          - item:
            name: Homeless
            repo_url: https://github.com/o/homeless
          - item:
            name: Plain
            homepage_url: http://plain.example
            project: incubation?
            second_path:
              - A / One
              - Nowhere / Else
            extra:
              slack_url: "javascript:alert(1)"
` + "          - item: # \x1b[31mred\n" + `            name: Red
            homepage_url: https://red.example
      - subcategory:
        name: Two
        items:
          - item:
            name: Dup
            homepage_url: https://dup.example
`

// TestLintFindings: each finding at the line at fault, with its severity.
func TestLintFindings(t *testing.T) {
	var got []string
	for _, f := range Lint("l.yml", []byte(lintSrc)) {
		got = append(got, fmt.Sprintf("%d %s %s", f.Line, f.Severity, f.Message))
	}
	want := []string{
		`11 error duplicate project name "Dup" in A / One (first on line 8)`,
		`14 error Homeless has no homepage_url`,
		`19 warning Plain: link "Plain" uses http://; use https:// (http://plain.example)`,
		`20 warning Plain has an unknown CNCF maturity "incubation?" (graduated, incubating, sandbox or archived)`,
		`23 warning Plain: second_path "Nowhere / Else" names no subcategory of this file`,
		`25 error Plain: link "Slack": refusing "javascript:alert(1)": scheme "javascript" is not http or https`,
		`26 warning removed escape sequences or control characters from this line`,
		`32 warning duplicate project name "Dup" (first on line 8, in A / One): shown as one project`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLintRealFile: the trimmed real file lints with the duplicates it
// holds as warnings, each naming the line of its repeat, and no error
// but the one URL no browser may open (Argo's summary_intro_url is two
// URLs in prose).
func TestLintRealFile(t *testing.T) {
	_, src := trimmed(t)
	var errs, dups []string
	for _, f := range Lint("landscape.yml", src) {
		switch {
		case f.Severity == "error":
			errs = append(errs, f.Message)
		case strings.HasPrefix(f.Message, "duplicate project name"):
			dups = append(dups, fmt.Sprintf("%d %s", f.Line, f.Message))
		}
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], `Argo: link "Introduction"`) {
		t.Errorf("errors %q", errs)
	}
	if len(dups) != 6 {
		t.Errorf("%d duplicates: %q", len(dups), dups)
	}
}
