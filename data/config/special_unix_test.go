//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSpecialConfigFiles: a FIFO, /dev/zero or a link to it as the
// config is refused at once with one line naming the file.
func TestSpecialConfigFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero", link} {
		done := make(chan error, 1)
		go func() {
			_, err := Load(path, testActions, nil)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != path+": not a regular file" {
				t.Errorf("%s: %v", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", path)
		}
	}
}
