package landscape

import (
	"errors"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// FuzzParse: the reader never panics, whatever the YAML; an error is a
// ParseError naming a line, inert and on one line; a catalog's every text
// and every lint message pass the sanitiser's own check; the first view
// of any head parses or says no.
func FuzzParse(f *testing.F) {
	_, src := trimmed(f)
	f.Add(src[:8<<10])
	for _, s := range []string{lintSrc, hostile, bomb, "landscape:\n  - category:\n    name: A\n    subcategories:\n      - subcategory:\n        name: B\n        items:\n          - item:\n            name: C\n            second_path: [\"A / B\", \"X/Y\"]\n            additional_repos: [{repo_url: \"https://github.com/a/b\"}]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("fuzz.yml", src)
		if err != nil {
			pe, ok := errors.AsType[*markdown.ParseError](err)
			if !ok || pe.Line < 1 || !inert.IsClean(err.Error()) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q (%T)", err, err)
			}
		} else {
			for _, s := range c.Texts() {
				if !inert.IsClean(s) {
					t.Fatalf("not inert: %q", s)
				}
			}
		}
		fs := Lint("fuzz.yml", src)
		if err != nil && len(fs) != 1 {
			t.Fatalf("%d findings for a file that does not parse", len(fs))
		}
		for _, f := range fs {
			if !inert.IsClean(f.Message) || f.Line < 1 {
				t.Fatalf("finding %+v", f)
			}
		}
		if h, ok := ParseHead("fuzz.yml", src); ok && len(h.Projects) == 0 {
			t.Fatal("a first view with no project")
		}
	})
}
