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
)

// Limits of a download.
const (
	Timeout      = 10 * time.Second
	maxRedirects = 5
	maxBody      = 5 << 20
)

// checkURL applies the rule for catalog URLs: https, or http to a
// loopback host for local testing.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not a valid URL: %q", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL has no host: %q", raw)
	}
	switch u.Scheme {
	case "https":
		return u, nil
	case "http":
		if isLoopback(u.Hostname()) {
			return u, nil
		}
		return nil, fmt.Errorf("refusing plain http to %s: use https (http is only for localhost)", u.Hostname())
	}
	return nil, fmt.Errorf("unsupported URL scheme %q: use https", u.Scheme)
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
			if _, err := checkURL(req.URL.String()); err != nil {
				return &redirectError{"redirected to a refused URL: " + err.Error()}
			}
			return nil
		},
	}
}

// redirectError is a redirect the client refused to follow.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// fetchError is a download that failed; offline when no server answered.
type fetchError struct {
	url     string
	msg     string
	offline bool
}

func (e *fetchError) Error() string { return "could not fetch " + e.url + ": " + e.msg }

// errNotModified is a 304 answer to a conditional request.
var errNotModified = errors.New("not modified")

// get sends one request, conditional on the validators when they are set,
// and reads a 2xx body of at most 5 MiB; it returns the response's
// validators.
func (r *Remote) get(ctx context.Context, rawURL string, validators cacheMeta) ([]byte, cacheMeta, error) {
	meta := cacheMeta{URL: rawURL}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, meta, &fetchError{url: rawURL, msg: err.Error()}
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
		return nil, meta, &fetchError{url: rawURL, msg: "HTTP " + resp.Status}
	case resp.ContentLength > maxBody:
		return nil, meta, &fetchError{url: rawURL, msg: tooLarge}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, meta, describeFetch(rawURL, client.Timeout, err)
	}
	if len(body) > maxBody {
		return nil, meta, &fetchError{url: rawURL, msg: tooLarge}
	}
	meta.ETag = resp.Header.Get("ETag")
	meta.LastModified = resp.Header.Get("Last-Modified")
	return body, meta, nil
}

const tooLarge = "larger than 5 MiB, too large for a catalog"

// describeFetch turns a client error into a short reason.
func describeFetch(rawURL string, timeout time.Duration, err error) error {
	fe := &fetchError{url: rawURL, msg: err.Error(), offline: true}
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
		fe.msg, fe.offline = re.msg, false
	case errors.As(err, &ue) && ue.Timeout():
		fe.msg = "no answer within " + timeout.String()
	case errors.As(err, &dns):
		fe.msg = "no such host " + dns.Name
	case errors.As(err, &op):
		fe.msg = op.Err.Error() // "connect: connection refused", without the addresses
	case errors.As(err, &ue):
		fe.msg = ue.Err.Error()
	}
	return fe
}
