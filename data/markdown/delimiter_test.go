package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

func TestIsDelimiterRow(t *testing.T) {
	for line, want := range map[string]bool{
		"|---|---|":     true,
		"| :-: | --: |": true,
		"--|--":         true,
		":-|-:":         true,
		"|-|":           true,
		"  | - |  ":     true,
		"|  | - | ":     false, // an empty cell
		"| - || - |":    false,
		"|:|":           false, // a colon alone
		"|::|":          false,
		"| -:- |":       false,
		"| - | x |":     false,
		"---":           false, // no pipe: a thematic break or a heading's line
		"|":             false,
		"||":            false,
	} {
		if got := isDelimiterRow(line); got != want {
			t.Errorf("isDelimiterRow(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestRowLikeDelimiterStaysARow: a row of the project table that looks
// like a delimiter row, as written or after a CR that splits a row, is a
// row: it starts no table, makes no header of the row above, and areas and
// projects come in file order, with every kind of line ending.
func TestRowLikeDelimiterStaysARow(t *testing.T) {
	const (
		head  = "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n| 0 |  |  |  |  |  |\n"
		after = "|  | [P](https://p.example) |  |  |  |  |\n"
	)
	for _, tc := range []struct {
		row             string
		areas, projects []string // projects as area/name
	}{
		{"|  | - | \n", []string{"0"}, []string{"0/-"}},
		{"| - |\n", nil, nil},
		{"|:-:|\n", nil, nil},
		{"| -- | - |\n", []string{"--"}, []string{"--/-"}},
		{"|  | - | \r | 0 | 0 |  |\n", []string{"0"}, []string{"0/-", "0/0"}},
		{"|  | - | \r | \x11\x190 | 0 |  |\n", []string{"0"}, []string{"0/-", "0/0"}},
	} {
		for _, follow := range []bool{false, true} {
			src := head + tc.row
			areas, projects := tc.areas, tc.projects
			if follow {
				src += after
				if len(areas) == 0 {
					areas = []string{strings.Trim(tc.row, "| \n")}
				}
				projects = append(append([]string{}, projects...), areas[len(areas)-1]+"/P")
			}
			for _, eol := range []string{"\n", "\r\n", "\r"} {
				src := strings.ReplaceAll(src, "\n", eol)
				t.Run(fmt.Sprintf("%q", src), func(t *testing.T) {
					c, err := Parse("t.md", []byte(src))
					if err != nil {
						t.Fatal(err)
					}
					if got := areaNames(c); !reflect.DeepEqual(got, areas) {
						t.Errorf("areas %q, want %q", got, areas)
					}
					var got []string
					for _, p := range c.Projects {
						got = append(got, p.Area+"/"+p.Name)
					}
					if !reflect.DeepEqual(got, projects) {
						t.Errorf("projects %q, want %q", got, projects)
					}
					checkFileOrder(t, c)
					for _, f := range Lint("t.md", []byte(src)) {
						if strings.HasPrefix(f.Message, "delimiter row") {
							t.Errorf("line %d: %s", f.Line, f.Message)
						}
					}
				})
			}
		}
	}
}

// checkFileOrder checks that areas and projects come in the order of
// their lines, and each area where its first project is.
func checkFileOrder(t *testing.T, c *model.Catalog) {
	t.Helper()
	var firsts []string
	seen := map[string]bool{}
	for i, p := range c.Projects {
		if i > 0 && p.Line <= c.Projects[i-1].Line {
			t.Errorf("project %q on line %d after line %d", p.Name, p.Line, c.Projects[i-1].Line)
		}
		if !seen[p.Area] {
			firsts = append(firsts, p.Area)
			seen[p.Area] = true
		}
	}
	if got := areaNames(c); !reflect.DeepEqual(got, firsts) {
		t.Errorf("areas %q; in the order of their projects %q", got, firsts)
	}
	for i := 1; i < len(c.Areas); i++ {
		if c.Areas[i].Line <= c.Areas[i-1].Line {
			t.Errorf("area %q on line %d after line %d", c.Areas[i].Name, c.Areas[i].Line, c.Areas[i-1].Line)
		}
	}
}

// TestAreasInOrderOfTheirProjects: an area written first without a project
// and again later with one stands where its project is.
func TestAreasInOrderOfTheirProjects(t *testing.T) {
	src := "| Project Area | Project |\n|---|---|\n| A |  |\n| B | [P1](https://p1.example) |\n| A | [P2](https://p2.example) |\n| B | [P3](https://p3.example) |\n"
	c, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Area{{Name: "B", Line: 4}, {Name: "A", Line: 5}}
	if !reflect.DeepEqual(c.Areas, want) {
		t.Errorf("areas %+v, want %+v", c.Areas, want)
	}
	checkFileOrder(t, c)
}

// TestNormaliseTablesLeavesRows: only a paragraph's first delimiter row,
// under a line, is one; the lines after it are rows until a blank line or
// a heading, and are never mended.
func TestNormaliseTablesLeavesRows(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"| a | b |\n|---|---|\n| - |\n", "| a | b |\n|---|---|\n| - |\n"},
		{"| a | b |\n|---|---|\n|---|---|---|\n", "| a | b |\n|---|---|\n|---|---|---|\n"},
		{"| a | b |\n|---|---|---|\n| x | y |\n|--|\n", "| a | b |\n|---|---|\n| x | y |\n|--|\n"},
		{"a | b\n-|-\nx | y\n-|-|-\n", "a | b\n-|-\nx | y\n-|-|-\n"},
		// A paragraph that is no table has no table further down.
		{"text\n|---|---|\n| a | b |\n|---|\n", "text\n|---|---|\n| a | b |\n|---|\n"},
		// The first line of a paragraph is not a delimiter row.
		{"| a | b |\n\n|---|\n", "| a | b |\n\n|---|\n"},
		{"# a | b\n|---|\n", "# a | b\n|---|\n"},
		// A blank line or a heading ends a table: a new one is mended.
		{"| a | b |\n|---|---|\n\n| c | d |\n|---|\n", "| a | b |\n|---|---|\n\n| c | d |\n|---|---|\n"},
		{"| a | b |\n|---|---|\n## H\n| c | d |\n|---|\n", "| a | b |\n|---|---|\n## H\n| c | d |\n|---|---|\n"},
	} {
		if got, _ := normaliseTables([]byte(tc.in), new(atomic.Int64)); string(got) != tc.want {
			t.Errorf("normaliseTables(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
