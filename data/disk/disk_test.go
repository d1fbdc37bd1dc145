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
