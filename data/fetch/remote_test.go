package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
)

// embedded is the catalog built into the binary, data/projects.md.
var embedded = sync.OnceValue(func() []byte {
	b, err := os.ReadFile(filepath.Join("..", "projects.md"))
	if err != nil {
		panic(err)
	}
	return b
})

// loadEmbedded parses the embedded catalog, as data.LoadEmbedded does.
func loadEmbedded() (*model.Catalog, error) {
	cat, err := markdown.Parse("projects.md", embedded())
	if err != nil {
		return nil, err
	}
	cat.Origin = model.Origin{Kind: model.OriginEmbedded, Name: "projects.md"}
	return cat, nil
}

// testRemote is r falling back to the embedded catalog, as data.Sources
// makes it.
func testRemote(r Remote) *Remote {
	r.Embedded = loadEmbedded
	return &r
}

// catalogServer serves body at /projects.md with an ETag and a
// Last-Modified, answering a matching If-None-Match with 304, and counts
// the requests.
type catalogServer struct {
	*httptest.Server
	body     atomic.Pointer[[]byte]
	etag     atomic.Pointer[string]
	requests atomic.Int64
	lastINM  atomic.Pointer[string] // the If-None-Match of the last request
}

const lastModified = "Tue, 24 Nov 2026 10:00:00 GMT"

func newCatalogServer(t *testing.T, body []byte, etag string) *catalogServer {
	t.Helper()
	s := &catalogServer{}
	s.set(body, etag)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		inm := r.Header.Get("If-None-Match")
		s.lastINM.Store(&inm)
		etag := *s.etag.Load()
		if inm != "" && inm == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		w.Write(*s.body.Load())
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *catalogServer) set(body []byte, etag string) {
	s.body.Store(&body)
	s.etag.Store(&etag)
}

func (s *catalogServer) catalogURL() string { return s.URL + "/projects.md" }

// cachedServer serves the embedded catalog as "v1" and has fetched it once
// into a cache directory of its own.
func cachedServer(t *testing.T) (*catalogServer, *Remote, string) {
	t.Helper()
	srv := newCatalogServer(t, embedded(), `"v1"`)
	dir := t.TempDir()
	r := testRemote(Remote{CacheDir: dir})
	if _, err := r.Fetch(context.Background(), srv.catalogURL()); err != nil {
		t.Fatal(err)
	}
	return srv, r, dir
}

// handlerServer serves every request with h.
func handlerServer(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL + "/projects.md"
}

// renamed is the embedded catalog with one project renamed, a newer
// version of it.
func renamed() []byte {
	return bytes.Replace(embedded(), []byte("Containerd"), []byte("Containerd Two"), 1)
}

// cacheFiles returns the cache directory's files and their contents.
func cacheFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func hasProject(c *model.Catalog, name string) bool {
	for _, p := range c.Projects {
		if p.Name == name {
			return true
		}
	}
	return false
}

func TestFetchCachesTheDownload(t *testing.T) {
	srv := newCatalogServer(t, embedded(), `"v1"`)
	dir := t.TempDir()
	r := testRemote(Remote{CacheDir: dir})
	cat, err := r.Fetch(context.Background(), srv.catalogURL())
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Projects) != 18 || cat.Origin.Kind != model.OriginURL || cat.Origin.Notice != "" {
		t.Fatalf("%d projects, origin %+v", len(cat.Projects), cat.Origin)
	}
	base := cachePath(dir, srv.catalogURL())
	body, err := os.ReadFile(base + ".md")
	if err != nil || !bytes.Equal(body, embedded()) {
		t.Fatalf("cached body differs from the download (%v)", err)
	}
	e := readCache(dir, srv.catalogURL())
	if e == nil || e.meta.ETag != `"v1"` || e.meta.LastModified != lastModified {
		t.Fatalf("cache entry %+v", e)
	}
	// A fresh cached copy is used without the network.
	before := srv.requests.Load()
	cat, err = r.Load(context.Background(), srv.catalogURL(), time.Hour)
	if err != nil || cat.Origin.Kind != model.OriginCache || srv.requests.Load() != before {
		t.Errorf("fresh cache: origin %+v, %d requests, %v", cat.Origin, srv.requests.Load()-before, err)
	}
}

