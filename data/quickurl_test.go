package data

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
)

// cachedSource is a URL served from a loopback server and cached
// through a Sources whose clock is now.
type cachedSource struct {
	s        *Sources
	url      string
	srv      *httptest.Server
	requests atomic.Int64 // since the copy was cached
	now      time.Time
}

// cachedURL serves body from a loopback server and caches it.
func cachedURL(tb testing.TB, body []byte) *cachedSource {
	tb.Helper()
	c := &cachedSource{now: time.Now()}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		c.requests.Add(1)
		w.Write(body)
	}))
	tb.Cleanup(c.srv.Close)
	c.url = c.srv.URL + "/catalog"
	c.s = &Sources{Remote: fetch.Remote{CacheDir: tb.TempDir(), Now: func() time.Time { return c.now }}}
	if cat, err := c.s.Reload(context.Background(), c.url); err != nil || cat.Origin.Notice != "" {
		tb.Fatalf("caching %s: %v", c.url, err)
	}
	c.requests.Store(0)
	return c
}

// syntheticCatalog is a synthetic Markdown catalog cut after its last row
// within size bytes.
func syntheticCatalog(tb testing.TB, size int) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 30_000, 1); err != nil {
		tb.Fatal(err)
	}
	if b.Len() < size {
		tb.Fatalf("the synthetic catalog is %d bytes, not %d", b.Len(), size)
	}
	src := b.Bytes()[:size]
	return src[:bytes.LastIndexByte(src, '\n')+1]
}

