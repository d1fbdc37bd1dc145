package github

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	gh "github.com/google/go-github/v84/github"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/model"
)

// DefaultAPI is GitHub's REST API, used when GITHUB_API_URL is not set.
const DefaultAPI = "https://api.github.com"

// DefaultMaxAge is how old a cached answer may be before Check asks
// again.
const DefaultMaxAge = 24 * time.Hour

// Options configure a Source. The zero value of each field is its
// default.
type Options struct {
	// API is the REST API's base URL (GITHUB_API_URL); "": DefaultAPI.
	// It must be https, or http to a loopback host.
	API string
	// Token returns the token for the API's host, or "" for none; it is
	// called once, at the first request. nil: no token. main gives
	// DefaultToken.
	Token func(host string) string
	// CacheDir is the program's cache directory (fetch.DefaultCacheDir);
	// the answers are kept in its "github" directory. "": none is kept.
	CacheDir string
	// MaxAge is how old a cached answer may be before Check asks again;
	// 0: DefaultMaxAge.
	MaxAge time.Duration
	// Timeout bounds a request; 0: Timeout.
	Timeout time.Duration
	// Now tells the time; nil: time.Now.
	Now func() time.Time
	// Transport sends the requests; nil: http.DefaultTransport.
	Transport http.RoundTripper
}

// Source is repository health from GitHub's REST API through a cache on
// disk: a model.HealthSource. It is safe for concurrent use.
type Source struct {
	client *gh.Client
	// budget is the REST API's; graphql the GraphQL API's, which GitHub
	// counts apart (Prefetch, graphql.go).
	budget     *budget
	graphql    *budget
	graphqlURL *url.URL
	cacheDir   string
	maxAge     time.Duration
	timeout    time.Duration
	now        func() time.Time

	mu sync.Mutex
	// cache holds the entries read or checked, by Repo.Key; a key with
	// ok false had a file that could not be used.
	cache map[string]cached
	// locks lets one caller at a time check a repository.
	locks map[string]*sync.Mutex
	// token returns the token, asking Options.Token the first time.
	token func() string
	// onDisk holds the keys of the repositories the cache directory had
	// files for when it was first looked at: the others are not read
	// for, so that a catalog of 100,000 projects opens no file in vain.
	onDisk func() map[string]bool
	// err is why no check can be made (a bad API URL), or nil.
	err error
}

type cached struct {
	entry
	ok bool
}

// New returns a Source. One whose API URL breaks the rule for URLs
// (fetch.CheckURL) reads its cache all the same, and every check fails
// with the error that says why.
func New(o Options) *Source {
	if o.API == "" {
		o.API = DefaultAPI
	}
	api, err := fetch.CheckURL(o.API)
	if err != nil {
		err = errors.New("GITHUB_API_URL: " + err.Error())
		api, _ = url.Parse(DefaultAPI) // never asked
	}
	if !strings.HasSuffix(api.Path, "/") {
		api.Path += "/"
	}
	api.RawQuery, api.Fragment = "", ""
	s := &Source{
		budget: &budget{}, graphql: &budget{}, graphqlURL: graphqlURL(api), cacheDir: o.CacheDir, maxAge: o.MaxAge, timeout: o.Timeout, now: o.Now,
		cache: map[string]cached{}, locks: map[string]*sync.Mutex{}, err: err,
	}
	s.onDisk = sync.OnceValue(func() map[string]bool { return listEntries(s.cacheDir) })
	if s.maxAge <= 0 {
		s.maxAge = DefaultMaxAge
	}
	if s.timeout <= 0 {
		s.timeout = Timeout
	}
	if s.now == nil {
		s.now = time.Now
	}
	base := o.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if o.CacheDir != "" {
		s.budget.file = filepath.Join(o.CacheDir, cacheSubdir, fileName(api.Host)+".rate")
		s.graphql.file = filepath.Join(o.CacheDir, cacheSubdir, fileName(api.Host)+".graphql.rate")
	}
	// The token is asked for once, before the first request: whether
	// there is one says which budget applies.
	s.token = sync.OnceValue(func() string {
		var token string
		if o.Token != nil {
			token = o.Token(tokenHost(api.Hostname()))
		}
		s.budget.setAuthenticated(token != "")
		s.graphql.setAuthenticated(token != "")
		return token
	})
	t := &transport{
		base: base, api: api, slots: make(chan struct{}, Concurrent), now: s.now, token: s.token,
		budget: func(u *url.URL) *budget {
			if u.Path == s.graphqlURL.Path && sameHost(u, s.graphqlURL) {
				return s.graphql
			}
			return s.budget
		},
	}
	s.client = gh.NewClient(newHTTPClient(t, s.timeout))
	s.client.BaseURL = api
	s.client.UserAgent = "upstream-tui"
	// The budget is this package's (budget.go): one home for it.
	s.client.DisableRateLimitCheck = true
	return s
}

// Cached returns the cached answer for repo, from memory or the cache
// directory, without a request.
func (s *Source) Cached(repo model.Repo) (model.Health, bool) {
	c := s.lookup(repo)
	return c.health, c.ok
}

// lookup returns repo's cached entry, reading its file once.
func (s *Source) lookup(repo model.Repo) cached {
	key := repo.Key()
	s.mu.Lock()
	c, seen := s.cache[key]
	s.mu.Unlock()
	if seen {
		if c.ok {
			c.health.Repo = repo // as the caller names it
		}
		return c
	}
	if !s.onDisk()[key] {
		return cached{} // no file to read, nor to remember as missing
	}
	c.entry, c.ok = readEntry(s.cacheDir, repo)
	s.mu.Lock()
	if prior, raced := s.cache[key]; raced {
		c = prior
	} else {
		s.cache[key] = c
	}
	s.mu.Unlock()
	return c
}

