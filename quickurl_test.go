package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCachedLandscapeURLInRealTerminal: the app on a fresh cached copy of
// the full landscape starts on its first view and reads the whole from
// the cache, asking the server nothing; r then asks it once.
func TestCachedLandscapeURLInRealTerminal(t *testing.T) {
	withCache(t)
	body, err := os.ReadFile(landscapeFull)
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	url := srv.URL + "/landscape.yml"
	if r := execute(t, nil, "list", "-o", "tsv", "--catalog", url); r.status != 0 || requests.Load() != 1 {
		t.Fatalf("caching: status %d, %d requests, stderr %q", r.status, requests.Load(), r.stderr)
	}
	requests.Store(0)

	host := strings.TrimPrefix(url, "http://")
	s := startTmux(t, 140, 40, "--catalog", url)
	screen := s.waitFor("the whole cached copy", contains("All 2407", host+" · cached just now"))
	if strings.Contains(screen, "loading…") || requests.Load() != 0 {
		t.Errorf("%d requests for a fresh cached copy:\n%s", requests.Load(), screen)
	}
	s.keys("r")
	s.waitFor("the download", contains("Read 2407 projects from "+url))
	if requests.Load() != 1 {
		t.Errorf("r made %d requests", requests.Load())
	}
	s.keys("q")
	s.checkRestored("0")
}
