package github

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/github/githubtest"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// The primary limit: checks stop, without a request, once the answers
// say the budget is nearly spent, until it resets; a 403 with remaining 0
// stops them too.
func TestPrimaryRateLimit(t *testing.T) {
	f := newFixture(t, Options{})
	f.api.SetBudget(60, reserve+2)
	if _, err := f.check(t, "containerd/containerd", false); err != nil {
		t.Fatal(err)
	}
	n := len(f.api.Requests())
	h, err := f.check(t, "Azure/aks-engine", false)
	var rl *model.RateLimitError
	if !errors.As(err, &rl) || !rl.Reset.Equal(f.api.Reset()) || !rl.Authenticated {
		t.Fatalf("error %#v, want a rate limit resetting at %v", err, f.api.Reset())
	}
	if len(f.api.Requests()) != n || h.Repo.String() != "Azure/aks-engine" {
		t.Errorf("%d requests past the budget; health %+v", len(f.api.Requests())-n, h)
	}
	// The cached answer stays in use, with the error.
	h, err = f.check(t, "containerd/containerd", true)
	if !model.IsRateLimit(err) || h.Stars != 17000 {
		t.Errorf("refresh past the budget: %+v %v", h, err)
	}
	// Once the reset has passed, checks ask again.
	f.clock.set(f.api.Reset().Add(time.Second))
	f.api.SetBudget(60, 60)
	if _, err := f.check(t, "Azure/aks-engine", false); err != nil {
		t.Errorf("after the reset: %v", err)
	}

	// A server that says 403 with remaining 0 (another tool spent it).
	g := newFixture(t, Options{Token: func(string) string { return "" }})
	g.api.SetBudget(60, 0)
	_, err = g.check(t, "containerd/containerd", false)
	if !errors.As(err, &rl) || rl.Authenticated || !rl.Reset.Equal(g.api.Reset()) {
		t.Fatalf("error %#v", err)
	}
	if !strings.Contains(err.Error(), "a token") {
		t.Errorf("the error does not say a token raises the limit: %v", err)
	}
	n = len(g.api.Requests())
	for _, name := range []string{"Azure/aks-engine", "containerd/containerd"} {
		if _, err := g.check(t, name, true); !model.IsRateLimit(err) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if len(g.api.Requests()) != n {
		t.Errorf("hammered: %d more requests after a 403", len(g.api.Requests())-n)
	}
}

// Secondary limits: a 403 or 429 with retry-after, or one whose body
// says so, or a bare 429, is waited out without a request.
func TestSecondaryRateLimit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(w http.ResponseWriter)
		wait   time.Duration
	}{
		{"403 retry-after", func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "120")
			githubtest.Error(w, http.StatusForbidden, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
				"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
		}, 120 * time.Second},
		{"403 body only", func(w http.ResponseWriter) {
			githubtest.Error(w, http.StatusForbidden, "You have exceeded a secondary rate limit.",
				"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
		}, waitUnknown},
		{"429 bare", func(w http.ResponseWriter) {
			githubtest.Error(w, http.StatusTooManyRequests, "Too Many Requests", "")
		}, waitUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool { tc.answer(w); return true })
			_, err := f.check(t, "containerd/containerd", false)
			var rl *model.RateLimitError
			if !errors.As(err, &rl) || !rl.Reset.Equal(now.Add(tc.wait)) {
				t.Fatalf("error %#v, want a wait until %v", err, now.Add(tc.wait))
			}
			n := len(f.api.Requests())
			f.clock.add(tc.wait - time.Second)
			if _, err := f.check(t, "Azure/aks-engine", false); !model.IsRateLimit(err) || len(f.api.Requests()) != n {
				t.Errorf("asked before the wait was over: %v", err)
			}
			f.api.Hook(nil)
			f.clock.add(time.Second)
			if _, err := f.check(t, "Azure/aks-engine", false); err != nil {
				t.Errorf("after the wait: %v", err)
			}
		})
	}
}

