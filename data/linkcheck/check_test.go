package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// server answers for every host the checker asks (RouteTo sends it all),
// by host and path, and counts what it is asked.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int // "METHOD host/path"
	tries    map[string]int // host/path, any method
}

func newServer(t testing.TB, handle func(s *server, w http.ResponseWriter, r *http.Request)) *server {
	t.Helper()
	s := &server{requests: map[string]int{}, tries: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.Method+" "+r.Host+r.URL.Path]++
		s.tries[r.Host+r.URL.Path]++
		s.mu.Unlock()
		handle(s, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[key]
}

func (s *server) triesOf(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tries[key]
}

// checker checks links against s, with no pause and a sleep that only
// records how long it was asked to wait.
func checker(s *server, slept *[]time.Duration) *Checker {
	var mu sync.Mutex
	return &Checker{
		Client:         NewClient(RouteTo(s.Listener.Addr().String())),
		RequestTimeout: 200 * time.Millisecond,
		Pause:          -1,
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			if slept != nil {
				*slept = append(*slept, d)
			}
			return ctx.Err()
		},
	}
}

// kinds answers each kind of link the issue names.
func kinds(s *server, w http.ResponseWriter, r *http.Request) {
	redirect := func(status int, to string) {
		w.Header().Set("Location", to)
		w.WriteHeader(status)
	}
	switch r.Host + r.URL.Path {
	case "a.test/ok", "a.test/final", "b.test/new", "www.a.test/page", "login.a.test/login":
	case "a.test/gone404":
		w.WriteHeader(http.StatusNotFound)
	case "a.test/gone410":
		w.WriteHeader(http.StatusGone)
	case "a.test/perm1":
		redirect(http.StatusMovedPermanently, "/perm2")
	case "a.test/perm2":
		redirect(http.StatusPermanentRedirect, "https://b.test/new")
	case "a.test/mixed1":
		redirect(http.StatusMovedPermanently, "/mixed2")
	case "a.test/mixed2":
		redirect(http.StatusFound, "/final")
	case "a.test/temp":
		redirect(http.StatusFound, "/final")
	case "a.test/loop1":
		redirect(http.StatusMovedPermanently, "/loop2")
	case "a.test/loop2":
		redirect(http.StatusMovedPermanently, "/loop1")
	case "a.test/slow":
		<-r.Context().Done()
	case "a.test/busy":
		if s.triesOf(r.Host+r.URL.Path) == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	case "a.test/limited":
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	case "a.test/nohead":
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		w.Write([]byte(strings.Repeat("x", 100<<10)))
	case "a.test/anchor":
		redirect(http.StatusMovedPermanently, "https://www.a.test/page")
	case "aka.ms/short", "sub.k8s.io/x":
		redirect(http.StatusMovedPermanently, "https://a.test/final")
	case "medium.com/x", "a.test/forbidden":
		w.WriteHeader(http.StatusForbidden)
	case "www.linkedin.com/in/x":
		w.WriteHeader(999)
	case "a.test/private":
		redirect(http.StatusMovedPermanently, "https://login.a.test/login")
	case "a.test/via-short":
		redirect(http.StatusMovedPermanently, "https://aka.ms/short")
	default:
		w.WriteHeader(http.StatusTeapot)
	}
}

