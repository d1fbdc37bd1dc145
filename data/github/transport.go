package github

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
)

// Limits of a request.
const (
	// Timeout bounds a request, its redirects and its body.
	Timeout = 10 * time.Second
	// MaxBody bounds an answer's body: a repository's JSON is a few KiB.
	MaxBody = 1 << 20
	// Concurrent is how many requests may be in flight at once.
	Concurrent   = 4
	maxRedirects = 5
)

// errTooLarge is an answer over MaxBody.
var errTooLarge = fmt.Errorf("the answer is larger than %s", disk.Size(MaxBody))

// transport is the round tripper under go-github. It puts the token on
// requests to the API's own scheme and host and on no other (a redirect
// elsewhere would carry it, were it set on every request as go-github's
// WithAuthToken does), waits for one of Concurrent slots, gives every
// answer's rate headers to the budget, and reads bodies through MaxBody.
type transport struct {
	base  http.RoundTripper
	api   *url.URL
	token func() string
	// budget is the rate budget a request's answer tells of.
	budget func(*url.URL) *budget
	slots  chan struct{}
	now    func() time.Time
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	select {
	case t.slots <- struct{}{}:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	// The slot is held until the body is read to its end or closed:
	// reading it is part of the request. (go-github reads an error's
	// body to its end and closes only a copy of it.)
	var once sync.Once
	release := func() { once.Do(func() { <-t.slots }) }
	req = req.Clone(req.Context())
	req.Header.Del("Authorization")
	if sameHost(req.URL, t.api) {
		if tok := t.token(); tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	b := t.budget(req.URL)
	b.observe(resp.StatusCode, resp.Header, t.now())
	b.save(t.now())
	if resp.ContentLength > MaxBody {
		resp.Body.Close()
		release()
		return nil, errTooLarge
	}
	resp.Body = &limitedBody{r: resp.Body, left: MaxBody, closed: release}
	return resp, nil
}

// sameHost reports whether u is on the API's scheme and host (with its
// port).
func sameHost(u, api *url.URL) bool {
	return strings.EqualFold(u.Scheme, api.Scheme) && strings.EqualFold(u.Host, api.Host)
}

// limitedBody reads a body and fails with errTooLarge past its limit,
// rather than stopping quietly: a cut JSON must not read as a whole one.
type limitedBody struct {
	r      io.ReadCloser
	left   int64
	closed func()
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		err = errTooLarge
	}
	if err != nil {
		b.closed() // the end, or an error: nothing more comes
	}
	return n, err
}

func (b *limitedBody) Close() error {
	err := b.r.Close()
	b.closed()
	return err
}

// errRedirect is a redirect away from the API's host, not followed.
var errRedirect = errors.New("redirected away from the API host; not followed")

// newHTTPClient returns the client go-github is given: the transport,
// the timeout, and redirects followed only within the API's host (a
// renamed repository answers 301 to /repositories/ID).
func newHTTPClient(t *transport, timeout time.Duration) *http.Client {
	return &http.Client{
		Transport: t,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if !sameHost(req.URL, t.api) {
				return errRedirect
			}
			return nil
		},
	}
}
