package disk

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestNoTempFilesLeft: failed writes remove their temporary files.
func TestNoTempFilesLeft(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.md")
	os.WriteFile(path, []byte("old"), 0o600)
	rename = func(string, string) error { return errors.New("boom") }
	defer func() { rename = os.Rename }()
	if err := WriteAtomic(path, []byte("new")); err == nil {
		t.Fatal("no error")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); len(entries) != 1 || string(b) != "old" {
		t.Errorf("%d files, x.md holds %q", len(entries), b)
	}
	rename = os.Rename
	if err := WriteAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("%q", b)
	}
}

func TestReason(t *testing.T) {
	_, err := os.ReadFile(filepath.Join(t.TempDir(), "none"))
	if got := Reason(err); got != "no such file" {
		t.Errorf("missing file: %q", got)
	}
	_, err = os.ReadFile(t.TempDir())
	if got := Reason(err); got != "is a directory" {
		t.Errorf("directory: %q", got)
	}
}

func TestReplaceKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the file holds %q, want %q", got, "new")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", st.Mode(), err)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if err := Replace(dir, []byte("x")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Replace(a directory) = %v, want ErrNotRegular", err)
	}
}

// TestReplaceRefusesReadOnlyAndHardLinked: a rename would replace a file
// its owner made read-only, and would leave a hard link's other names on
// the old text: both are refused, and the file is as it was.
func TestReplaceRefusesReadOnlyAndHardLinked(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.md")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := Replace(ro, []byte("new")); !errors.Is(err, ErrReadOnly) || Reason(err) != "is read-only" {
		t.Errorf("Replace(read-only) = %v (%q), want ErrReadOnly", err, Reason(err))
	}
	hard := filepath.Join(dir, "hard.md")
	if err := os.WriteFile(hard, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(hard, filepath.Join(dir, "other.md")); err != nil {
		t.Fatal(err)
	}
	if err := Replace(hard, []byte("new")); !errors.Is(err, ErrHardLinked) {
		t.Errorf("Replace(hard-linked) = %v, want ErrHardLinked", err)
	}
	for _, p := range []string{ro, hard} {
		if got, _ := os.ReadFile(p); string(got) != "old" {
			t.Errorf("%s holds %q, want it unchanged", p, got)
		}
	}
}
