package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// rawAnswer serves every request with raw bytes, as a broken or hostile
// server would.
func rawAnswer(t *testing.T, raw string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString(raw)
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/projects.md"
}

// TestHostileServers: what a server says reaches standard error on one
// line, inert, and a server that answered is never called offline.
func TestHostileServers(t *testing.T) {
	for _, tc := range []struct{ name, raw, want string }{
		{"escapes in the status line", "HTTP/1.1 500 \x1b]0;TITLE\x07 \x1b]52;c;aGVsbG8=\x07\r\nContent-Length: 0\r\n\r\n",
			"upstream-tui: not updated: showing the embedded catalog (could not fetch URL: HTTP 500)\n"},
		{"a redirect to javascript:", "HTTP/1.1 302 Found\r\nLocation: javascript:alert(1)\r\nContent-Length: 0\r\n\r\n",
			"upstream-tui: not updated: showing the embedded catalog (could not fetch URL: refused redirect to a non-http(s) URL: \"javascript:alert(1)\")\n"},
		{"a redirect to file:", "HTTP/1.1 301 Moved\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
			"upstream-tui: not updated: showing the embedded catalog (could not fetch URL: refused redirect to a non-http(s) URL: \"file:///etc/passwd\")\n"},
		{"a truncated body", "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n| Project Area | Project |\n",
			"upstream-tui: not updated: showing the embedded catalog (URL answered with something that is not a catalog: the body ended before the length the server declared)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			withCache(t)
			url := rawAnswer(t, tc.raw)
			r := execute(t, nil, "list", "-o", "tsv", "--catalog", url)
			if got := strings.ReplaceAll(r.stderr, url, "URL"); r.status != 0 || got != tc.want || !inert.IsClean(r.stderr) {
				t.Errorf("status %d stderr\n got %q\nwant %q", r.status, got, tc.want)
			}
		})
	}
}

// cacheRecord is the cache's validators file for the one URL cached.
func cacheRecord(t *testing.T, cache string) (path string, meta map[string]any) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(cache, "*.json"))
	if len(files) != 1 {
		t.Fatalf("cache records %v", files)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil || json.Unmarshal(raw, &meta) != nil {
		t.Fatalf("%s: %v", files[0], err)
	}
	return files[0], meta
}

// TestCacheFromTheFuture: a copy whose download time is ahead of the
// clock is stale: a command downloads again, and so does --refresh.
func TestCacheFromTheFuture(t *testing.T) {
	cache := withCache(t)
	srv := newSwitchServer(t, data.Embedded())
	url := srv.URL + "/projects.md"
	if r := execute(t, nil, "list", "--catalog", url); r.status != 0 {
		t.Fatalf("status %d stderr %q", r.status, r.stderr)
	}
	path, meta := cacheRecord(t, cache)
	meta["fetched"] = time.Now().Add(72 * time.Hour).Format(time.RFC3339)
	raw, _ := json.Marshal(meta)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	srv.serve(bytes.Replace(data.Embedded(), []byte("[Moby]"), []byte("[Moby Later]"), 1))
	for _, args := range [][]string{{"show", "moby later", "--refresh"}, {"show", "moby later"}} {
		if r := execute(t, nil, append(args, "--catalog", url)...); r.status != 0 || !strings.Contains(r.stdout, "Moby Later") {
			t.Errorf("%v: status %d stderr %q", args, r.status, r.stderr)
		}
	}
}

// TestTruncatedCache: a cached copy cut short is not the catalog: a
// command downloads again, however young the copy.
func TestTruncatedCache(t *testing.T) {
	cache := withCache(t)
	srv := newSwitchServer(t, data.Embedded())
	url := srv.URL + "/projects.md"
	if r := execute(t, nil, "list", "--catalog", url); r.status != 0 {
		t.Fatalf("status %d stderr %q", r.status, r.stderr)
	}
	bodies, _ := filepath.Glob(filepath.Join(cache, "*.md"))
	cut := bytes.Index(data.Embedded(), []byte("[Moby]")) // Moby and all after it lost
	if len(bodies) != 1 || os.Truncate(bodies[0], int64(cut)) != nil {
		t.Fatalf("cache %v", bodies)
	}
	if r := execute(t, nil, "show", "moby", "--catalog", url); r.status != 0 || !strings.Contains(r.stdout, "# Moby") {
		t.Errorf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	srv.Close()
	r := execute(t, nil, "show", "moby", "--catalog", url)
	if r.status != 0 || r.stderr != "" {
		t.Errorf("the copy downloaded again is whole: status %d stderr %q", r.status, r.stderr)
	}
}
