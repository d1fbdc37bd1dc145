package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// DefaultCacheDir is upstream-tui's directory in the user cache directory,
// or "" when the platform has none (then nothing is cached).
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "upstream-tui")
}

// Remote reads catalogs from URLs through a cache. It downloads and
// caches bytes; Parse, which the caller chooses, reads them. Its zero
// value has the default client and no cache, and reads nothing.
type Remote struct {
	Client *http.Client // nil: NewHTTPClient()
	// CacheDir keeps the downloads; empty: nothing is cached.
	CacheDir string
	// Now tells the time; nil: time.Now.
	Now func() time.Time
	// Embedded loads the catalog built into the binary, shown for a URL
	// that has no usable cached copy; data.Sources sets it. nil: such a
	// URL is an error.
	Embedded func() (*model.Catalog, error)
	// Parse reads a download, named by its URL, into a catalog; data.Sources
	// sets it to the reader it chooses for the URL. An error refuses the
	// body: it is neither shown nor cached. nil: no URL can be read.
	Parse func(name string, body []byte) (*model.Catalog, error)
	// FirstView, when set, reads a first view of a large cached copy
	// (its first rows), so that Quick need not parse the whole before
	// the app's first frame; data.Sources sets it. ok is false for a copy
	// small enough to parse whole at once, or with no first view.
	FirstView func(name string, body []byte) (c *model.Catalog, ok bool)
}

func (r *Remote) parse(name string, body []byte) (*model.Catalog, error) {
	if r.Parse == nil {
		return nil, errors.New("no reader for " + name)
	}
	return r.Parse(name, body)
}

