package main

import (
	"cmp"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// awkward is a catalog whose fields hold what Markdown, or a table, would
// take for syntax: a | in a URL and in text (a GFM table splits at either),
// a backslash, angle brackets, spaces, parentheses and what reads as a
// character reference in URLs, an ! before a link, emphasis, shared
// links, and cells that a delimiter row is made of.
const awkward = "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n" +
	"|---|---|---|---|---|---|\n" +
	"| Pipes \\| and \\*stars\\* |  |  |  |  |  |\n" +
	"|  | [Pipe \\| Name](https://example.com/a\\|b) <br> ([releases](<https://example.com/r e l>)) <br> many more | Goal with a [link](https://example.com/x\\|y) and 1\\. a list? Wow\\![img](https://example.com/i) | CNCF: sandbox <br> API: v1\\|v2 | [\\#chan](https://example.slack.com/archives/C1) <br> [list@example.org](mailto:list@example.org) | [Docs](<https://example.com/\\<x\\>>) <br> notes \\& more |\n" +
	"|  | [Second](https://example.com/second?a=1&amp;lt;b=2&c=3) | `code` and _emphasis_ | Azure: alpha? | same slack and email <br> [GitHub issues](https://github.com/o/r/issues) | [Back\\\\slash](<https://example.com/back\\\\slash\\\\>) |\n" +
	"|  | [Third](https://example.com/(parens)) | &amp;#27; is no escape | | [forum](https://discuss.example.org/) | - dash <br> 2) two |\n" +
	"| Other \\<area\\> |  |  |  |  |  |\n" +
	"|  | No link at all | | | same slack and email | |\n" +
	"|  | [home](https://example.com/h) first words | [Link first](https://example.com/l) <br> then text | K8s: stable | [#x](https://example.slack.com/archives/C2) | |\n" +
	"| :- |  |  |  |  |  |\n" +
	"|  | :--: | - | -: |  | -- |\n"

// TestListMarkdownReadsBack: list -o markdown reads back, with
// data/markdown, into the same catalog: areas, names, goals, maturity,
// links (label, URL, kind, column, where shared from) and notes, for the
// real catalogs, the hostile ones and one made of Markdown's syntax.
func TestListMarkdownReadsBack(t *testing.T) {
	awkwardFile := filepath.Join(t.TempDir(), "awkward.md")
	if err := os.WriteFile(awkwardFile, []byte(awkward), 0o644); err != nil {
		t.Fatal(err)
	}
	catalogs := append([]string{"", readme, firstDraft, awkwardFile}, hostileFixtures...)
	for _, file := range catalogs {
		name := filepath.Base(file)
		if file == "" {
			name = "embedded"
		}
		t.Run(name, func(t *testing.T) {
			src := data.Embedded()
			if file != "" {
				var err error
				if src, err = os.ReadFile(file); err != nil {
					t.Fatal(err)
				}
			}
			want, err := markdown.Parse(name, src)
			if err != nil {
				t.Fatal(err)
			}
			r := execute(t, nil, "list", "-o", "markdown", "--catalog", file)
			if r.status != 0 || r.stderr != "" || !inert.IsClean(r.stdout) {
				t.Fatalf("status %d stderr %q", r.status, r.stderr)
			}
			got, err := markdown.Parse("list.md", []byte(r.stdout))
			if err != nil {
				t.Fatalf("%v\n%s", err, r.stdout)
			}
			if len(got.Projects) != len(want.Projects) {
				t.Fatalf("%d projects read back, want %d:\n%s", len(got.Projects), len(want.Projects), r.stdout)
			}
			if g, w := areaNames(got), areaNames(want); !reflect.DeepEqual(g, w) {
				t.Errorf("areas %q, want %q", g, w)
			}
			for i := range want.Projects {
				w, g := want.Projects[i], got.Projects[i]
				w.Line, g.Line = 0, 0
				if !reflect.DeepEqual(g, w) {
					t.Errorf("project %d read back as\n%+v\nwant\n%+v\nfrom the row\n%s", i, g, w, strings.Split(r.stdout, "\n")[i+2])
				}
			}
			// Every row has the header's cells: none spilled into another.
			for _, f := range markdown.Lint("list.md", []byte(r.stdout)) {
				if strings.HasPrefix(f.Message, "row has") {
					t.Errorf("line %d: %s", f.Line, f.Message)
				}
			}
		})
	}
}

func areaNames(c *model.Catalog) []string {
	var names []string
	for _, a := range c.Areas {
		names = append(names, a.Name)
	}
	return names
}

// FuzzListMarkdownReadsBack: a catalog of two rows whose cells are the
// fuzzer's, once data/markdown reads it, reads back the same from what
// list -o markdown writes of it.
func FuzzListMarkdownReadsBack(f *testing.F) {
	for _, row := range strings.Split(awkward, "\n")[2:] {
		cells := strings.Split(strings.Trim(strings.ReplaceAll(row, `\|`, "\x00"), "|"), "|")
		if len(cells) != 6 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(cells[i], "\x00", `\|`))
		}
		f.Add(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, area, project, goal, maturity, communication, azure string) {
		row := func(cells ...string) string {
			for i, c := range cells {
				cells[i] = strings.ReplaceAll(c, "\n", " ")
			}
			return "| " + strings.Join(cells, " | ") + " |\n"
		}
		src := row("Project Area", "Project", "Goal", "Maturity", "Communication", "Use on Azure") + "|---|---|---|---|---|---|\n" +
			row(area, "", "", "", "", "") + row("", project, goal, maturity, communication, azure) +
			row("", "[Second](https://example.com/2)", goal, maturity, "same slack and email", azure)
		want, err := markdown.Parse("fuzz.md", []byte(src))
		if err != nil {
			return
		}
		file := filepath.Join(dir, "fuzz.md")
		if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		r := execute(t, nil, "list", "-o", "markdown", "--catalog", file)
		if r.status != 0 {
			t.Fatalf("status %d stderr %q", r.status, r.stderr)
		}
		got, err := markdown.Parse("list.md", []byte(r.stdout))
		if err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		if g, w := areaNames(got), areaNames(want); !reflect.DeepEqual(g, w) {
			t.Fatalf("areas %q, want %q\n%s", g, w, r.stdout)
		}
		if len(got.Projects) != len(want.Projects) {
			t.Fatalf("%d projects read back, want %d:\n%s", len(got.Projects), len(want.Projects), r.stdout)
		}
		for i := range want.Projects {
			w, g := want.Projects[i], got.Projects[i]
			w.Line, g.Line = 0, 0
			if !reflect.DeepEqual(g, w) {
				t.Fatalf("project %d read back as\n%#v\nwant\n%#v\nfrom the row\n%q\nof\n%q", i, g, w, strings.Split(r.stdout, "\n")[i+2], src)
			}
		}
	})
}

