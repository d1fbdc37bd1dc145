package data

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/synth"
)

// cachedURL serves body from a loopback server, caches it through a
// Sources whose clock is *now, and returns the Sources, the URL and the
// count of requests the server has had since.
func cachedURL(tb testing.TB, body []byte, now *time.Time) (*Sources, string, *atomic.Int64) {
	tb.Helper()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	url := srv.URL + "/catalog"
	s := &Sources{Remote: fetch.Remote{CacheDir: tb.TempDir(), Now: func() time.Time { return *now }}}
	if cat, err := s.Reload(context.Background(), url); err != nil || cat.Origin.Notice != "" {
		tb.Fatalf("caching %s: %v", url, err)
	}
	requests.Store(0)
	return s, url, &requests
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
			now := time.Now()
			s, url, _ := cachedURL(b, tc.body, &now)
			for b.Loop() {
				if _, _, err := s.Quick(url, time.Hour); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
