// Package state keeps what upstream-tui remembers between runs (the
// projects opened lately, the last tab: model.State) in a JSON file in the
// user's state directory: Store loads and saves it, DefaultDir finds the
// directory. Several instances may save at once (the app and `open` in
// another terminal): a save holds a lock beside the file, merges with
// what is there and replaces the file atomically (merge.go, lock_*.go).
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// DefaultDir is where upstream-tui keeps what it remembers between
// runs: $XDG_STATE_HOME/upstream-tui, else the platform's equivalent
// (~/.local/state/upstream-tui on Linux); "" when there is no home.
func DefaultDir() string {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "upstream-tui")
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		if dir, err := os.UserConfigDir(); err == nil {
			return filepath.Join(dir, "upstream-tui", "state")
		}
		return ""
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".local", "state", "upstream-tui")
}

// Store keeps the app's model.State in Dir/state.json.
type Store struct {
	Dir string // "": nothing is remembered
}

func (s Store) path() string { return filepath.Join(s.Dir, "state.json") }

// maxStateSize bounds the state file: 50 recents take about 5 KiB.
const maxStateSize = 4 << 20

// Load returns the remembered state. A missing file is an empty state; an
// unreadable or corrupt one (a FIFO, /dev/zero, a file over 4 MiB, not
// JSON) is an empty state and an error to show as a notice, never a
// reason to stop.
func (s Store) Load() (model.State, error) {
	var st model.State
	if s.Dir == "" {
		return st, nil
	}
	raw, err := disk.ReadRegular(s.path(), maxStateSize, "a state file")
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	name := inert.Escape(s.path())
	if err != nil {
		return st, fmt.Errorf("%s: %s; starting afresh", name, disk.Reason(err))
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return model.State{}, fmt.Errorf("%s: not a state file (%s); ignored, it will be replaced", name, inert.Escape(err.Error()))
	}
	return st, nil
}

// Save writes the state, merged with what the file holds now: another
// instance may have saved since this one loaded, and what it remembered
// is kept (merge). It holds the lock beside the file while it reads,
// merges and replaces the file, so two saves never interleave; the file
// is replaced atomically, so a save cut short leaves the old one whole.
// A file that cannot be read is replaced, as Load promises.
func (s Store) Save(st model.State) error {
	if s.Dir == "" {
		return nil
	}
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return err
	}
	unlock, err := lock(s.path()+".lock", lockWait)
	if err != nil {
		return fmt.Errorf("%s: %s", inert.Escape(s.path()), err)
	}
	defer unlock()
	if there, err := s.Load(); err == nil {
		st = merge(there, st)
	}
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return disk.WriteAtomic(s.path(), append(raw, '\n'))
}
