package markdown

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// seedFiles adds the real catalogs and the hostile fixtures to a corpus.
func seedFiles(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.md"))
	files = append(files, embeddedPath, filepath.Join("..", "..", "testdata", "upstream-readme.md"), filepath.Join("..", "..", "testdata", "upstream-first-draft.md"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("| Project Area | Project |\n|---|---|---|\n| A |\n| | [x](https://x.example) |\n"))
	f.Add([]byte("Project Area | Project\n--|--\n | [x](y)\n"))
	for seed := range uint64(4) { // inline Markdown that fastRow reads
		f.Add(markupCatalog(1<<10, 5, 3, seed, true))
	}
	for _, gen := range pathological { // read literally past the bounds
		f.Add([]byte(gen(2 << 10)))
	}
}

// FuzzParse: the parser never panics, and what it returns is either an
// error or a catalog whose every text passes the sanitiser's own check,
// with its areas and projects in file order.
// The shortcuts (rows read directly, inline Markdown included; lines left
// out of the block parse) read exactly as goldmark alone does.
func FuzzParse(f *testing.F) {
	seedFiles(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		// Leaving out even a run of one row from the block parse, as
		// parsing a large catalog does with long runs.
		fast, fastFindings, fastErr := parseWith("fuzz.md", src, -1, reading{fastRows: true, minCut: 1})
		slow, slowFindings, slowErr := parseWith("fuzz.md", slices.Clone(src), -1, reading{})
		if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) || !reflect.DeepEqual(fast, slow) || !reflect.DeepEqual(fastFindings, slowFindings) {
			t.Fatalf("the shortcuts and goldmark differ:\n%s\n%s", dump(fast, fastFindings, fastErr), dump(slow, slowFindings, slowErr))
		}
		c, err := Parse("fuzz.md", src)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		for _, s := range c.Texts() {
			if !inert.IsClean(s) {
				t.Fatalf("unclean text %q", s)
			}
		}
		checkFileOrder(t, c)
		for _, fd := range Lint("fuzz.md", src) {
			if fd.Line < 1 {
				t.Errorf("finding without a line: %+v", fd)
			}
		}
	})
}

// dump shows a parse's result for a failure message.
func dump(c any, findings any, err error) string {
	b, _ := json.MarshalIndent(struct {
		Catalog, Findings any
		Err               string
	}{c, findings, fmt.Sprint(err)}, "", "  ")
	return string(b)
}
