package parallel

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestPartsCoverEveryItemOnce(t *testing.T) {
	// More cores than some counts of items: parts that could be empty.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, threshold := range []int{2, 2048} {
		for _, n := range []int{0, 1, 2, 3, 5, 7, 9, 100, 2047, 2048, 2049, 10_001} {
			count, size := Parts(n, threshold)
			if n < threshold && count != 1 {
				t.Errorf("Parts(%d, %d) = %d parts, want 1 below the threshold", n, threshold, count)
			}
			if n >= threshold && n > 1 && count < 2 {
				t.Errorf("Parts(%d, %d) = %d parts, want it split", n, threshold, count)
			}
			if n > 0 && (count-1)*size >= n {
				t.Errorf("Parts(%d, %d) = %d parts of %d: the last is empty", n, threshold, count, size)
			}
			seen := make([]int32, n)
			if err := Do(count, func(p int) {
				for i := p * size; i < min((p+1)*size, n); i++ {
					atomic.AddInt32(&seen[i], 1)
				}
			}); err != nil {
				t.Fatal(err)
			}
			for i, s := range seen {
				if s != 1 {
					t.Fatalf("n=%d, threshold %d: item %d done %d times", n, threshold, i, s)
				}
			}
		}
	}
}

func TestOnePartRunsInline(t *testing.T) {
	// Inline, a part sees the caller's goroutine: no goroutine is added.
	before := runtime.NumGoroutine()
	var during int
	if err := Do(1, func(int) { during = runtime.NumGoroutine() }); err != nil {
		t.Fatal(err)
	}
	if during != before {
		t.Errorf("goroutines during a single part: %d, before: %d", during, before)
	}
}

func TestPanicBecomesError(t *testing.T) {
	for _, count := range []int{1, 4} {
		var done atomic.Int32
		err := Do(count, func(p int) {
			if p == count-1 {
				panic("boom")
			}
			done.Add(1)
		})
		var pe *PanicError
		if !errors.As(err, &pe) || pe.Part != count-1 || pe.Value != "boom" || len(pe.Stack) == 0 {
			t.Fatalf("count %d: err = %v, want the panic of part %d", count, err, count-1)
		}
		if int(done.Load()) != count-1 {
			t.Errorf("count %d: %d parts finished, want %d", count, done.Load(), count-1)
		}
	}
}