// BenchmarkQuickURL times what the app reads before its first frame
// (Quick) from a fresh cached copy of a URL: the full landscape.yml (1.1
// MB) and a synthetic Markdown catalog of 4 MiB (downloads are at most
// 5 MiB).
func BenchmarkQuickURL(b *testing.B) {
	landscape, err := os.ReadFile(filepath.Join("..", "testdata", "landscape-full.yml"))
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		body []byte
	}{{"landscape-1.1MB", landscape}, {"markdown-4MiB", syntheticCatalog(b, 4<<20)}} {
		b.Run(tc.name, func(b *testing.B) {
			c := cachedURL(b, tc.body)
			for b.Loop() {
				if _, _, err := c.s.Quick(c.url, time.Hour); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// largeCachedCatalogs are cached copies that Quick shows a first view of:
// a Markdown catalog of 1 MiB and the full landscape.yml.
func largeCachedCatalogs(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"markdown":  syntheticCatalog(t, 1<<20),
		"landscape": readTestdata(t, "landscape-full.yml"),
	}
}

// TestQuickURLFirstView: a large cached copy starts on a first view of
// its head, more to come; the background Reload then reads the whole
// cached copy with no request while it is fresh, and downloads it once
// when it is stale. A later r asks the server, as it always has.
func TestQuickURLFirstView(t *testing.T) {
	for name, body := range largeCachedCatalogs(t) {
		whole, err := parseURL(name, body)
		if err != nil {
			t.Fatal(err)
		}
		for _, stale := range []bool{false, true} {
			c := cachedURL(t, body)
			fetched := c.now
			if stale {
				c.now = c.now.Add(2 * time.Hour)
			}
			first, more, err := c.s.Quick(c.url, time.Hour)
			if err != nil || !more || first.Origin.Kind != model.OriginCache || first.Origin.Name != c.url ||
				!first.Origin.Fetched.Equal(fetched) || first.Origin.Notice != "" {
				t.Fatalf("%s, stale %v: quick: more %v, %+v, %v", name, stale, more, first.Origin, err)
			}
			if n := len(first.Projects); n == 0 || n >= len(whole.Projects)/4 {
				t.Errorf("%s: the first view has %d projects of %d", name, n, len(whole.Projects))
			}
			cat, err := c.s.Reload(context.Background(), c.url)
			wantKind, wantRequests := model.OriginCache, int64(0)
			if stale {
				wantKind, wantRequests = model.OriginURL, 1
			}
			if err != nil || len(cat.Projects) != len(whole.Projects) || cat.Origin.Kind != wantKind ||
				cat.Origin.Notice != "" || c.requests.Load() != wantRequests {
				t.Errorf("%s, stale %v: reload: %d projects of %d, %+v, %d requests, %v",
					name, stale, len(cat.Projects), len(whole.Projects), cat.Origin, c.requests.Load(), err)
			}
			c.requests.Store(0)
			if cat, err := c.s.Reload(context.Background(), c.url); err != nil || cat.Origin.Kind != model.OriginURL || c.requests.Load() != 1 {
				t.Errorf("%s, stale %v: r: %+v, %d requests, %v", name, stale, cat.Origin, c.requests.Load(), err)
			}
		}
	}
}

// TestQuickURLSmallCopy: a cached copy no larger than a first view needs
// (the embedded catalog, a 120 KiB landscape) is read whole at once, and
// no reload follows while it is fresh.
func TestQuickURLSmallCopy(t *testing.T) {
	for name, body := range map[string][]byte{"markdown": Embedded(), "landscape": readTestdata(t, "landscape.yml")} {
		whole, err := parseURL(name, body)
		if err != nil {
			t.Fatal(err)
		}
		c := cachedURL(t, body)
		cat, more, err := c.s.Quick(c.url, time.Hour)
		if err != nil || more || cat.Origin.Kind != model.OriginCache || len(cat.Projects) != len(whole.Projects) {
			t.Errorf("%s: quick: more %v, %d projects of %d, %v", name, more, len(cat.Projects), len(whole.Projects), err)
		}
		if _, ok := c.s.partialAge(c.url); ok || c.requests.Load() != 0 {
			t.Errorf("%s: a whole copy is taken for a first view, or asked for", name)
		}
	}
}

// TestQuickURLDamagedAfterFirstView: when the cached copy is damaged
// after its first view is shown, those rows are not kept: Reload falls
// back as Load does, with today's notices: the server's copy when it
// answers, else, offline, the embedded catalog saying why the cached copy
// is not used. A copy that no longer parses whole (its record gone, so no
// checksum says so) is not used either.
func TestQuickURLDamagedAfterFirstView(t *testing.T) {
	embedded, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range largeCachedCatalogs(t) {
		for _, tc := range []struct {
			damage  string
			offline bool
			notice  string // the notice's start, offline
		}{
			{damage: "truncated"},
			{damage: "truncated", offline: true, notice: "offline: showing the embedded catalog (could not fetch "},
			{damage: "unparsable", offline: true, notice: "offline: showing the embedded catalog (could not fetch "},
		} {
			what := fmt.Sprintf("%s, %s, offline %v", name, tc.damage, tc.offline)
			c := cachedURL(t, body)
			first, more, err := c.s.Quick(c.url, time.Hour)
			if err != nil || !more || len(first.Projects) == 0 {
				t.Fatalf("%s: quick: more %v, %v", what, more, err)
			}
			bodies, err := filepath.Glob(filepath.Join(c.s.Remote.CacheDir, "*.md"))
			if err != nil || len(bodies) != 1 {
				t.Fatalf("%s: cached bodies %v, %v", what, bodies, err)
			}
			damaged := body[:len(body)*3/4]
			if tc.damage == "unparsable" {
				damaged = append(bytes.Clone(body), "\x00\n\t[unclosed\n"...) // binary Markdown, bad YAML
				if err := os.Remove(strings.TrimSuffix(bodies[0], ".md") + ".json"); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(bodies[0], damaged, 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.offline {
				c.srv.Close()
			}
			cat, err := c.s.Reload(context.Background(), c.url)
			switch {
			case err != nil:
				t.Errorf("%s: reload: %v", what, err)
			case !tc.offline:
				if cat.Origin.Kind != model.OriginURL || len(cat.Projects) != len(parsed(t, body).Projects) || c.requests.Load() != 1 {
					t.Errorf("%s: reload: %+v, %d projects, %d requests", what, cat.Origin, len(cat.Projects), c.requests.Load())
				}
			default:
				wantEnd := ""
				if tc.damage == "truncated" {
					wantEnd = "; the cached copy is not used (damaged: its checksum is not the one recorded)"
				}
				if cat.Origin.Kind != model.OriginEmbedded || len(cat.Projects) != len(embedded.Projects) ||
					!strings.HasPrefix(cat.Origin.Notice, tc.notice) || !strings.HasSuffix(cat.Origin.Notice, ")"+wantEnd) {
					t.Errorf("%s: reload: %+v, %d projects", what, cat.Origin, len(cat.Projects))
				}
			}
		}
	}
}

func parsed(t *testing.T, body []byte) *model.Catalog {
	t.Helper()
	cat, err := parseURL("catalog", body)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestQuickURLThenLoad: a first view followed by Load instead of Reload
// (browse --area checks the area against the whole) is whole from then
// on: a later Reload (r) asks the server, as it always has.
func TestQuickURLThenLoad(t *testing.T) {
	c := cachedURL(t, readTestdata(t, "landscape-full.yml"))
	if _, more, err := c.s.Quick(c.url, time.Hour); err != nil || !more {
		t.Fatalf("quick: more %v, %v", more, err)
	}
	if cat, err := c.s.Load(context.Background(), c.url, time.Hour); err != nil || cat.Origin.Kind != model.OriginCache || c.requests.Load() != 0 {
		t.Fatalf("load: %+v, %d requests, %v", cat.Origin, c.requests.Load(), err)
	}
	if cat, err := c.s.Reload(context.Background(), c.url); err != nil || cat.Origin.Kind != model.OriginURL || c.requests.Load() != 1 {
		t.Errorf("r: %+v, %d requests, %v", cat.Origin, c.requests.Load(), err)
	}
}