// TestShowMarkdownReadsBack: each numbered link that show -o markdown
// writes reads back, with goldmark, as one link to one of the project's
// URLs or its repository's, exactly: a backslash, angle brackets, pipes, spaces and what
// reads as a character reference in a URL included.
func TestShowMarkdownReadsBack(t *testing.T) {
	withCache(t) // the repository's links as not checked
	awkwardFile := filepath.Join(t.TempDir(), "awkward.md")
	if err := os.WriteFile(awkwardFile, []byte(awkward), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range append([]string{"", readme, awkwardFile}, hostileFixtures...) {
		cat, err := data.LoadFile(cmp.Or(file, filepath.Join("data", "projects.md")))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cat.Projects {
			urls := map[string]bool{}
			repo, _ := model.RepoOf(&p)
			for _, l := range append(p.Links, model.RepoLinks(&p, repo, nil)...) {
				urls[l.URL] = true
			}
			r := execute(t, nil, "show", "-o", "markdown", "--catalog", file, p.Name)
			if r.status != 0 {
				continue // a name that another holds too
			}
			for _, line := range strings.Split(r.stdout, "\n") {
				if !strings.HasPrefix(line, "- **") {
					continue
				}
				var dests []string
				doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(line)))
				_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if l, ok := n.(*ast.Link); ok && entering {
						dests = append(dests, string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(l.Destination)))))
					}
					return ast.WalkContinue, nil
				})
				if len(dests) != 1 || !urls[dests[0]] {
					t.Errorf("%s: %q reads back as links to %q", p.Name, line, dests)
				}
			}
		}
	}
}
