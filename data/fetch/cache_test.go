package fetch

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model"
)

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
	if e, _ := readCache(dir, srv.catalogURL()); e == nil || e.meta.ETag != `"v2"` || !bytes.Equal(e.body, renamed()) {
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
	// A body whose validators are lost is used without them.
	dir := t.TempDir()
	base := cachePath(dir, url)
	os.WriteFile(base+".md", embedded(), 0o600)
	if e, err := readCache(dir, url); e == nil || e.meta.ETag != "" || err != nil {
		t.Errorf("entry %+v, %v", e, err)
	}
	// One whose checksum is not the one recorded (cut short, edited) is
	// damaged: missing, and the notice says so.
	os.WriteFile(base+".json", []byte(`{"url":"`+url+`","etag":"\"x\"","sha256":"wrong"}`), 0o600)
	if e, err := readCache(dir, url); e != nil || err == nil {
		t.Errorf("a wrong checksum: entry %+v, %v", e, err)
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

// TestCacheLayout: a cache written before fetch kept bytes (the layout
// users have on disk) is read, its validators and time included: the
// names are the host and a hash of the URL, the body NAME.md and the
// validators NAME.json.
func TestCacheLayout(t *testing.T) {
	const url = "https://example.com/projects.md"
	dir := t.TempDir()
	base := filepath.Join(dir, "example.com-162d336a46922184")
	fetched := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	meta := `{
  "url": "https://example.com/projects.md",
  "etag": "\"v1\"",
  "last_modified": "Tue, 24 Nov 2026 10:00:00 GMT",
  "fetched": "2026-11-25T08:00:00Z",
  "sha256": "` + bodyHash(embedded()) + `"
}
`
	if err := os.WriteFile(base+".md", embedded(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(base+".json", []byte(meta), 0o600); err != nil {
		t.Fatal(err)
	}
	r := testRemote(Remote{CacheDir: dir, Now: func() time.Time { return fetched.Add(time.Hour) }})
	cat, stale, err := r.Cached(url, 6*time.Hour)
	if err != nil || stale || cat.Origin.Kind != model.OriginCache || !cat.Origin.Fetched.Equal(fetched) || len(cat.Projects) != 18 {
		t.Fatalf("origin %+v, stale %v, %v", cat.Origin, stale, err)
	}
	if e, _ := readCache(dir, url); e == nil || e.meta.ETag != `"v1"` || e.meta.LastModified != lastModified {
		t.Errorf("validators: %+v", e)
	}
}