// A plain 403 (a repository blocked to this user) is an answer, not a
// limit: the next check asks.
func TestForbiddenIsNoLimit(t *testing.T) {
	f := newFixture(t, Options{})
	f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool {
		if strings.Contains(r.URL.Path, "containerd") {
			githubtest.Error(w, http.StatusForbidden, "Repository access blocked", "")
			return true
		}
		return false
	})
	if _, err := f.check(t, "containerd/containerd", false); err == nil || model.IsRateLimit(err) {
		t.Fatalf("error %v", err)
	}
	if _, err := f.check(t, "Azure/aks-engine", false); err != nil {
		t.Errorf("after a 403: %v", err)
	}
}

// Hostile texts: everything kept from an answer is inert, in memory, in
// the cache file and read back from it.
func TestHostileAnswer(t *testing.T) {
	f := newFixture(t, Options{})
	evil := "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\u202e\u009b31m\r\b"
	f.api.Add(githubtest.Repo{FullName: "containerd/containerd", Description: "runtime" + evil, License: "MIT" + evil,
		Topics: []string{evil, "oci" + evil}, PushedAt: now, Release: &githubtest.Release{Tag: "v1" + evil, PublishedAt: now}})
	h, err := f.check(t, "containerd/containerd", false)
	if err != nil {
		t.Fatal(err)
	}
	clean := func(where string, h model.Health) {
		t.Helper()
		texts := append([]string{h.Description, h.License, h.LatestRelease.Tag}, h.Topics...)
		for _, s := range texts {
			if !inert.IsClean(s) || strings.ContainsAny(s, "\r\n\b\x1b") {
				t.Errorf("%s: %q is not inert", where, s)
			}
		}
		if !strings.HasPrefix(h.Description, "runtime") || len(h.Topics) != 2 || !strings.HasPrefix(h.Topics[1], "oci") {
			t.Errorf("%s: %+v", where, h)
		}
	}
	clean("answer", h)
	src := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now})
	h, _ = src.Cached(repo("containerd/containerd"))
	clean("cache", h)
}

// A redirect to another host is not followed, and the token never
// reaches it; the token goes to the API host only.
func TestRedirectElsewhere(t *testing.T) {
	var elsewhere atomic.Int64
	var auth atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		auth.Store(r.Header.Get("Authorization"))
		w.Write([]byte(`{"full_name": "evil/evil"}`))
	}))
	defer other.Close()
	f := newFixture(t, Options{})
	f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Location", other.URL+"/repositories/1")
		githubtest.Error(w, http.StatusMovedPermanently, "Moved Permanently", "")
		return true
	})
	_, err := f.check(t, "containerd/containerd", false)
	if err == nil || !strings.Contains(err.Error(), "redirected away from the API host") {
		t.Errorf("error %v", err)
	}
	if elsewhere.Load() != 0 {
		t.Errorf("the other host was asked, with Authorization %q", auth.Load())
	}
	for _, r := range f.api.Requests() {
		if r.Authorization != "Bearer "+testToken {
			t.Errorf("the API host got Authorization %q", r.Authorization)
		}
	}
	// The transport itself sends no token to another host, whatever
	// asks it to.
	tr := f.src.client.Client().Transport
	req, _ := http.NewRequest(http.MethodGet, other.URL+"/x", nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := auth.Load(); got != "" {
		t.Errorf("another host got Authorization %q", got)
	}
}

