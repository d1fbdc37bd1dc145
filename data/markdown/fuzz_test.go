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
	"unicode/utf8"
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
}

// FuzzParse: the parser never panics, and what it returns is either an
// error or a catalog whose every text passes the sanitiser's own check.
// The shortcuts (rows read directly, lines left out of the block parse)
// read exactly as goldmark alone does.
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
			if !IsClean(s) {
				t.Fatalf("unclean text %q", s)
			}
		}
		for _, fd := range Lint("fuzz.md", src) {
			if fd.Line < 1 {
				t.Errorf("finding without a line: %+v", fd)
			}
		}
	})
}

// FuzzSanitize: the output is clean, valid UTF-8, no longer than the
// input, keeps every newline, and sanitising it again changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b]52;c;ZXZpbA==\x07", "\x1b]0;t\x1b\\", "\x1b[2J", "a\rb\bc", "\u009b2J", "\u009d0;x\u009c",
		"\x1bP+q544e\x1b\\", "\u202eabc", "\x1b\n", "\x1b]8;;x\nnext", "\xff\xfe", "雲 🧑‍💻 é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !IsClean(out) || !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q is not clean", s, out)
		}
		if len(out) > len(s) {
			t.Fatalf("Sanitize(%q) = %q grew", s, out)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Sanitize(%q) = %q lost a newline", s, out)
		}
		if again := Sanitize(out); again != out {
			t.Fatalf("Sanitize is not idempotent: %q then %q", out, again)
		}
		if IsClean(s) && out != s {
			t.Fatalf("Sanitize changed clean text %q to %q", s, out)
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
