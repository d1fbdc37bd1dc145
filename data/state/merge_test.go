package state

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// TestSavesAtOnceKeepEveryOpen: instances that load, open a project and
// save at the same time, each with its own Store, all find their project
// in the file afterwards; the last tab is the last saver's.
func TestSavesAtOnceKeepEveryOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "upstream-tui")
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			s := Store{Dir: dir}
			st, err := s.Load()
			if err != nil {
				errs <- err
				return
			}
			st.Opened(fmt.Sprintf("Project %02d", i), t0.Add(time.Duration(i)*time.Minute))
			st.LastTab = "Area"
			errs <- s.Save(st)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := Store{Dir: dir}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Recents) != n {
		t.Fatalf("%d of %d opens kept: %+v", len(got.Recents), n, got.Recents)
	}
	for i, r := range got.Recents { // most recent first
		if want := fmt.Sprintf("Project %02d", n-1-i); r.Project != want {
			t.Errorf("recents[%d] = %s, want %s", i, r.Project, want)
		}
	}
	if got.LastTab != "Area" {
		t.Errorf("last tab %q", got.LastTab)
	}
}

// TestMerge: the union of both, each project at its later time, most
// recent first, bounded; the saver's last tab, even when empty (All).
func TestMerge(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	var there, mine model.State
	there.Opened("Moby", t0)
	there.Opened("Kind", t0.Add(2*time.Hour))
	there.LastTab = "Runtime"
	mine.Opened("Kind", t0.Add(time.Hour)) // older than the file's
	mine.Opened("Moby", t0.Add(3*time.Hour))
	mine.Opened("Helm", t0.Add(4*time.Hour))
	got := merge(there, mine)
	want := model.State{Recents: []model.Recent{
		{Project: "Helm", Opened: t0.Add(4 * time.Hour)},
		{Project: "Moby", Opened: t0.Add(3 * time.Hour)},
		{Project: "Kind", Opened: t0.Add(2 * time.Hour)},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge:\n got %+v\nwant %+v", got, want)
	}

	var many model.State
	for i := range 80 {
		many.Opened(fmt.Sprint(i), t0.Add(time.Duration(i)*time.Minute))
	}
	if got := merge(many, mine); len(got.Recents) != len(many.Recents) || got.Recents[0].Project != "Helm" {
		t.Errorf("bounded: %d recents, first %+v", len(got.Recents), got.Recents[0])
	}
}