// The API's URL follows the rule for URLs: plain http only to loopback.
// A Source on a URL it refuses reads its cache, and every check says why
// it cannot ask, without a request.
func TestAPIURL(t *testing.T) {
	f := newFixture(t, Options{})
	cached, err := f.check(t, "containerd/containerd", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"http://api.example.com", "ftp://api.github.com", "not a url\x1b[2J"} {
		src := New(Options{API: bad, CacheDir: f.dir, Token: func(string) string { return testToken }})
		h, err := src.Check(context.Background(), repo("containerd/containerd"), true)
		if err == nil || !strings.HasPrefix(err.Error(), "GITHUB_API_URL: ") || !inert.IsClean(err.Error()) || !equalHealth(h, cached) {
			t.Errorf("%q: %v, %+v", bad, err, h)
		}
		if got, ok := src.Cached(repo("containerd/containerd")); !ok || !equalHealth(got, cached) {
			t.Errorf("%q: cache not read", bad)
		}
		if answered := src.Prefetch(context.Background(), []model.Repo{repo("Azure/aks-engine")}, true); answered[0] {
			t.Errorf("%q: Prefetch answered", bad)
		}
	}
	for _, good := range []string{"https://ghe.example.com/api/v3", "http://127.0.0.1:9/", "http://localhost:8080"} {
		if New(Options{API: good}).err != nil {
			t.Errorf("%q refused", good)
		}
	}
}

// The token: GH_TOKEN, then GITHUB_TOKEN, then gh's for the host;
// a value no header can carry is none.
func TestLookupToken(t *testing.T) {
	var askedGh []string
	gh := func(host string) string { askedGh = append(askedGh, host); return " gho_fromgh\n" }
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"GH_TOKEN": "a", "GITHUB_TOKEN": "b"}, "a"},
		{map[string]string{"GITHUB_TOKEN": "b"}, "b"},
		{map[string]string{"GH_TOKEN": "bad\ntoken"}, "gho_fromgh"},
		{nil, "gho_fromgh"},
	} {
		if got := lookupToken(env(tc.vars), gh, "github.com"); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.vars, got, tc.want)
		}
	}
	if tokenHost("api.github.com") != "github.com" || tokenHost("ghe.example.com") != "ghe.example.com" {
		t.Error("tokenHost")
	}
	// The token is asked for once, at the first request, not before.
	var asked atomic.Int64
	f := newFixture(t, Options{Token: func(host string) string { asked.Add(1); return testToken }})
	f.src.Cached(repo("containerd/containerd"))
	if asked.Load() != 0 {
		t.Error("Cached asked for the token")
	}
	f.check(t, "containerd/containerd", false)
	f.check(t, "Azure/aks-engine", false)
	if asked.Load() != 1 {
		t.Errorf("token asked %d times", asked.Load())
	}
}

// At most Concurrent requests are in flight at once, however many checks
// run.
func TestConcurrency(t *testing.T) {
	f := newFixture(t, Options{})
	var inFlight, most atomic.Int64
	arrived := make(chan struct{}, 100)
	release := make(chan struct{})
	f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool {
		n := inFlight.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		arrived <- struct{}{}
		<-release
		inFlight.Add(-1)
		return false
	})
	names := []string{"containerd/containerd", "Azure/aks-engine", "kubernetes-sigs/blob-csi-driver", "Azure/kubernetes-keyvault-flexvol"}
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			extra := ""
			if i >= 4 {
				extra = "-" + string(rune('a'+i))
			}
			if _, err := f.src.Check(context.Background(), repo(names[i%4]+extra), false); err != nil {
				t.Error(err)
			}
		})
	}
	for range Concurrent {
		<-arrived
	}
	close(release)
	wg.Wait()
	if m := most.Load(); m > Concurrent {
		t.Errorf("%d requests at once, want at most %d", m, Concurrent)
	}
}

// A slot is given back once an answer is read, whatever go-github does
// with its body: an error's (404) is read to its end and only a copy of
// it closed. Five answers later, a check still gets a slot.
func TestSlotsGivenBack(t *testing.T) {
	f := newFixture(t, Options{Timeout: 2 * time.Second})
	for i := range Concurrent + 1 {
		if _, err := f.check(t, "nobody/missing-"+string(rune('a'+i)), false); err != nil {
			t.Fatalf("check %d: %v", i+1, err)
		}
	}
}