func TestFetchFailuresFallBack(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusInternalServerError} {
		url := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "nope", status)
		})
		dir := t.TempDir()
		r := testRemote(Remote{CacheDir: dir})
		cat, err := r.Load(context.Background(), url, 0)
		if err != nil {
			t.Fatal(err)
		}
		if cat.Origin.Kind != model.OriginEmbedded || len(cat.Projects) != 18 {
			t.Errorf("%d: origin %+v", status, cat.Origin)
		}
		want := fmt.Sprintf("not updated: showing the embedded catalog (could not fetch %s: HTTP %d %s)", url, status, http.StatusText(status))
		if n := cat.Origin.Notice; n != want {
			t.Errorf("%d: notice %q", status, n)
		}
		if files := cacheFiles(t, dir); len(files) != 0 {
			t.Errorf("%d: a failure wrote the cache: %v", status, files)
		}
	}
}

// TestFailureShowsTheCachedCopy: once cached, a failed download shows the
// cached copy and says how old it is.
func TestFailureShowsTheCachedCopy(t *testing.T) {
	srv := newCatalogServer(t, embedded(), `"v1"`)
	dir := t.TempDir()
	fetched := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	now := fetched
	r := testRemote(Remote{CacheDir: dir, Now: func() time.Time { return now }})
	if _, err := r.Fetch(context.Background(), srv.catalogURL()); err != nil {
		t.Fatal(err)
	}
	url := srv.catalogURL()
	srv.Close() // offline
	now = fetched.Add(3*24*time.Hour + time.Hour)
	cat, err := r.Load(context.Background(), url, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Origin.Kind != model.OriginCache || !strings.HasPrefix(cat.Origin.Notice, "offline: showing the copy cached 3 days ago (could not fetch ") {
		t.Errorf("origin %+v", cat.Origin)
	}
}

func TestFetchTimesOut(t *testing.T) {
	if NewHTTPClient().Timeout != 10*time.Second {
		t.Errorf("client timeout %v, want 10s", NewHTTPClient().Timeout)
	}
	release := make(chan struct{})
	url := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		select { // never answers, until the test ends
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	client := NewHTTPClient()
	client.Timeout = 100 * time.Millisecond // the same client, a shorter wait
	r := testRemote(Remote{Client: client, CacheDir: t.TempDir()})
	cat, err := r.Load(context.Background(), url, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Origin.Kind != model.OriginEmbedded || !strings.Contains(cat.Origin.Notice, "offline: showing the embedded catalog") ||
		!strings.Contains(cat.Origin.Notice, "no answer within 100ms") {
		t.Errorf("origin %+v", cat.Origin)
	}
}

func TestFetchCancelled(t *testing.T) {
	url := handlerServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithCancel(context.Background())
	r := testRemote(Remote{})
	go cancel()
	_, err := r.Fetch(ctx, url)
	if err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("err %v", err)
	}
}

// TestBodyOverTheCap: an endless body is refused after the cap, not read
// to its end; so is a declared length over it.
func TestBodyOverTheCap(t *testing.T) {
	var sent atomic.Int64
	endless := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		line := []byte("| x | y |\n")
		for r.Context().Err() == nil {
			n, err := w.Write(line)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	declared := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "6000000")
		w.Write(embedded())
	})
	for _, url := range []string{endless, declared} {
		dir := t.TempDir()
		r := testRemote(Remote{CacheDir: dir})
		_, err := r.Fetch(context.Background(), url)
		if err == nil || !strings.Contains(err.Error(), "larger than 5 MiB") {
			t.Errorf("%s: err %v", url, err)
		}
		if len(cacheFiles(t, dir)) != 0 {
			t.Errorf("%s: an oversized body was cached", url)
		}
	}
}

