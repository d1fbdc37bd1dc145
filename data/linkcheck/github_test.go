package linkcheck

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

// fakeHealth answers from a map, and fails for the repositories in fail;
// it counts what it is asked.
type fakeHealth struct {
	mu      sync.Mutex
	answers map[string]model.Health
	fail    map[string]error
	asked   map[string]int
}

func (f *fakeHealth) Cached(model.Repo) (model.Health, bool) { return model.Health{}, false }

func (f *fakeHealth) Check(_ context.Context, repo model.Repo, _ bool) (model.Health, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked[repo.Key()]++
	if err := f.fail[repo.Key()]; err != nil {
		return model.Health{}, err
	}
	h := f.answers[repo.Key()]
	h.Repo = repo
	return h, nil
}

func TestGitHubLinksThroughHealth(t *testing.T) {
	s := newServer(t, func(_ *server, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/offline/repo" || r.URL.Path == "/busy/repo/issues" || r.URL.Path == "/containerd/containerd/tree/main/gone" {
			w.WriteHeader(http.StatusNotFound)
		}
	})
	health := &fakeHealth{
		answers: map[string]model.Health{
			"azure/aks-engine":      {Archived: true},
			"deislabs/smi-spec":     {MovedTo: model.Repo{Owner: "servicemeshinterface", Name: "smi-spec"}, Archived: true},
			"gone/repo":             {Missing: true},
			"containerd/containerd": {},
			"kubernetes-sigs/moved": {MovedTo: model.Repo{Owner: "kubernetes-sigs", Name: "renamed"}},
		},
		fail: map[string]error{
			"offline/repo": &model.OfflineError{Err: errors.New("no network")},
			"busy/repo":    &model.RateLimitError{},
		},
		asked: map[string]int{},
	}
	c := checker(s, nil)
	c.Health = health
	fs := c.Check(context.Background(), []Link{
		{1, "https://github.com/Azure/aks-engine"},
		{2, "https://github.com/deislabs/smi-spec/issues"},
		{3, "https://github.com/deislabs/smi-spec#readme"},
		{4, "https://github.com/gone/repo"},
		{5, "https://github.com/containerd/containerd/releases"},
		{6, "https://github.com/offline/repo"},
		{7, "https://github.com/busy/repo/issues"},
		{8, "https://sigs.k8s.io/moved"},
		{9, "https://github.com/containerd/containerd/tree/main/gone"},
	})
	want := []struct {
		line     int
		severity model.Severity
		message  string
		fix      string
	}{
		{1, "warning", "https://github.com/Azure/aks-engine: repository Azure/aks-engine is archived (read-only)", ""},
		{2, "warning", "https://github.com/deislabs/smi-spec/issues: repository moved to servicemeshinterface/smi-spec, which is archived", "https://github.com/servicemeshinterface/smi-spec/issues"},
		{3, "warning", "https://github.com/deislabs/smi-spec#readme: repository moved to servicemeshinterface/smi-spec, which is archived", "https://github.com/servicemeshinterface/smi-spec#readme"},
		{4, "error", "https://github.com/gone/repo: repository gone/repo not found on GitHub", ""},
		{6, "error", "https://github.com/offline/repo: 404 Not Found", ""},
		{7, "error", "https://github.com/busy/repo/issues: 404 Not Found", ""},
		{8, "warning", "https://sigs.k8s.io/moved: repository moved to kubernetes-sigs/renamed", ""},
		// A path into a live repository's files can vanish: requested too.
		{9, "error", "https://github.com/containerd/containerd/tree/main/gone: 404 Not Found", ""},
	}
	if len(fs) != len(want) {
		t.Fatalf("%d findings %+v, want %d", len(fs), fs, len(want))
	}
	for i, w := range want {
		f := fs[i]
		if f.Line != w.line || f.Severity != w.severity || f.Message != w.message || f.Fix != w.fix {
			t.Errorf("finding %d: %d %s %q fix %q\nwant %d %s %q fix %q", i, f.Line, f.Severity, f.Message, f.Fix, w.line, w.severity, w.message, w.fix)
		}
	}
	if n := health.asked["deislabs/smi-spec"]; n != 1 {
		t.Errorf("smi-spec asked %d times, want once for its two links", n)
	}
	// The health source's answers spare the requests; its failures fall
	// back to them.
	if n := s.count("HEAD github.com/Azure/aks-engine"); n != 0 {
		t.Errorf("an answered repository was requested %d times", n)
	}
	if n := s.count("HEAD github.com/offline/repo"); n != 1 {
		t.Errorf("a repository the source could not answer was requested %d times, want 1", n)
	}
}

// TestHealthRefusedOnceARun: the first rate limit or offline refusal of
// the health source is told once a run; other failures are not.
func TestHealthRefusedOnceARun(t *testing.T) {
	s := newServer(t, func(*server, http.ResponseWriter, *http.Request) {})
	for _, tc := range []struct {
		name string
		fail map[string]error
		want int
	}{
		{"rate limit and offline", map[string]error{
			"a/one":   &model.RateLimitError{},
			"a/two":   &model.RateLimitError{},
			"a/three": &model.OfflineError{Err: errors.New("no such host")},
		}, 1},
		{"another failure", map[string]error{"a/one": errors.New("bad answer")}, 0},
		{"answered", nil, 0},
	} {
		c := checker(s, nil)
		c.Health = &fakeHealth{fail: tc.fail, asked: map[string]int{}}
		var mu sync.Mutex
		var told []error
		c.HealthRefused = func(err error) {
			mu.Lock()
			defer mu.Unlock()
			told = append(told, err)
		}
		c.Check(context.Background(), []Link{
			{1, "https://github.com/a/one"}, {2, "https://github.com/a/two"}, {3, "https://github.com/a/three"},
		})
		if len(told) != tc.want {
			t.Errorf("%s: told %d times (%v), want %d", tc.name, len(told), told, tc.want)
		}
	}
}
