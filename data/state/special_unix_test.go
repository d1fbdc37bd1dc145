//go:build unix

package state

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// TestSpecialStateFiles: a FIFO, /dev/zero or a link to it, or a file
// over 4 MiB as the state file is reported at once, naming the file, and
// a save replaces it with a state file.
func TestSpecialStateFiles(t *testing.T) {
	for _, kind := range []string{"fifo", "link to /dev/zero", "too large"} {
		dir := filepath.Join(t.TempDir(), "upstream-tui")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "state.json")
		var err error
		switch kind {
		case "fifo":
			err = syscall.Mkfifo(path, 0o600)
		case "too large":
			err = os.WriteFile(path, []byte(`{"last_tab": "`+strings.Repeat("x", 4<<20)+`"}`), 0o644)
		default:
			err = os.Symlink("/dev/zero", path)
		}
		if err != nil {
			t.Fatal(err)
		}
		want := path + ": not a regular file; starting afresh"
		if kind == "too large" {
			want = path + ": larger than 4 MiB, too large for a state file; starting afresh"
		}
		s := Store{Dir: dir}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if _, err := s.Load(); err == nil || err.Error() != want {
				t.Errorf("%s: load: %v", kind, err)
			}
			var st model.State
			st.Opened("Moby", time.Now())
			if err := s.Save(st); err != nil {
				t.Errorf("%s: save: %v", kind, err)
			}
			if got, err := s.Load(); err != nil || len(got.Recents) != 1 {
				t.Errorf("%s: after the save: %+v %v", kind, got, err)
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", kind)
		}
	}
}
