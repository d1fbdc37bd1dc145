package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
)

// TestLimitsMeasuredByServer: six hosts, ten links each; the server
// counts the requests it holds at once, per host and in all.
func TestLimitsMeasuredByServer(t *testing.T) {
	var (
		mu            sync.Mutex
		now           = map[string]int{}
		total         int
		maxHost       = map[string]int{}
		maxTotal      int
		requestsTotal int
	)
	s := newServer(t, func(_ *server, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now[r.Host]++
		total++
		requestsTotal++
		maxHost[r.Host] = max(maxHost[r.Host], now[r.Host])
		maxTotal = max(maxTotal, total)
		mu.Unlock()
		// Held a moment, so that requests the checker would send at
		// once overlap here.
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		now[r.Host]--
		total--
		mu.Unlock()
	})
	var links []Link
	for h := range 6 {
		for i := range 10 {
			links = append(links, Link{Line: len(links) + 1, URL: fmt.Sprintf("https://h%d.test/%d", h, i)})
		}
	}
	c := checker(s, nil)
	c.Pause = time.Millisecond
	c.Sleep = sleep
	if fs := c.Check(context.Background(), links); len(fs) != 0 {
		t.Fatalf("findings %v, want none", fs)
	}
	if requestsTotal != 60 {
		t.Errorf("%d requests, want 60", requestsTotal)
	}
	for h, n := range maxHost {
		if n > 2 {
			t.Errorf("%s: %d requests at once, want at most 2", h, n)
		}
	}
	if maxTotal > 8 {
		t.Errorf("%d requests at once in all, want at most 8", maxTotal)
	}
	t.Logf("at most %d at once in all, per host %v", maxTotal, maxHost)
}

// TestPauseBetweenRequestsToAHost: with a clock that stands still, each
// request to a host waits one pause more than the one before; another
// host does not wait.
func TestPauseBetweenRequestsToAHost(t *testing.T) {
	var slept []time.Duration
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimits(8, 8, time.Second, func(_ context.Context, d time.Duration) error {
		slept = append(slept, d)
		return nil
	}, func() time.Time { return at })
	for _, host := range []string{"a.test", "a.test", "A.test", "b.test"} {
		release, err := l.acquire(context.Background(), host)
		if err != nil {
			t.Fatal(err)
		}
		release()
	}
	if fmt.Sprint(slept) != "[1s 2s]" {
		t.Errorf("slept %v, want [1s 2s]", slept)
	}
}