// A spent budget is kept for the next run: a Source started again after
// a 403 asks nothing until the reset, unless it has a token where the
// spent one had none.
func TestBudgetKeptBetweenRuns(t *testing.T) {
	f := newFixture(t, Options{Token: func(string) string { return "" }})
	f.api.SetBudget(60, 0)
	if _, err := f.check(t, "containerd/containerd", false); !model.IsRateLimit(err) {
		t.Fatalf("error %v", err)
	}
	n := len(f.api.Requests())
	again := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now})
	_, err := again.Check(context.Background(), repo("Azure/aks-engine"), false)
	var rl *model.RateLimitError
	if !errors.As(err, &rl) || !rl.Reset.Equal(f.api.Reset()) || len(f.api.Requests()) != n {
		t.Errorf("started again: %v, %d requests", err, len(f.api.Requests())-n)
	}
	withToken := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now, Token: func(string) string { return testToken }})
	f.api.SetBudget(5000, 5000)
	if _, err := withToken.Check(context.Background(), repo("Azure/aks-engine"), false); err != nil {
		t.Errorf("with a token: %v", err)
	}
	// Once reset, the record is no reason to wait.
	f.clock.set(f.api.Reset().Add(time.Second))
	after := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now})
	if _, err := after.Check(context.Background(), repo("Azure/aks-engine"), true); err != nil {
		t.Errorf("after the reset: %v", err)
	}
}

// A limit whose reset or retry-after is far off (a server that is not
// GitHub, a clock gone wrong) stops checks for an hour at most, in this
// run and in the next, which reads the rate record.
func TestFarOffLimitIsBounded(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(w http.ResponseWriter)
	}{
		{"reset in 100 years", func(w http.ResponseWriter) {
			w.Header().Set("X-Ratelimit-Remaining", "0")
			w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(now.AddDate(100, 0, 0).Unix(), 10))
			githubtest.Error(w, http.StatusForbidden, "API rate limit exceeded", "")
		}},
		{"retry-after of years", func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "99999999999")
			githubtest.Error(w, http.StatusTooManyRequests, "Too Many Requests", "")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool { tc.answer(w); return true })
			_, err := f.check(t, "containerd/containerd", false)
			var rl *model.RateLimitError
			if !errors.As(err, &rl) || rl.Reset.After(now.Add(time.Hour)) {
				t.Fatalf("error %#v, want a wait of an hour at most", err)
			}
			f.api.Hook(nil)
			f.api.SetBudget(5000, 5000)
			f.clock.add(time.Hour)
			if _, err := f.check(t, "containerd/containerd", false); err != nil {
				t.Errorf("an hour later: %v", err)
			}
			again := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now, Token: func(string) string { return testToken }})
			if _, err := again.Check(context.Background(), repo("Azure/aks-engine"), false); err != nil {
				t.Errorf("the next run, an hour later: %v", err)
			}
		})
	}
}

// TestHalfAnAnswerIsShown: the repository answers, then its release is
// refused by a secondary limit: the repository's answer is returned with
// the error (the app shows it), not thrown away, with its release not
// known (rather than none), and not cached, so the next check asks both
// again.
func TestHalfAnAnswerIsShown(t *testing.T) {
	f := newFixture(t, Options{})
	f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/releases/latest") {
			return false
		}
		githubtest.Error(w, http.StatusTooManyRequests, "Too Many Requests", "")
		return true
	})
	h, err := f.check(t, "containerd/containerd", false)
	if !model.IsRateLimit(err) || h.Stars != 17000 || h.CheckedAt.IsZero() || h.LatestRelease != nil {
		t.Fatalf("health %+v, error %v; want the repository's answer with the limit", h, err)
	}
	if !h.ReleaseUnknown {
		t.Error("the release never asked reads as none: ReleaseUnknown is not set")
	}
	if _, ok := f.src.Cached(model.Repo{Owner: "containerd", Name: "containerd"}); ok {
		t.Error("half an answer was cached")
	}
}
