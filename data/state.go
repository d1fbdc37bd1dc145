package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/upstream-tui/upstream-tui/model"
)

// DefaultStateDir is where upstream-tui keeps what it remembers between
// runs: $XDG_STATE_HOME/upstream-tui, else the platform's equivalent
// (~/.local/state/upstream-tui on Linux); "" when there is no home.
func DefaultStateDir() string {
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

// StateStore keeps the app's State in Dir/state.json.
type StateStore struct {
	Dir string // "": nothing is remembered
}

func (s StateStore) path() string { return filepath.Join(s.Dir, "state.json") }

// Load returns the remembered state. A missing file is an empty state; an
// unreadable or corrupt one is an empty state and an error to show as a
// notice, never a reason to stop.
func (s StateStore) Load() (model.State, error) {
	var st model.State
	if s.Dir == "" {
		return st, nil
	}
	raw, err := os.ReadFile(s.path())
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("%s: %s; starting afresh", s.path(), describe(err))
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return model.State{}, fmt.Errorf("%s: not a state file (%v); ignored, it will be replaced", s.path(), err)
	}
	return st, nil
}

// Save writes the state atomically.
func (s StateStore) Save(st model.State) error {
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
	return writeAtomic(s.path(), append(raw, '\n'))
}
