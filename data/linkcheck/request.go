package linkcheck

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// The limits of checking one URL.
const (
	maxRedirects  = 10
	maxTries      = 3 // tries of a URL that answers 429 or 503
	maxRetryAfter = 30 * time.Second
	maxBody       = 64 << 10 // what a GET reads of a body
	maxTimeouts   = 2        // a URL that times out this often is "timed out"
)

// answer is what requesting a URL gave: the answers on the way, or why
// there was no last one.
type answer struct {
	Hops []model.Hop
	// Status is the last answer's status; 0 when there was none.
	Status int
	// Tries is how often the last URL was tried (429 and 503 are retried).
	Tries int
	// Challenged: the last answer was a bot challenge (Cloudflare's).
	Challenged bool
	// Err says why the chain ended without an answer: "timed out",
	// "redirect loop", an unreachable host. Clean text.
	Err string
	// NotChecked: the run's time was up before the URL was checked.
	NotChecked bool
}

// reply is one request's answer.
type reply struct {
	status     int
	location   string
	retryAfter string
	challenged bool
}

var (
	errNotChecked = errors.New("not checked")
	errTimedOut   = errors.New("timed out")
	errTimeout    = errors.New("request timed out") // one request; tried again
)

// follow requests raw and follows its redirects by hand, up to 10, so
// that every hop's status is known.
func (r *run) follow(ctx context.Context, raw string) answer {
	var a answer
	cur := raw
	seen := map[string]bool{cur: true}
	for {
		rep, tries, err := r.requestOnce(ctx, cur)
		switch {
		case errors.Is(err, errNotChecked):
			a.NotChecked = true
			return a
		case err != nil:
			a.Err = err.Error()
			return a
		}
		a.Hops = append(a.Hops, model.Hop{URL: cur, Status: rep.status})
		a.Status, a.Tries, a.Challenged = rep.status, tries, rep.challenged
		if !isRedirect(rep.status) || rep.location == "" {
			return a
		}
		if len(a.Hops) > maxRedirects {
			a.Err = "too many redirects (over 10)"
			return a
		}
		next, ok := resolve(cur, rep.location)
		switch {
		case !ok:
			a.Err = "redirects to a URL that is not http(s): " + shown(rep.location)
			return a
		case seen[next]:
			a.Err = "redirect loop"
			return a
		}
		seen[next] = true
		cur = next
	}
}

// requestCall is the answer to one URL, asked once in a run: links
// whose redirects end at one page (a sign-in page, a new home) ask it
// once.
type requestCall struct {
	once  sync.Once
	rep   reply
	tries int
	err   error
}

// requestOnce is request, once per URL in a run.
func (r *run) requestOnce(ctx context.Context, u string) (reply, int, error) {
	r.mu.Lock()
	call := r.requests[u]
	if call == nil {
		call = &requestCall{}
		r.requests[u] = call
	}
	r.mu.Unlock()
	call.once.Do(func() { call.rep, call.tries, call.err = r.request(ctx, u) })
	return call.rep, call.tries, call.err
}

// request asks for one URL: again after a timeout (twice is "timed
// out"), and up to 3 tries in all while it answers 429 or 503, waiting
// as Retry-After says (at most 30 s) or backing off.
func (r *run) request(ctx context.Context, u string) (rep reply, tries int, err error) {
	timeouts := 0
	for tries = 1; ; tries++ {
		rep, err = r.headThenGet(ctx, u)
		if errors.Is(err, errTimeout) {
			if timeouts++; timeouts < maxTimeouts {
				continue
			}
			return rep, tries, errTimedOut
		}
		if err != nil {
			return rep, tries, err
		}
		if (rep.status != http.StatusTooManyRequests && rep.status != http.StatusServiceUnavailable) || tries >= maxTries {
			return rep, tries, nil
		}
		if r.sleep(ctx, r.retryWait(rep.retryAfter, tries)) != nil {
			return rep, tries, errNotChecked
		}
	}
}