func (s *Source) remember(key string, e entry) {
	s.mu.Lock()
	s.cache[key] = cached{entry: e, ok: true}
	s.mu.Unlock()
}

func (s *Source) lock(key string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.locks[key]
	if l == nil {
		l = &sync.Mutex{}
		s.locks[key] = l
	}
	return l
}

// Check returns repo's health: the cached answer when it is younger than
// the max age and refresh is false, else GitHub's, revalidating the
// cached one with its ETag. On failure it returns the cached answer (or
// a Health with only Repo set) with the error: *model.RateLimitError,
// *model.OfflineError, *CheckError, or the context's.
func (s *Source) Check(ctx context.Context, repo model.Repo, refresh bool) (model.Health, error) {
	if repo.IsZero() {
		return model.Health{}, errors.New("no repository to check")
	}
	if s.err != nil {
		c := s.lookup(repo)
		if c.ok {
			return c.health, s.err
		}
		return model.Health{Repo: repo}, s.err
	}
	before := s.lookup(repo).health.CheckedAt
	l := s.lock(repo.Key())
	l.Lock()
	defer l.Unlock()
	c := s.lookup(repo)
	if c.ok {
		// Checked meanwhile by a caller this one waited for: as fresh as
		// a refresh asks.
		if !refresh && s.now().Sub(c.health.CheckedAt) < s.maxAge || refresh && !c.health.CheckedAt.Equal(before) {
			return c.health, nil
		}
	}
	e, err := s.ask(ctx, repo, c)
	switch {
	case err != nil && !e.health.CheckedAt.IsZero():
		return e.health, err // half an answer, the repository's
	case err != nil && c.ok:
		return c.health, err
	case err != nil:
		return model.Health{Repo: repo}, err
	}
	return e.health, nil
}

// ask asks GitHub for the repository and its latest release, with the
// cached ETags, and keeps what it learns.
func (s *Source) ask(ctx context.Context, repo model.Repo, c cached) (entry, error) {
	var r gh.Repository
	status, etag, err := s.get(ctx, "repos/"+path(repo), c.etag, &r, 2)
	now := s.now()
	e := entry{etag: etag}
	switch {
	case err != nil:
		return entry{}, s.describe(ctx, repo, err)
	case status == http.StatusNotModified && c.ok:
		e = c.entry
	case status == http.StatusNotFound:
		e.health = model.Health{Repo: repo, Missing: true}
	default:
		e.health = fromRepository(repo, &r)
	}
	unchanged := status == http.StatusNotModified
	if !e.health.Missing {
		var rel gh.RepositoryRelease
		relStatus, relETag, err := s.get(ctx, "repos/"+path(e.health.Current())+"/releases/latest", c.releaseETag, &rel, 1)
		switch {
		case err != nil:
			// The repository answered; its release could not be asked
			// (the budget ran out between the two). The answer is shown,
			// with the release the cache knew, else none known (not "no
			// release"), but not kept: the next check asks both again.
			e.health.LatestRelease, e.health.ReleaseUnknown = nil, true
			if c.ok {
				e.health.LatestRelease, e.health.ReleaseUnknown = c.health.LatestRelease, c.health.ReleaseUnknown
			}
			e.health.CheckedAt = now
			return e, s.describe(ctx, repo, err)
		case relStatus == http.StatusNotModified && c.ok:
			e.health.LatestRelease, e.releaseETag = c.health.LatestRelease, c.releaseETag
		case relStatus == http.StatusNotFound:
			e.health.LatestRelease, e.releaseETag = nil, ""
		default:
			e.health.LatestRelease, e.releaseETag = fromRelease(&rel), relETag
		}
		unchanged = unchanged && relStatus == http.StatusNotModified
	}
	e.health.CheckedAt = now
	s.remember(repo.Key(), e)
	// A cache that cannot be written costs the next run a request, no
	// more: the answer stands.
	if unchanged {
		// Nothing changed: the file stays as it is, but for its time.
		_ = touchEntry(s.cacheDir, repo, now)
	} else {
		_ = writeEntry(s.cacheDir, e)
	}
	return e, nil
}

// get sends a GET for the API path, conditional on etag when it is set,
// and decodes a 200's JSON into v; need is how many requests are left to
// send with this one (budget.take). It returns the status and the
// answer's ETag; 304 and 404 are answers, not errors.
func (s *Source) get(ctx context.Context, p, etag string, v any, need int) (int, string, error) {
	s.token()
	if err := s.budget.take(s.now(), need); err != nil {
		return 0, "", err
	}
	defer s.budget.done()
	req, err := s.client.NewRequest(http.MethodGet, p, nil)
	if err != nil {
		return 0, "", err
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := s.client.Do(ctx, req, v)
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		switch code := er.Response.StatusCode; code {
		case http.StatusNotModified:
			if etag != "" {
				return code, etag, nil
			}
		case http.StatusNotFound:
			return code, "", nil
		}
	}
	if err != nil {
		return 0, "", err
	}
	return resp.StatusCode, validETag(resp.Header.Get("ETag")), nil
}

// path is a repository's path in the API: owner and name, each escaped.
func path(r model.Repo) string {
	return url.PathEscape(r.Owner) + "/" + url.PathEscape(r.Name)
}