func TestCheckEachKind(t *testing.T) {
	s := newServer(t, kinds)
	var slept []time.Duration
	c := checker(s, &slept)
	for _, tc := range []struct {
		url, severity, message, fix string
	}{
		{"https://a.test/ok", "", "", ""},
		{"https://a.test/gone404", "error", "https://a.test/gone404: 404 Not Found", ""},
		{"https://a.test/gone410", "error", "https://a.test/gone410: 410 Gone", ""},
		{"https://a.test/perm1", "warning", "https://a.test/perm1: moved permanently to https://b.test/new (301, 308)", "https://b.test/new"},
		{"https://a.test/mixed1", "warning", "https://a.test/mixed1: redirects to https://a.test/final (301, 302)", ""},
		{"https://a.test/temp", "warning", "https://a.test/temp: redirects to https://a.test/final (302)", ""},
		{"https://a.test/loop1", "error", "https://a.test/loop1: redirect loop", ""},
		{"https://a.test/slow", "error", "https://a.test/slow: timed out", ""},
		{"https://a.test/busy", "", "", ""},
		{"https://a.test/limited", "warning", "https://a.test/limited: could not check (429 after 3 tries)", ""},
		{"https://a.test/nohead", "", "", ""},
		{"https://a.test/anchor#install", "warning", "https://a.test/anchor#install: moved permanently to https://www.a.test/page (301)", "https://www.a.test/page#install"},
		{"https://aka.ms/short", "", "", ""},
		{"https://sub.k8s.io/x", "", "", ""},
		{"https://medium.com/x", "warning", "https://medium.com/x: could not check (403: medium.com refuses robots)", ""},
		{"https://a.test/forbidden", "error", "https://a.test/forbidden: 403 Forbidden", ""},
		{"https://www.linkedin.com/in/x", "warning", "https://www.linkedin.com/in/x: could not check (999: www.linkedin.com refuses robots)", ""},
		{"https://a.test/private", "warning", "https://a.test/private: moved permanently to https://login.a.test/login (301); a sign-in page, not fixed", ""},
		// Through a redirect host: where it leads is that host's choice.
		{"https://a.test/via-short", "warning", "https://a.test/via-short: moved permanently to https://a.test/final (301, 301); through a redirect host, not fixed", ""},
	} {
		t.Run(tc.url, func(t *testing.T) {
			fs := c.Check(context.Background(), []Link{{Line: 7, URL: tc.url}})
			if tc.severity == "" {
				if len(fs) != 0 {
					t.Fatalf("findings %+v, want none", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("findings %+v, want one", fs)
			}
			f := fs[0]
			if string(f.Severity) != tc.severity || f.Message != tc.message || f.Fix != tc.fix || f.Line != 7 {
				t.Errorf("got %s %q fix %q line %d\nwant %s %q fix %q line 7", f.Severity, f.Message, f.Fix, f.Line, tc.severity, tc.message, tc.fix)
			}
		})
	}
	// Each asked for what the issue says: the timeout twice, 429 three
	// times, HEAD then GET.
	for key, want := range map[string]int{
		"HEAD a.test/slow": 2, "HEAD a.test/limited": 3, "HEAD a.test/busy": 2,
		"HEAD a.test/nohead": 1, "GET a.test/nohead": 1, "HEAD a.test/ok": 1,
	} {
		if got := s.count(key); got != want {
			t.Errorf("%s asked %d times, want %d", key, got, want)
		}
	}
	// Retry-After honoured (2 s), and capped at 30 s.
	slices.Sort(slept)
	if !slices.Equal(slept, []time.Duration{2 * time.Second, 30 * time.Second, 30 * time.Second}) {
		t.Errorf("slept %v, want 2s for busy and 30s twice for limited", slept)
	}
}

func TestCheckHops(t *testing.T) {
	s := newServer(t, kinds)
	fs := checker(s, nil).Check(context.Background(), []Link{{Line: 1, URL: "https://a.test/perm1"}})
	want := []model.Hop{{URL: "https://a.test/perm1", Status: 301}, {URL: "https://a.test/perm2", Status: 308}, {URL: "https://b.test/new", Status: 200}}
	if len(fs) != 1 || !slices.Equal(fs[0].Hops, want) || fs[0].Status != 200 {
		t.Fatalf("findings %+v, want hops %v", fs, want)
	}
}

func TestSameURLRequestedOnce(t *testing.T) {
	s := newServer(t, kinds)
	fs := checker(s, nil).Check(context.Background(), []Link{
		{Line: 3, URL: "https://a.test/gone404"}, {Line: 9, URL: "https://a.test/gone404"},
		{Line: 12, URL: "https://a.test/gone404#part"}, {Line: 4, URL: "mailto:x@a.test"},
	})
	if got := s.count("HEAD a.test/gone404") + s.count("GET a.test/gone404"); got != 2 { // HEAD 404, then GET to be sure
		t.Errorf("asked %d times, want 2 (one HEAD, one GET)", got)
	}
	var lines []int
	for _, f := range fs {
		lines = append(lines, f.Line)
	}
	if !slices.Equal(lines, []int{3, 9, 12}) {
		t.Errorf("findings on lines %v, want 3, 9, 12", lines)
	}
}

func TestTimeUpIsNotChecked(t *testing.T) {
	s := newServer(t, kinds)
	c := checker(s, nil)
	c.RequestTimeout = time.Minute
	c.Timeout = 100 * time.Millisecond
	c.Total, c.PerHost = 1, 1
	fs := c.Check(context.Background(), []Link{{Line: 1, URL: "https://a.test/slow"}, {Line: 2, URL: "https://a.test/ok"}})
	if len(fs) == 0 {
		t.Fatal("no findings, want the slow link not checked")
	}
	for _, f := range fs {
		if f.Severity != model.SeverityWarning || !strings.HasSuffix(f.Message, "not checked: the time for the run ran out") {
			t.Errorf("finding %s %q, want a warning: not checked", f.Severity, f.Message)
		}
	}
}

func TestProgress(t *testing.T) {
	s := newServer(t, kinds)
	c := checker(s, nil)
	var seen [][2]int
	c.Progress = func(done, total int) { seen = append(seen, [2]int{done, total}) }
	c.Check(context.Background(), []Link{{1, "https://a.test/ok"}, {2, "https://a.test/final"}, {3, "https://a.test/ok"}})
	if !slices.Equal(seen, [][2]int{{0, 2}, {1, 2}, {2, 2}}) {
		t.Errorf("progress %v, want 0/2 1/2 2/2", seen)
	}
}

func TestByHostInTurn(t *testing.T) {
	var jobs []*job
	for _, u := range []string{"https://a.test/1", "https://a.test/2", "https://a.test/3", "https://b.test/1", "https://c.test/1", "https://b.test/2"} {
		jobs = append(jobs, &job{url: u})
	}
	var got []string
	for _, j := range byHostInTurn(jobs) {
		got = append(got, j.url)
	}
	want := []string{"https://a.test/1", "https://b.test/1", "https://c.test/1", "https://a.test/2", "https://b.test/2", "https://a.test/3"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// TestSharedHopAskedOnce: two links whose redirects end on one page ask
// that page once.
func TestSharedHopAskedOnce(t *testing.T) {
	s := newServer(t, kinds)
	fs := checker(s, nil).Check(context.Background(), []Link{{1, "https://a.test/temp"}, {2, "https://a.test/mixed1"}, {3, "https://a.test/final"}})
	if len(fs) != 2 {
		t.Fatalf("findings %+v, want 2", fs)
	}
	if n := s.count("HEAD a.test/final"); n != 1 {
		t.Errorf("the shared end asked %d times, want once", n)
	}
}