// headThenGet asks with HEAD, and with GET when HEAD is refused (405,
// 501) or answered 403 or 404, which some servers give HEAD alone: GET's
// answer is then the URL's, unless GET fails outright.
func (r *run) headThenGet(ctx context.Context, u string) (reply, error) {
	rep, err := r.send(ctx, http.MethodHead, u)
	if err != nil {
		return rep, err
	}
	switch rep.status {
	case http.StatusMethodNotAllowed, http.StatusNotImplemented, http.StatusForbidden, http.StatusNotFound:
		if got, err := r.send(ctx, http.MethodGet, u); err == nil || errors.Is(err, errNotChecked) {
			return got, err
		}
	}
	return rep, nil
}

// send makes one request within the run's limits and the per-request
// timeout; a GET's body is read no further than 64 KiB.
func (r *run) send(ctx context.Context, method, u string) (reply, error) {
	host := ""
	if pu, err := url.Parse(u); err == nil {
		host = pu.Host
	}
	release, err := r.limits.acquire(ctx, host)
	if err != nil {
		return reply{}, errNotChecked
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, r.requestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u, nil)
	if err != nil {
		return reply{}, errors.New("not a URL that can be requested")
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := r.client.Do(req)
	if err == nil {
		defer resp.Body.Close()
		if method == http.MethodGet {
			_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
		}
	}
	if err != nil {
		return reply{}, failure(ctx, rctx, err)
	}
	return reply{
		status:     resp.StatusCode,
		location:   resp.Header.Get("Location"),
		retryAfter: resp.Header.Get("Retry-After"),
		challenged: resp.Header.Get("Cf-Mitigated") == "challenge",
	}, nil
}

// userAgent names the checker to servers, as link checkers do.
const userAgent = "upstream-tui-linkcheck/1 (+https://github.com/upstream-tui/upstream-tui)"

// failure says why a request failed: the run's time up, this request's
// time up, or the reason in a few clean words.
func failure(ctx, rctx context.Context, err error) error {
	var (
		dns *net.DNSError
		op  *net.OpError
		ne  net.Error
	)
	switch {
	case ctx.Err() != nil:
		return errNotChecked
	case errors.Is(rctx.Err(), context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return errTimeout
	case errors.As(err, &dns):
		return errors.New("no such host")
	case errors.As(err, &op) && op.Op == "dial":
		return errors.New("could not connect: " + shortReason(op.Err.Error()))
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	// Without the words that say where in Go it came from.
	msg := err.Error()
	for _, prefix := range []string{"net/http: ", "HTTP/1.x transport connection broken: ", "net/http: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return errors.New(shortReason(msg))
}

// shortReason is an error's text, from the network or a server, made
// inert and bounded.
func shortReason(s string) string {
	return inert.Cap(strings.Join(strings.Fields(inert.Text(s)), " "), 120)
}

// retryWait is how long to wait before the next try: what Retry-After
// says (seconds or a date), at most 30 s; else 1 s, 2 s, 4 s.
func (r *run) retryWait(retryAfter string, tries int) time.Duration {
	retryAfter = strings.TrimSpace(retryAfter)
	if s, err := strconv.Atoi(retryAfter); err == nil && s >= 0 {
		return min(time.Duration(s)*time.Second, maxRetryAfter)
	}
	if t, err := http.ParseTime(retryAfter); err == nil {
		return min(max(t.Sub(r.now()), 0), maxRetryAfter)
	}
	return time.Second << (tries - 1)
}

// isRedirect reports whether status sends the client elsewhere.
func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// resolve returns the URL a Location leads to from cur, without its
// fragment; ok is false unless it is http(s).
func resolve(cur, location string) (string, bool) {
	base, err := url.Parse(cur)
	if err != nil {
		return "", false
	}
	return httpURL(base.Parse(strings.TrimSpace(location)))
}
