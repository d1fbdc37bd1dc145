package fetch

import (
	"bytes"
	"context"
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

// parseMarkdown reads a download as data.Sources has Remote do: Markdown,
// holding a project.
func parseMarkdown(name string, body []byte) (*model.Catalog, error) {
	cat, err := markdown.Parse(name, body)
	if err == nil && len(cat.Projects) == 0 {
		err = &markdown.ParseError{File: name, Msg: "the project table holds no project"}
	}
	return cat, err
}

// testRemote is r falling back to the embedded catalog and reading
// Markdown, as data.Sources makes it.
func testRemote(r Remote) *Remote {
	r.Embedded = loadEmbedded
	r.Parse = parseMarkdown
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
	e, _ := readCache(dir, srv.catalogURL())
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
		_, err := CheckURL(tc.url)
		if (err == nil) != tc.ok {
			t.Errorf("%s: %v", tc.url, err)
		}
		r := testRemote(Remote{})
		if _, err := r.Load(context.Background(), tc.url, time.Hour); !tc.ok && err == nil {
			t.Errorf("%s: Load accepted it", tc.url)
		}
	}
}

// TestParseIsTheCallers: Remote reads whatever format its Parse reads,
// caches the body as downloaded and reads the cached copy with Parse too;
// a body Parse refuses is neither shown nor cached. With no Parse, nothing
// is read.
func TestParseIsTheCallers(t *testing.T) {
	names := func(name string, body []byte) (*model.Catalog, error) {
		if !bytes.HasPrefix(body, []byte("names\n")) {
			return nil, fmt.Errorf("%s: not a list of names", name)
		}
		cat := &model.Catalog{}
		for _, n := range strings.Fields(string(body[len("names\n"):])) {
			cat.Projects = append(cat.Projects, model.Project{Name: n})
		}
		return cat, nil
	}
	srv := newCatalogServer(t, []byte("names\nalpha\nbeta\n"), `"v1"`)
	dir := t.TempDir()
	r := &Remote{CacheDir: dir, Parse: names}
	cat, err := r.Fetch(context.Background(), srv.catalogURL())
	if err != nil || len(cat.Projects) != 2 || cat.Projects[1].Name != "beta" {
		t.Fatalf("fetch: %+v %v", cat, err)
	}
	cat, _, err = r.Cached(srv.catalogURL(), time.Hour)
	if err != nil || cat.Origin.Kind != model.OriginCache || len(cat.Projects) != 2 {
		t.Fatalf("cached: %+v %v", cat, err)
	}
	before := cacheFiles(t, dir)
	srv.set(embedded(), `"v2"`)
	if _, err := r.Fetch(context.Background(), srv.catalogURL()); err == nil || !strings.Contains(err.Error(), "not a list of names") {
		t.Errorf("a body Parse refuses: %v", err)
	}
	if !sameFiles(before, cacheFiles(t, dir)) {
		t.Error("a body Parse refuses was cached")
	}
	if _, err := (&Remote{}).Fetch(context.Background(), srv.catalogURL()); err == nil {
		t.Error("no Parse: read anyway")
	}
}
