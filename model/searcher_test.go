package model

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/upstream-tui/upstream-tui/model/parallel"
)

// TestWorkerPanicReachesCaller: a panic on one of a search's cores is
// raised again on the caller's goroutine, where Bubble Tea recovers it,
// not on the worker's, where it would end the program with the terminal
// in raw mode.
func TestWorkerPanicReachesCaller(t *testing.T) {
	defer func(min int) { parallelMin = min }(parallelMin)
	parallelMin = 2
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ps := make([]Project, 40)
	for i := range ps {
		ps[i] = Project{Name: fmt.Sprintf("project %d", i)}
	}
	if count, _ := parallel.Parts(len(ps), parallelMin); count < 2 {
		t.Fatalf("%d projects make %d part: nothing runs on a worker", len(ps), count)
	}
	ix := NewIndex(ps)
	s := ix.NewSearcher()
	// stop is called on the search's cores: a panic there is a worker's.
	boom := func() bool { panic("boom") }

	defer func() {
		var pe *parallel.PanicError
		err, _ := recover().(error)
		if !errors.As(err, &pe) || pe.Value != "boom" {
			t.Fatalf("recovered %v, want a *parallel.PanicError of boom", err)
		}
		// The Searcher is still usable: the panic left no half-done search.
		if ms := s.Search("project 3"); len(ms) == 0 || ms[0].Project != 3 {
			t.Errorf("after the panic, Search(project 3) = %+v", ms)
		}
	}()
	s.SearchUntil("project", boom)
	t.Fatal("a worker's panic did not reach the caller")
}
