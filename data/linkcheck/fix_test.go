package linkcheck

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

func fixOn(line int, from, to string) model.LinkFinding {
	return model.LinkFinding{Finding: model.Finding{Line: line}, URL: from, Fix: to}
}

// TestApplyChangesOnlyURLs: every byte but the fixed URLs' stays, in LF,
// CRLF and CR files, with and without a last newline.
func TestApplyChangesOnlyURLs(t *testing.T) {
	fs := []model.LinkFinding{
		fixOn(2, "https://old.test/a", "https://new.test/a"),
		fixOn(3, "https://old.test/b#x", "https://new.test/b#x"),
		fixOn(3, "https://old.test/escaped_", "https://new.test/never"), // written with an escape: not found
		{Finding: model.Finding{Line: 1}, URL: "https://old.test/a"},    // no fix
	}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		for _, last := range []string{eol, ""} {
			src := "| [a](https://old.test/a) |" + eol +
				"| [a](https://old.test/a) and <https://old.test/a> |  " + eol +
				"| [b]( https://old.test/b#x \"t\") [c](https://old.test/escaped\\_) |" + last
			want := "| [a](https://old.test/a) |" + eol +
				"| [a](https://new.test/a) and <https://new.test/a> |  " + eol +
				"| [b]( https://new.test/b#x \"t\") [c](https://old.test/escaped\\_) |" + last
			in := []byte(src)
			got, applied := Apply(in, fs, nil)
			if string(got) != want {
				t.Errorf("eol %q last %q:\n got %q\nwant %q", eol, last, got, want)
			}
			if string(in) != src {
				t.Errorf("Apply changed its input")
			}
			if applied[0] != true || applied[1] != true || applied[2] || applied[3] {
				t.Errorf("applied %v, want [true true false false]", applied)
			}
		}
	}
}

func TestDiff(t *testing.T) {
	old := "1\n2\n3\n4 [a](https://old.test/a)\n5\n6\n7\n8\n9\n10\n11\n12\n13 [b](https://old.test/b)\x1b[2J"
	fixed, _ := Apply([]byte(old), []model.LinkFinding{
		fixOn(4, "https://old.test/a", "https://new.test/a"), fixOn(13, "https://old.test/b", "https://new.test/b"),
	}, nil)
	want := "--- a/cat\\x1b.md\n+++ b/cat\\x1b.md\n" +
		"@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4 [a](https://old.test/a)\n+4 [a](https://new.test/a)\n 5\n 6\n 7\n" +
		"@@ -10,4 +10,4 @@\n 10\n 11\n 12\n-13 [b](https://old.test/b)\n\\ No newline at end of file\n+13 [b](https://new.test/b)\n\\ No newline at end of file\n"
	if got := Diff("cat\x1b.md", []byte(old), fixed); got != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", got, want)
	}
	if got := Diff("/tmp/list.md", []byte(old), fixed); !strings.HasPrefix(got, "--- a/tmp/list.md\n+++ b/tmp/list.md\n@@") {
		t.Errorf("Diff of an absolute path starts %q; want git's a/tmp/list.md", got[:min(len(got), 40)])
	}
	if got := Diff("x", []byte(old), []byte(old)); got != "" {
		t.Errorf("Diff of equal files = %q, want nothing", got)
	}
}

func TestWriteKeepsModeAndRefusesAChangedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.md")
	original := []byte("[a](https://old.test/a)\r\n")
	if err := os.WriteFile(path, original, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o664); err != nil {
		t.Fatal(err)
	}
	fixed, _ := Apply(original, []model.LinkFinding{fixOn(1, "https://old.test/a", "https://new.test/a")}, nil)
	if err := Write(path, original, fixed, 1<<20); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, []byte("[a](https://new.test/a)\r\n")) {
		t.Errorf("file holds %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o664 {
		t.Errorf("mode %v, want 0664", st.Mode().Perm())
	}

	// Changed under the fixer: an editor saved it meanwhile.
	edited := []byte("[a](https://new.test/a)\r\nedited\r\n")
	if err := os.WriteFile(path, edited, 0o664); err != nil {
		t.Fatal(err)
	}
	err := Write(path, fixed, []byte("stale"), 1<<20)
	var changed *ChangedError
	if !errors.As(err, &changed) {
		t.Fatalf("Write over a changed file = %v, want a ChangedError", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, edited) {
		t.Errorf("a changed file was overwritten: %q", got)
	}
}
