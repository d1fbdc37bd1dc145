// Package state keeps what upstream-tui remembers between runs (the
// projects opened lately, the last tab: model.State) in a JSON file in the
// user's state directory: Store loads and saves it, DefaultDir finds the
// directory.
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

// Load returns the remembered state. A missing file is an empty state; an
// unreadable or corrupt one is an empty state and an error to show as a
// notice, never a reason to stop.
func (s Store) Load() (model.State, error) {
	var st model.State
	if s.Dir == "" {
		return st, nil
	}
	raw, err := os.ReadFile(s.path())
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("%s: %s; starting afresh", s.path(), disk.Reason(err))
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return model.State{}, fmt.Errorf("%s: not a state file (%v); ignored, it will be replaced", s.path(), err)
	}
	return st, nil
}

// Save writes the state atomically.
func (s Store) Save(st model.State) error {
	if s.Dir == "" {
		return nil
	}
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return err
	}
	return disk.WriteAtomic(s.path(), append(raw, '\n'))
}
