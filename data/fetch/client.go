package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// Limits of a download.
const (
	Timeout      = 10 * time.Second
	maxRedirects = 5
	maxBody      = 5 << 20
)

// CheckURL applies the rule for URLs the program fetches (catalogs, the
// GitHub API): https, or http to a loopback host for local testing.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not a valid URL: %s", inert.Quote(raw))
	}
	// The scheme first: "javascript:x" has no host, but what is wrong
	// with it is its scheme.
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("unsupported URL scheme %s: use https", inert.Quote(u.Scheme))
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL has no host: %s", inert.Quote(raw))
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("refusing plain http to %s: use https (http is only for localhost)", inert.Escape(u.Hostname()))
	}
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// NewHTTPClient returns the client for catalog downloads: a 10 s timeout,
// at most 5 redirects, each to a URL the rule allows.
func NewHTTPClient() *http.Client {
	return &http.Client{
		Timeout: Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return &redirectError{fmt.Sprintf("stopped after %d redirects", maxRedirects)}
			}
			target := req.URL.String()
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return &redirectError{"refused redirect to a non-http(s) URL: " + inert.Quote(target)}
			}
			if _, err := CheckURL(target); err != nil {
				return &redirectError{"redirected to a refused URL: " + err.Error()}
			}
			return nil
		},
	}
}

// redirectError is a redirect the client refused to follow.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// failure is how a download failed, for the notice of a fallback.
type failure int

const (
	unreachable failure = iota // no server answered: "offline"
	refused                    // a server answered with an error, or too slowly
	malformed                  // a server answered with something that is no catalog
)

// fetchError is a download that failed, and how. msg is clean text: any
// part of it that came from the server went through inert.
type fetchError struct {
	url  string
	msg  string
	kind failure
}

func (e *fetchError) Error() string {
	if e.kind == malformed {
		return inert.Escape(e.url) + " answered with something that is not a catalog: " + e.msg
	}
	return "could not fetch " + inert.Escape(e.url) + ": " + e.msg
}

// errNotModified is a 304 answer to a conditional request.
var errNotModified = errors.New("not modified")

// get sends one request, conditional on the validators when they are set,
// and reads a 2xx body of at most 5 MiB; it returns the response's
// validators.
func (r *Remote) get(ctx context.Context, rawURL string, validators cacheMeta) ([]byte, cacheMeta, error) {
	meta := cacheMeta{URL: rawURL}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, meta, &fetchError{url: rawURL, msg: inert.Escape(err.Error()), kind: refused}
	}
	req.Header.Set("Accept", "text/markdown, text/plain;q=0.9, */*;q=0.1")
	if validators.ETag != "" {
		req.Header.Set("If-None-Match", validators.ETag)
	}
	if validators.LastModified != "" {
		req.Header.Set("If-Modified-Since", validators.LastModified)
	}
	client := r.Client
	if client == nil {
		client = NewHTTPClient()
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, meta, describeFetch(rawURL, client.Timeout, err)
	}
	defer resp.Body.Close()
	conditional := validators.ETag != "" || validators.LastModified != ""
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return nil, meta, errNotModified
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, meta, &fetchError{url: rawURL, msg: "HTTP " + reason(resp.Status), kind: refused}
	case resp.ContentLength > maxBody:
		return nil, meta, &fetchError{url: rawURL, msg: tooLarge, kind: refused}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, meta, describeBody(rawURL, client.Timeout, err)
	}
	if len(body) > maxBody {
		return nil, meta, &fetchError{url: rawURL, msg: tooLarge, kind: refused}
	}
	meta.ETag = resp.Header.Get("ETag")
	meta.LastModified = resp.Header.Get("Last-Modified")
	return body, meta, nil
}

const tooLarge = "larger than 5 MiB, too large for a catalog"

// describeFetch turns an error of the request, before any body, into a
// short reason, and says whether a server answered at all.
func describeFetch(rawURL string, timeout time.Duration, err error) error {
	fe := &fetchError{url: rawURL, kind: unreachable}
	var (
		ue  *url.Error
		re  *redirectError
		dns *net.DNSError
		op  *net.OpError
	)
	switch {
	case errors.Is(err, context.Canceled):
		fe.msg = "cancelled"
	case errors.As(err, &re):
		fe.msg, fe.kind = re.msg, refused
	case errors.As(err, &ue) && ue.Timeout():
		fe.msg = "no answer within " + seconds(timeout)
	case errors.As(err, &dns):
		fe.msg = "no such host " + inert.Escape(dns.Name)
	case errors.As(err, &op) && op.Op == "dial":
		fe.msg = reason(op.Err.Error()) // "connect: connection refused", without the addresses
	default:
		// Connected, and what came back was no HTTP answer: a malformed
		// status line, a connection closed or reset mid-answer.
		fe.kind = malformed
		fe.msg = reason(withoutPackage(unwrapURL(err).Error()))
	}
	return fe
}

// describeBody turns an error while reading a body into a short reason:
// the server did answer, so it is never "offline".
func describeBody(rawURL string, timeout time.Duration, err error) error {
	fe := &fetchError{url: rawURL, kind: refused}
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		fe.msg = "cancelled"
	case errors.As(err, &ne) && ne.Timeout():
		fe.msg = "timed out after " + seconds(timeout) + " reading the body"
	case errors.Is(err, io.ErrUnexpectedEOF):
		fe.msg, fe.kind = "the body ended before the length the server declared", malformed
	default:
		fe.msg, fe.kind = "the body could not be read: "+reason(withoutPackage(unwrapURL(err).Error())), malformed
	}
	return fe
}

// unwrapURL is the error a *url.Error wraps: its text repeats the URL.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// withoutPackage is an error of net/http without the words that say
// where in Go it came from ("net/http: HTTP/1.x transport connection
// broken: "), which tell a user nothing.
func withoutPackage(msg string) string {
	msg = strings.TrimPrefix(msg, "net/http: ")
	return strings.TrimPrefix(msg, "HTTP/1.x transport connection broken: ")
}

// maxReason bounds how much of a server's words a message repeats.
const maxReason = 120

// reason is text from a server (a status line, an error naming what it
// sent) made fit for a message: what a terminal would act on removed,
// on one line, and cut at a word, never inside one.
func reason(s string) string {
	s = strings.Join(strings.Fields(inert.Text(s)), " ")
	if len(s) <= maxReason {
		return s
	}
	cut := strings.LastIndexByte(s[:maxReason+1], ' ')
	if cut <= 0 {
		return inert.Cap(s, maxReason) // one long word: no better place
	}
	return s[:cut] + "…"
}

// seconds writes a limit as the README does: "10 s"; "100ms" below a
// second.
func seconds(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return d.String()
}
