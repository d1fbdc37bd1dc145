//go:build unix

package data

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// specialFiles makes a FIFO, and a link to /dev/zero, in a fresh
// directory: files that a plain read would wait on or read forever.
func specialFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"fifo": fifo, "/dev/zero": "/dev/zero", "link to /dev/zero": link}
}

// TestSpecialFilesAreRefused: a FIFO or a device as a catalog is refused
// at once by every way of reading one, with an error naming the file.
func TestSpecialFilesAreRefused(t *testing.T) {
	for name, path := range specialFiles(t) {
		var s Sources
		check := func(how string, err error) {
			t.Helper()
			if err == nil || err.Error() != path+": not a regular file" {
				t.Errorf("%s %s: %v", name, how, err)
			}
		}
		within(t, name, func() {
			_, err := s.Load(context.Background(), path, 0)
			check("Load", err)
			_, _, err = s.Quick(path, 0)
			check("Quick", err)
			_, err = s.Reload(context.Background(), path)
			check("Reload", err)
			_, _, err = s.Lint(context.Background(), path)
			check("Lint", err)
		})
	}
}
