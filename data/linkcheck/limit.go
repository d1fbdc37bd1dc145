package linkcheck

import (
	"context"
	"strings"
	"sync"
	"time"
)

// limits keeps a run's requests within its budget: total at once in all,
// perHost at once to one host, and pause between the starts of two
// requests to one host.
type limits struct {
	total   chan struct{}
	perHost int
	pause   time.Duration
	sleep   func(context.Context, time.Duration) error
	now     func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostLimit
}

// hostLimit is one host's share: its slots, and when its next request
// may start.
type hostLimit struct {
	slots chan struct{}
	next  time.Time
}

func newLimits(total, perHost int, pause time.Duration, sleep func(context.Context, time.Duration) error, now func() time.Time) *limits {
	return &limits{
		total: make(chan struct{}, total), perHost: perHost, pause: pause,
		sleep: sleep, now: now, hosts: map[string]*hostLimit{},
	}
}

func (l *limits) totalCap() int { return cap(l.total) }

// acquire waits for a slot to host, its turn after the pause, and a slot
// in all, in that order: a request waiting for a busy host holds none of
// the slots others could use. It returns ctx's error when ctx ends
// first; else release must be called when the request is done.
func (l *limits) acquire(ctx context.Context, host string) (release func(), err error) {
	h := l.host(host)
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	l.mu.Lock()
	now := l.now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(l.pause)
	l.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		if err := l.sleep(ctx, wait); err != nil {
			<-h.slots
			return nil, err
		}
	}
	select {
	case l.total <- struct{}{}:
	case <-ctx.Done():
		<-h.slots
		return nil, ctx.Err()
	}
	return func() { <-l.total; <-h.slots }, nil
}

func (l *limits) host(name string) *hostLimit {
	name = strings.ToLower(name)
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[name]
	if h == nil {
		h = &hostLimit{slots: make(chan struct{}, l.perHost)}
		l.hosts[name] = h
	}
	return h
}
