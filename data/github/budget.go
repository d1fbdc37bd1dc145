package github

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model"
)

// reserve is how many requests of the hour's budget are left unspent:
// the budget is shared with the user's other tools (gh, scripts) on the
// same token or address.
const reserve = 2

// waitUnknown is how long a 403 or 429 that says it is a rate limit but
// not when it ends is waited out: GitHub's docs say at least a minute.
const waitUnknown = time.Minute

// maxWait bounds any wait an answer or the rate record asks for: GitHub's
// primary limit resets within the hour, and its secondary limits ask for
// a minute or so. A reset or a retry-after further off (a server that is
// not GitHub, a clock gone wrong) would stop checks for good, the record
// carrying it into every later run.
const maxWait = time.Hour

// budget is GitHub's rate budget as the answers tell it: what remains of
// the primary limit and when it resets, and a time before which no
// request is sent at all (a limit was hit). It is safe for concurrent use.
type budget struct {
	mu sync.Mutex
	// known: an answer gave the remaining count, valid until reset.
	known     bool
	remaining int
	reset     time.Time
	// until: a 403 or 429 said to wait until then.
	until time.Time
	// pending counts requests sent and not yet answered: each will spend
	// one of remaining.
	pending int
	// authenticated is whether requests carry a token, for the error.
	authenticated bool
	// file keeps a spent budget for the next run ("": none), so that a
	// program started again does not ask to learn it again; loaded: it
	// was read.
	file   string
	loaded bool
}

// budgetRecord is a spent budget as the file keeps it: for the kind of
// requests it was spent by (with a token or without), never the token.
type budgetRecord struct {
	Authenticated bool      `json:"authenticated"`
	Remaining     int       `json:"remaining"`
	Reset         time.Time `json:"reset"`
	Until         time.Time `json:"until,omitzero"`
}

// load reads the budget the last run left, when it was spent by the same
// kind of requests and has not reset. The caller holds mu.
func (b *budget) load(now time.Time) {
	b.loaded = true
	if b.file == "" {
		return
	}
	raw, err := disk.ReadRegular(b.file, 4<<10, "a rate record")
	var r budgetRecord
	if err != nil || json.Unmarshal(raw, &r) != nil || r.Authenticated != b.authenticated {
		return
	}
	if now.Before(r.Reset) && r.Remaining >= 0 {
		b.known, b.remaining, b.reset = true, r.Remaining, earlier(r.Reset, now.Add(maxWait))
	}
	b.until = later(b.until, earlier(r.Until, now.Add(maxWait)))
}

// save keeps the budget for the next run when it is spent (a wait, or
// no more than the reserve left); a budget with room is not written.
func (b *budget) save(now time.Time) {
	b.mu.Lock()
	r := budgetRecord{Authenticated: b.authenticated, Remaining: b.remaining, Reset: b.reset, Until: b.until}
	spent := now.Before(b.until) || b.known && b.remaining <= reserve && now.Before(b.reset)
	b.mu.Unlock()
	if b.file == "" || !spent {
		return
	}
	raw, err := json.Marshal(r)
	if err != nil || os.MkdirAll(filepath.Dir(b.file), 0o755) != nil {
		return
	}
	_ = writeFile(b.file, append(raw, '\n')) // unsaved, the next run asks once
}

// take reserves one request, or refuses with a *model.RateLimitError
// when the budget is spent or a limit said to wait; done returns it.
// need is how many requests the work it starts takes in all (a check:
// the repository and its release), so that none is begun that the
// budget cannot finish.
func (b *budget) take(now time.Time, need int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.loaded {
		b.load(now)
	}
	if now.Before(b.until) {
		return &model.RateLimitError{Reset: b.until, Authenticated: b.authenticated}
	}
	if b.known && !now.Before(b.reset) {
		b.known = false // a new hour
	}
	if b.known && b.remaining-b.pending-need < reserve {
		return &model.RateLimitError{Reset: b.reset, Authenticated: b.authenticated}
	}
	b.pending++
	return nil
}

// done returns a request take reserved, answered or not.
func (b *budget) done() {
	b.mu.Lock()
	b.pending--
	b.mu.Unlock()
}

// observe reads an answer's rate headers: x-ratelimit-remaining and
// -reset always, and for a 403 or 429 that is a rate limit
// (remaining 0, or a retry-after) the time to wait. A 429 is always a
// limit; one that says nothing of when it ends is waited out for a
// minute.
func (b *budget) observe(status int, h http.Header, now time.Time) {
	remaining, errR := strconv.Atoi(h.Get("X-Ratelimit-Remaining"))
	resetSec, errT := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64)
	reset := earlier(time.Unix(resetSec, 0), now.Add(maxWait))
	b.mu.Lock()
	defer b.mu.Unlock()
	if errR == nil && errT == nil && remaining >= 0 {
		b.known, b.remaining, b.reset = true, remaining, reset
	}
	if status != http.StatusForbidden && status != http.StatusTooManyRequests {
		return
	}
	var wait time.Time
	if s, err := strconv.ParseInt(h.Get("Retry-After"), 10, 64); err == nil && s >= 0 {
		wait = now.Add(time.Duration(min(s, int64(maxWait/time.Second))) * time.Second)
	}
	if errR == nil && remaining == 0 && errT == nil {
		wait = later(wait, reset)
	}
	if wait.IsZero() && status == http.StatusTooManyRequests {
		wait = now.Add(waitUnknown)
	}
	b.until = later(b.until, wait)
}

// block refuses every request until t: a secondary limit go-github
// recognised by its body, with no header to say for how long.
func (b *budget) block(t time.Time) {
	b.mu.Lock()
	b.until = later(b.until, t)
	b.mu.Unlock()
}

// setAuthenticated records whether requests carry a token.
func (b *budget) setAuthenticated(yes bool) {
	b.mu.Lock()
	b.authenticated = yes
	b.mu.Unlock()
}

// limited is the error for a limit that resets at reset.
func (b *budget) limited(reset time.Time) *model.RateLimitError {
	b.mu.Lock()
	defer b.mu.Unlock()
	return &model.RateLimitError{Reset: reset, Authenticated: b.authenticated}
}

// refusing returns the *model.RateLimitError a request would get now, or
// nil.
func (b *budget) refusing(now time.Time) *model.RateLimitError {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case now.Before(b.until):
		return &model.RateLimitError{Reset: b.until, Authenticated: b.authenticated}
	case b.known && now.Before(b.reset) && b.remaining <= reserve:
		return &model.RateLimitError{Reset: b.reset, Authenticated: b.authenticated}
	}
	return nil
}

// earlier is the earlier of a and b.
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