// TestGarbageKeepsTheCache: a body that does not parse, or holds no
// project, replaces nothing: the cache stays byte for byte.
func TestGarbageKeepsTheCache(t *testing.T) {
	srv, r, dir := cachedServer(t)
	before := cacheFiles(t, dir)
	for _, junk := range []string{
		"\x00\x01\x02 binary junk \xff\xfe",
		"<html><body>Sign in to continue</body></html>",
		"| Project Area | Project | Goal |\n|---|---|---|\n",
		"",
	} {
		srv.set([]byte(junk), `"junk"`)
		cat, err := r.Load(context.Background(), srv.catalogURL(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if cat.Origin.Kind != model.OriginCache || !strings.HasPrefix(cat.Origin.Notice, "not updated: showing the copy cached") {
			t.Errorf("%q: origin %+v", junk, cat.Origin)
		}
		if !strings.Contains(cat.Origin.Notice, srv.catalogURL()) {
			t.Errorf("%q: the notice does not name the URL: %q", junk, cat.Origin.Notice)
		}
		if after := cacheFiles(t, dir); !sameFiles(before, after) {
			t.Errorf("%q: the cache changed", junk)
		}
	}
}

// TestNotModifiedRewritesNothing: the ETag goes back as If-None-Match, and
// a 304 leaves the cache files as they were, time included.
func TestNotModifiedRewritesNothing(t *testing.T) {
	srv, r, dir := cachedServer(t)
	base := cachePath(dir, srv.catalogURL())
	old := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, f := range []string{base + ".md", base + ".json"} {
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	before := cacheFiles(t, dir)
	cat, err := r.Fetch(context.Background(), srv.catalogURL())
	if err != nil {
		t.Fatal(err)
	}
	if got := *srv.lastINM.Load(); got != `"v1"` {
		t.Errorf("If-None-Match %q, want \"v1\"", got)
	}
	if cat.Origin.Kind != model.OriginURL || len(cat.Projects) != 18 {
		t.Errorf("after 304: origin %+v", cat.Origin)
	}
	if after := cacheFiles(t, dir); !sameFiles(before, after) {
		t.Error("a 304 changed the cache")
	}
	for _, f := range []string{base + ".md", base + ".json"} {
		if st, err := os.Stat(f); err != nil || !st.ModTime().Equal(old) {
			t.Errorf("%s was rewritten", f)
		}
	}
	// A new version replaces the cached copy.
	srv.set(renamed(), `"v2"`)
	cat, err = r.Fetch(context.Background(), srv.catalogURL())
	if err != nil || !hasProject(cat, "Containerd Two") {
		t.Fatalf("new version: %v", err)
	}
	if e := readCache(dir, srv.catalogURL()); e == nil || e.meta.ETag != `"v2"` || !hasProject(e.cat, "Containerd Two") {
		t.Error("the new version was not cached")
	}
}

func TestLastModifiedGoesBack(t *testing.T) {
	var ims atomic.Pointer[string]
	body := embedded()
	url := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("If-Modified-Since")
		ims.Store(&got)
		if got == lastModified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastModified)
		w.Write(body)
	})
	r := testRemote(Remote{CacheDir: t.TempDir()})
	for range 2 {
		if _, err := r.Fetch(context.Background(), url); err != nil {
			t.Fatal(err)
		}
	}
	if *ims.Load() != lastModified {
		t.Errorf("If-Modified-Since %q", *ims.Load())
	}
}

func TestRedirects(t *testing.T) {
	var loop string
	loop = handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop, http.StatusFound)
	})
	away := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://example.com/projects.md", http.StatusFound)
	})
	srv := newCatalogServer(t, embedded(), `"v1"`)
	var hops atomic.Int64
	var chain string
	chain = handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hops.Add(1) <= 5 {
			http.Redirect(w, r, chain, http.StatusFound)
			return
		}
		http.Redirect(w, r, srv.catalogURL(), http.StatusFound)
	})
	r := testRemote(Remote{CacheDir: t.TempDir()})
	if _, err := r.Fetch(context.Background(), loop); err == nil || !strings.Contains(err.Error(), "stopped after 5 redirects") {
		t.Errorf("loop: %v", err)
	}
	if _, err := r.Fetch(context.Background(), away); err == nil || !strings.Contains(err.Error(), "refusing plain http to example.com") {
		t.Errorf("to plain http: %v", err)
	}
	// Five redirects are followed; the sixth is not.
	if _, err := r.Fetch(context.Background(), chain); err == nil {
		t.Error("six redirects were followed")
	}
	hops.Store(1)
	if cat, err := r.Fetch(context.Background(), chain); err != nil || len(cat.Projects) != 18 {
		t.Errorf("five redirects: %v", err)
	}
}

