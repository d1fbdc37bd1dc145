package fetch

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// rawServer answers every request with raw bytes, as a hostile or broken
// server would, then, when hold is set, keeps the connection open until
// the client closes it.
func rawServer(t *testing.T, raw string, hold bool) string {
	t.Helper()
	return handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString(raw)
		buf.Flush()
		if hold {
			io.Copy(io.Discard, conn) // until the client gives up
		}
	})
}

// loadNotice is the notice of a download from url falling back to the
// embedded catalog, with the client's timeout.
func loadNotice(t *testing.T, url string, timeout time.Duration) string {
	t.Helper()
	client := NewHTTPClient()
	client.Timeout = timeout
	r := testRemote(Remote{Client: client, CacheDir: t.TempDir()})
	cat, err := r.Load(context.Background(), url, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Origin.Kind != model.OriginEmbedded {
		t.Fatalf("origin %+v", cat.Origin)
	}
	if !inert.IsClean(cat.Origin.Notice) {
		t.Errorf("the notice holds what a terminal acts on: %q", cat.Origin.Notice)
	}
	return cat.Origin.Notice
}

// TestHostileAnswers: what a server says reaches a message inert, and a
// server that did answer is never called offline.
func TestHostileAnswers(t *testing.T) {
	words := strings.Repeat("overloaded ", 30)
	for _, tc := range []struct {
		name, raw string
		hold      bool
		want      string // all of the notice after the URL
	}{
		{"escapes in the status line",
			"HTTP/1.1 500 \x1b]0;TITLE\x07 \x1b]52;c;aGVsbG8=\x07 \u009b31m\r\nContent-Length: 0\r\n\r\n", false,
			"not updated: showing the embedded catalog (could not fetch URL: HTTP 500)"},
		{"a long reason", "HTTP/1.1 503 " + words + "\r\nContent-Length: 0\r\n\r\n", false,
			"not updated: showing the embedded catalog (could not fetch URL: HTTP 503" + strings.TrimSuffix(" "+words[:len(words)-len("overloaded ")*20], " ") + "…)"},
		{"a malformed status line", "HTTP/1.1 abc\r\n\r\n", false,
			"not updated: showing the embedded catalog (URL answered with something that is not a catalog: malformed HTTP status code \"abc\")"},
		{"a lying Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n| Project Area |", false,
			"not updated: showing the embedded catalog (URL answered with something that is not a catalog: the body ended before the length the server declared)"},
		{"a body too slow", "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n| Project Area |", true,
			"not updated: showing the embedded catalog (could not fetch URL: timed out after 200ms reading the body)"},
		{"a redirect to file:", "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n", false,
			"not updated: showing the embedded catalog (could not fetch URL: refused redirect to a non-http(s) URL: \"file:///etc/passwd\")"},
		{"a redirect to javascript:", "HTTP/1.1 302 Found\r\nLocation: javascript:alert(1)\r\nContent-Length: 0\r\n\r\n", false,
			"not updated: showing the embedded catalog (could not fetch URL: refused redirect to a non-http(s) URL: \"javascript:alert(1)\")"},
		{"a redirect with C1 controls", "HTTP/1.1 302 Found\r\nLocation: ftp://x/\u009b2J\u009d0;T\u009c\r\nContent-Length: 0\r\n\r\n", false,
			"not updated: showing the embedded catalog (could not fetch URL: refused redirect to a non-http(s) URL: \"ftp://x/%C2%9B2J%C2%9D0;T%C2%9C\")"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := rawServer(t, tc.raw, tc.hold)
			got := strings.ReplaceAll(loadNotice(t, url, 200*time.Millisecond), url, "URL")
			if got != tc.want {
				t.Errorf("notice\n got %q\nwant %q", got, tc.want)
			}
		})
	}
	if seconds(Timeout) != "10 s" {
		t.Errorf("the limit reads %q", seconds(Timeout))
	}
}

// TestReasonCutAtAWord: a reason is cut between words, and one word too
// long for the line at a rune.
func TestReasonCutAtAWord(t *testing.T) {
	long := strings.Repeat("word ", 40)
	if got := reason(long); len(got) > maxReason+len("…") || !strings.HasSuffix(got, "word…") {
		t.Errorf("%q", got)
	}
	if got := reason(strings.Repeat("é", 100)); got != strings.Repeat("é", 60)+"…" {
		t.Errorf("%q", got)
	}
	if got := reason("Not\tFound\r\n"); got != "Not Found" {
		t.Errorf("%q", got)
	}
}

// TestDamagedCache: a cached copy cut short (its checksum no longer the
// one recorded) is not shown as the catalog: it counts as missing, a
// download is due, and the notices say why.
func TestDamagedCache(t *testing.T) {
	srv, r, dir := cachedServer(t)
	url := srv.catalogURL()
	body := cachePath(dir, url) + bodyExt
	if err := os.Truncate(body, int64(len(embedded())/2)); err != nil {
		t.Fatal(err)
	}
	cat, stale, err := r.Cached(url, time.Hour)
	if err != nil || !stale || cat.Origin.Kind != model.OriginEmbedded ||
		!strings.HasPrefix(cat.Origin.Notice, "the cached copy of "+model.ShortURL(url)+" is not used (damaged: its checksum is not the one recorded): ") {
		t.Fatalf("stale %v, origin %+v, %v", stale, cat.Origin, err)
	}
	srv.Close()
	cat, err = r.Load(context.Background(), url, time.Hour)
	if err != nil || cat.Origin.Kind != model.OriginEmbedded || !strings.HasPrefix(cat.Origin.Notice, "offline: showing the embedded catalog (could not fetch ") ||
		!strings.HasSuffix(cat.Origin.Notice, "; the cached copy is not used (damaged: its checksum is not the one recorded)") {
		t.Errorf("offline: origin %+v, %v", cat.Origin, err)
	}
}

// TestFetchedInTheFuture: a copy whose download time is ahead of the
// clock (a clock that was wrong) is stale whatever the limit, and a
// reload asks the server.
func TestFetchedInTheFuture(t *testing.T) {
	srv := newCatalogServer(t, embedded(), `"v1"`)
	dir := t.TempDir()
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	r := testRemote(Remote{CacheDir: dir, Now: func() time.Time { return now }})
	if _, err := r.Fetch(context.Background(), srv.catalogURL()); err != nil {
		t.Fatal(err)
	}
	now = now.Add(-48 * time.Hour) // the clock put right
	if _, stale, err := r.Cached(srv.catalogURL(), 24*time.Hour); err != nil || !stale {
		t.Errorf("cached: stale %v, %v", stale, err)
	}
	before := srv.requests.Load()
	if _, err := r.Load(context.Background(), srv.catalogURL(), 0); err != nil {
		t.Fatal(err)
	}
	if srv.requests.Load() != before+1 {
		t.Error("a reload of a copy from the future asked no server")
	}
}
