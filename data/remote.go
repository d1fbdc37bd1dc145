package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// Limits of a download.
const (
	FetchTimeout = 10 * time.Second
	maxRedirects = 5
	maxBody      = 5 << 20
)

// IsURL reports whether a catalog source names a URL rather than a file.
func IsURL(source string) bool {
	s := strings.ToLower(source)
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

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
		Timeout: FetchTimeout,
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

// DefaultCacheDir is upstream-tui's directory in the user cache directory,
// or "" when the platform has none (then nothing is cached).
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "upstream-tui")
}

// Remote reads catalogs from URLs through a cache. Its zero value works:
// the default client, no cache.
type Remote struct {
	Client *http.Client // nil: NewHTTPClient()
	// CacheDir keeps the downloads; empty: nothing is cached.
	CacheDir string
	// Now tells the time; nil: time.Now.
	Now func() time.Time
}

func (r *Remote) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Cached returns at once, without the network, what to show for a URL:
// its cached copy, else the embedded catalog with a notice. stale is set
// when the cached copy is maxAge old or older, or missing, so a Fetch
// should follow. An error means the URL itself is refused.
func (r *Remote) Cached(rawURL string, maxAge time.Duration) (cat *model.Catalog, stale bool, err error) {
	if _, err := checkURL(rawURL); err != nil {
		return nil, false, err
	}
	if e := readCache(r.CacheDir, rawURL); e != nil {
		return e.catalog(model.OriginCache), r.now().Sub(e.meta.Fetched) >= maxAge, nil
	}
	cat, err = LoadEmbedded()
	if err != nil {
		return nil, false, err
	}
	cat.Origin = model.Origin{Kind: model.OriginEmbedded, Name: EmbeddedName, Asked: rawURL,
		Notice: "showing the embedded catalog until " + model.ShortURL(rawURL) + " is fetched"}
	return cat, true, nil
}

// Load returns a URL's catalog for a command: the cached copy while it is
// younger than maxAge (0: never), else a download; when the download
// fails, the cached copy or the embedded catalog, with a notice that says
// which and why. An error means the URL itself is refused.
func (r *Remote) Load(ctx context.Context, rawURL string, maxAge time.Duration) (*model.Catalog, error) {
	cat, stale, err := r.Cached(rawURL, maxAge)
	if err != nil || !stale {
		return cat, err
	}
	fresh, err := r.Fetch(ctx, rawURL)
	if err == nil {
		return fresh, nil
	}
	return r.fallback(cat, err), nil
}

// fallback marks what Cached gave as standing in for a failed download.
func (r *Remote) fallback(cat *model.Catalog, err error) *model.Catalog {
	o := &cat.Origin
	prefix := "not updated"
	var fe *fetchError
	if errors.As(err, &fe) && fe.offline {
		prefix = "offline"
	}
	if o.Kind == model.OriginCache {
		o.Notice = fmt.Sprintf("%s: showing the copy cached %s (%v)", prefix, model.Ago(r.now().Sub(o.Fetched)), err)
	} else {
		o.Notice = fmt.Sprintf("%s: showing the embedded catalog (%v)", prefix, err)
	}
	return cat
}

// fetchError is a download that failed; offline when no server answered.
type fetchError struct {
	url     string
	msg     string
	offline bool
}

func (e *fetchError) Error() string { return "could not fetch " + e.url + ": " + e.msg }

// Fetch downloads a URL's catalog now, sending the cached copy's
// validators: a 304 returns the cached copy untouched. A new download
// must parse and hold a project before it replaces the cached copy. It
// never falls back: an error says why nothing new was read.
func (r *Remote) Fetch(ctx context.Context, rawURL string) (*model.Catalog, error) {
	if _, err := checkURL(rawURL); err != nil {
		return nil, err
	}
	cached := readCache(r.CacheDir, rawURL)
	var validators cacheMeta
	if cached != nil {
		validators = cached.meta
	}
	now := r.now()
	body, meta, err := r.get(ctx, rawURL, validators)
	if errors.Is(err, errNotModified) && cached != nil {
		cat := cached.catalog(model.OriginURL)
		cat.Origin.Fetched = now // confirmed current
		return cat, nil
	}
	if err != nil {
		return nil, err
	}
	cat, err := Parse(rawURL, body)
	if err != nil {
		return nil, err
	}
	if len(cat.Projects) == 0 {
		return nil, &ParseError{File: rawURL, Msg: "the project table holds no project"}
	}
	cat.Origin = model.Origin{Kind: model.OriginURL, Name: rawURL, Fetched: now}
	if r.CacheDir != "" {
		meta.Fetched = now
		if err := writeCache(r.CacheDir, body, meta); err != nil {
			cat.Origin.Notice = "fetched, but could not be cached: " + describe(err)
		}
	}
	return cat, nil
}

// Download returns a URL's body as it is now, without the cache (for lint).
func (r *Remote) Download(ctx context.Context, rawURL string) ([]byte, error) {
	if _, err := checkURL(rawURL); err != nil {
		return nil, err
	}
	body, _, err := r.get(ctx, rawURL, cacheMeta{})
	return body, err
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

// catalog is the cached copy, marked with where it came from.
func (e *cacheEntry) catalog(kind model.OriginKind) *model.Catalog {
	cat := *e.cat
	cat.Origin = model.Origin{Kind: kind, Name: e.meta.URL, Fetched: e.meta.Fetched}
	return &cat
}

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