// TestAtomicWriteFailure: when the new copy cannot be put in place, the
// old one survives and no temporary file is left.
func TestAtomicWriteFailure(t *testing.T) {
	srv, r, dir := cachedServer(t)
	before := cacheFiles(t, dir)
	writeFile = func(string, []byte) error { return errors.New("disk full") }
	defer func() { writeFile = disk.WriteAtomic }()
	srv.set(renamed(), `"v2"`)
	cat, err := r.Fetch(context.Background(), srv.catalogURL())
	if err != nil || !hasProject(cat, "Containerd Two") {
		t.Fatalf("the download itself is still shown: %v", err)
	}
	if !strings.Contains(cat.Origin.Notice, "could not be cached: disk full") {
		t.Errorf("notice %q", cat.Origin.Notice)
	}
	if after := cacheFiles(t, dir); !sameFiles(before, after) {
		t.Errorf("the old cache did not survive: %v", keys(after))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestBadCacheCountsAsMissing: an empty or corrupt cached copy is not
// shown; the embedded catalog is, and a download is due.
func TestBadCacheCountsAsMissing(t *testing.T) {
	const url = "https://example.com/projects.md"
	for _, body := range []string{"", "\x00garbage", "# no table\n"} {
		dir := t.TempDir()
		if err := os.WriteFile(cachePath(dir, url)+".md", []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		r := testRemote(Remote{CacheDir: dir})
		cat, stale, err := r.Cached(url, time.Hour)
		if err != nil || cat.Origin.Kind != model.OriginEmbedded || !stale {
			t.Errorf("%q: origin %+v, stale %v, %v", body, cat.Origin, stale, err)
		}
	}
	// A body whose validators are lost or wrong is used without them.
	dir := t.TempDir()
	base := cachePath(dir, url)
	os.WriteFile(base+".md", embedded(), 0o600)
	os.WriteFile(base+".json", []byte(`{"url":"`+url+`","etag":"\"x\"","sha256":"wrong"}`), 0o600)
	if e := readCache(dir, url); e == nil || e.meta.ETag != "" {
		t.Errorf("entry %+v", e)
	}
}

func TestCacheAge(t *testing.T) {
	srv := newCatalogServer(t, embedded(), `"v1"`)
	dir := t.TempDir()
	start := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	now := start
	r := testRemote(Remote{CacheDir: dir, Now: func() time.Time { return now }})
	if _, err := r.Fetch(context.Background(), srv.catalogURL()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		after time.Duration
		stale bool
	}{{time.Hour, false}, {7 * time.Hour, true}} {
		now = start.Add(tc.after)
		cat, stale, err := r.Cached(srv.catalogURL(), 6*time.Hour)
		if err != nil || stale != tc.stale || cat.Origin.Kind != model.OriginCache {
			t.Errorf("after %v: stale %v, origin %+v, %v", tc.after, stale, cat.Origin, err)
		}
		if d := cat.Origin.Describe(now); !strings.Contains(d, "cached "+model.Ago(tc.after)) {
			t.Errorf("after %v: %q", tc.after, d)
		}
	}
}

func TestURLRule(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://example.com/projects.md", true},
		{"http://127.0.0.1:8080/projects.md", true},
		{"http://localhost/projects.md", true},
		{"http://[::1]:9/projects.md", true},
		{"http://example.com/projects.md", false},
		{"http://127.0.0.1.example.com/", false},
		{"https:///nohost", false},
	} {
		_, err := checkURL(tc.url)
		if (err == nil) != tc.ok {
			t.Errorf("%s: %v", tc.url, err)
		}
		r := testRemote(Remote{})
		if _, err := r.Load(context.Background(), tc.url, time.Hour); !tc.ok && err == nil {
			t.Errorf("%s: Load accepted it", tc.url)
		}
	}
}
