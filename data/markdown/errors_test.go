package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// TestLineEndings: the embedded catalog written with "\r\n" or with "\r"
// alone (old Mac files) reads as the same catalog, with the same findings,
// as with "\n": CommonMark takes all three as line endings.
func TestLineEndings(t *testing.T) {
	want, wantFindings, err := parse("projects.md", embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, ending := range []string{"\r\n", "\r"} {
		src := strings.ReplaceAll(string(embedded()), "\n", ending)
		got, findings, err := parse("projects.md", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", ending, err)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(findings, wantFindings) {
			t.Errorf("%q: read otherwise than with \"\\n\": %d projects, findings %v", ending, len(got.Projects), findings)
		}
	}
}

// TestParseErrorIsInert: a file name holding an escape sequence reaches
// an error message only escaped.
func TestParseErrorIsInert(t *testing.T) {
	for _, file := range []string{"evil\x1b]52;c;cGF5bG9hZA==\a.md", "a\x9b2Jb.md", "\u202egpj.md"} {
		_, err := Parse(file, []byte("no table here\n"))
		if err == nil {
			t.Fatalf("%q: no error", file)
		}
		if !inert.IsClean(err.Error()) {
			t.Errorf("error echoes the file name raw: %q", err)
		}
		_, err = Parse(file, []byte("binary\x00"))
		if err == nil || !inert.IsClean(err.Error()) {
			t.Errorf("binary: error echoes the file name raw: %q", err)
		}
	}
}
