package state

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

func TestStateStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "upstream-tui")
	s := Store{Dir: dir}
	st, err := s.Load()
	if err != nil || len(st.Recents) != 0 {
		t.Fatalf("no file: %+v %v", st, err)
	}
	st.Opened("Moby", time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	st.LastTab = "Container Runtime"
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || !reflect.DeepEqual(got, st) {
		t.Errorf("round trip: %+v %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "state.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = s.Load()
	if err == nil || !strings.Contains(err.Error(), "state.json: not a state file") || len(got.Recents) != 0 {
		t.Errorf("corrupt: %+v %v", got, err)
	}
	if err := s.Save(model.State{}); err != nil {
		t.Errorf("a corrupt file is replaced: %v", err)
	}
}
