// Package parallel splits work over the machine's cores. It is the one
// place in upstream-tui that starts goroutines for computing: a single part
// runs inline, on the caller's goroutine, and a panic in any part comes
// back to the caller as an error instead of ending the program with the
// terminal still in raw mode.
package parallel

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// Parts says how to split n items: one part below threshold, else about
// one part per core (GOMAXPROCS) of size items each, the last perhaps
// shorter but none empty (unless n is 0), so a part's first item is always
// in range. Part p holds items [p*size, min((p+1)*size, n)).
func Parts(n, threshold int) (count, size int) {
	if n < threshold || n <= 1 {
		return 1, n
	}
	count = min(runtime.GOMAXPROCS(0), n)
	size = (n + count - 1) / count
	return (n + size - 1) / size, size
}

// Workers is how many parts are worth running at once: GOMAXPROCS, at most
// n, at least 1.
func Workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n))
}

// PanicError is a panic in a part, caught.
type PanicError struct {
	Part  int
	Value any
	Stack []byte
}

// Error says which part panicked and with what.
func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error in part %d: %v", e.Part, e.Value)
}

// Do runs work(p) for each part p in [0, count) and returns when all have
// ended: one part inline, more each on a goroutine of its own. A part that
// panics makes Do return a *PanicError (the first part's, if several did).
func Do(count int, work func(part int)) error {
	if count == 1 {
		return run(0, work) // no goroutine, and nothing to allocate
	}
	errs := make([]error, max(count, 0))
	var wg sync.WaitGroup
	for p := range count {
		wg.Go(func() { errs[p] = run(p, work) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// run runs one part, its panic caught as a *PanicError.
func run(p int, work func(part int)) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Part: p, Value: v, Stack: debug.Stack()}
		}
	}()
	work(p)
	return nil
}