// cached returns a URL's cached copy and the catalog read reads from it
// (r.parse, but for Quick), or nil when there is none that read reads;
// unusable says why a copy that is there was not used, when that is not
// its format (damaged).
func (r *Remote) cached(rawURL string, read func(name string, body []byte) (*model.Catalog, error)) (e *cacheEntry, cat *model.Catalog, unusable error) {
	e, unusable = readCache(r.CacheDir, rawURL)
	if e == nil {
		return nil, nil, unusable
	}
	cat, err := read(rawURL, e.body)
	if err != nil {
		return nil, nil, nil
	}
	return e, cat, nil
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
// should follow. A copy fetched in the future (a clock that was ahead) is
// stale: its age is unknown. An error means the URL itself is refused.
func (r *Remote) Cached(rawURL string, maxAge time.Duration) (cat *model.Catalog, stale bool, err error) {
	cat, stale, _, err = r.cachedOrEmbedded(rawURL, maxAge, r.parse)
	return cat, stale, err
}

// Quick is Cached reading only the first view of a large cached copy
// (FirstView), for the app's first frame: the copy is checked as Cached
// checks it, but not parsed whole. whole is false for such a first view,
// which Load then reads whole, from the cache while it is younger than
// maxAge: a first view asks nothing of the network that Cached would not.
func (r *Remote) Quick(rawURL string, maxAge time.Duration) (cat *model.Catalog, stale, whole bool, err error) {
	whole = true
	cat, stale, _, err = r.cachedOrEmbedded(rawURL, maxAge, func(name string, body []byte) (*model.Catalog, error) {
		if r.FirstView != nil {
			if c, ok := r.FirstView(name, body); ok {
				whole = false
				return c, nil
			}
		}
		return r.parse(name, body)
	})
	return cat, stale, whole, err
}

// cachedOrEmbedded is Cached reading the cached copy with read, also
// saying why a cached copy that is there was not used (damaged), for the
// notice of a fallback.
func (r *Remote) cachedOrEmbedded(rawURL string, maxAge time.Duration, read func(name string, body []byte) (*model.Catalog, error)) (cat *model.Catalog, stale bool, unusable, err error) {
	if _, err := CheckURL(rawURL); err != nil {
		return nil, false, nil, err
	}
	e, cat, unusable := r.cached(rawURL, read)
	if e != nil {
		age := r.now().Sub(e.meta.Fetched)
		return e.mark(cat, model.OriginCache), age >= maxAge || age < 0, nil, nil
	}
	if r.Embedded == nil {
		return nil, false, nil, errors.New("no cached copy of " + inert.Escape(rawURL))
	}
	cat, err = r.Embedded()
	if err != nil {
		return nil, false, nil, err
	}
	cat.Origin.Asked = rawURL
	cat.Origin.Notice = "showing the embedded catalog until " + inert.Escape(model.ShortURL(rawURL)) + " is fetched"
	if unusable != nil {
		cat.Origin.Notice = "the cached copy of " + inert.Escape(model.ShortURL(rawURL)) + " is not used (" + unusable.Error() + "): " + cat.Origin.Notice
	}
	return cat, true, unusable, nil
}

// Load returns a URL's catalog for a command: the cached copy while it is
// younger than maxAge (0: never), else a download; when the download
// fails, the cached copy or the embedded catalog, with a notice that says
// which and why. An error means the URL itself is refused.
func (r *Remote) Load(ctx context.Context, rawURL string, maxAge time.Duration) (*model.Catalog, error) {
	cat, stale, unusable, err := r.cachedOrEmbedded(rawURL, maxAge, r.parse)
	if err != nil || !stale {
		return cat, err
	}
	fresh, err := r.Fetch(ctx, rawURL)
	if err == nil {
		return fresh, nil
	}
	return r.fallback(cat, err, unusable), nil
}

// fallback marks what Cached gave as standing in for a failed download:
// "offline" when no server answered, "not updated" when one did, and why
// a cached copy that is there was not used.
func (r *Remote) fallback(cat *model.Catalog, err, unusable error) *model.Catalog {
	o := &cat.Origin
	o.Failure = err.Error()
	prefix := "not updated"
	var fe *fetchError
	if errors.As(err, &fe) && fe.kind == unreachable {
		prefix = "offline"
	}
	if o.Kind == model.OriginCache {
		o.Notice = fmt.Sprintf("%s: showing the copy cached %s (%v)", prefix, model.Ago(r.now().Sub(o.Fetched)), err)
	} else {
		o.Notice = fmt.Sprintf("%s: showing the embedded catalog (%v)", prefix, err)
	}
	if unusable != nil {
		o.Notice += "; the cached copy is not used (" + unusable.Error() + ")"
	}
	return cat
}

// Fetch downloads a URL's catalog now, sending the cached copy's
// validators: a 304 returns the cached copy untouched. A new download
// must be read by Parse before it replaces the cached copy. It never
// falls back: an error says why nothing new was read.
func (r *Remote) Fetch(ctx context.Context, rawURL string) (*model.Catalog, error) {
	if _, err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	cached, cachedCat, _ := r.cached(rawURL, r.parse)
	var validators cacheMeta
	if cached != nil {
		validators = cached.meta
	}
	now := r.now()
	body, meta, err := r.get(ctx, rawURL, validators)
	if errors.Is(err, errNotModified) && cached != nil {
		cat := cached.mark(cachedCat, model.OriginURL)
		cat.Origin.Fetched = now // confirmed current
		return cat, nil
	}
	if err != nil {
		return nil, err
	}
	cat, err := r.parse(rawURL, body)
	if err != nil {
		return nil, err
	}
	cat.Origin = model.Origin{Kind: model.OriginURL, Name: rawURL, Fetched: now}
	if r.CacheDir != "" {
		meta.Fetched = now
		if err := writeCache(r.CacheDir, body, meta); err != nil {
			cat.Origin.Notice = "fetched, but could not be cached: " + disk.Reason(err)
		}
	}
	return cat, nil
}

// Download returns a URL's body as it is now, without the cache (for lint).
func (r *Remote) Download(ctx context.Context, rawURL string) ([]byte, error) {
	if _, err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	body, _, err := r.get(ctx, rawURL, cacheMeta{})
	return body, err
}

// mark marks the catalog read from a cached copy with where it came from.
func (e *cacheEntry) mark(cat *model.Catalog, kind model.OriginKind) *model.Catalog {
	cat.Origin = model.Origin{Kind: kind, Name: e.meta.URL, Fetched: e.meta.Fetched}
	return cat
}
