package github

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/github/githubtest"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// testToken is the token tests send; no file written nor error may hold
// it.
const testToken = "ghp_TESTTOKEN0123456789abcdefghijklmnop"

// now is the tests' clock: the fake server's dates are relative to it.
var now = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

// clock is a settable time for a Source.
type clock struct{ t atomic.Pointer[time.Time] }

func newClock(t time.Time) *clock    { c := &clock{}; c.set(t); return c }
func (c *clock) set(t time.Time)     { c.t.Store(&t) }
func (c *clock) now() time.Time      { return *c.t.Load() }
func (c *clock) add(d time.Duration) { c.set(c.now().Add(d)) }

// fixture is a fake GitHub with the repositories of the tests, and a
// Source on it with a token and a cache directory.
type fixture struct {
	api   *githubtest.Server
	src   *Source
	dir   string
	clock *clock
}

func newFixture(t *testing.T, o Options) *fixture {
	t.Helper()
	api := githubtest.New(t)
	api.SetReset(now.Add(time.Hour)) // by the test's clock
	api.Add(githubtest.Repo{FullName: "containerd/containerd", Stars: 17000, Forks: 3400, OpenIssues: 700,
		PushedAt: now.Add(-2 * 24 * time.Hour), License: "Apache-2.0", Topics: []string{"containers", "oci"},
		Description: "An open and reliable container runtime",
		Release:     &githubtest.Release{Tag: "v2.1.0", PublishedAt: now.Add(-30 * 24 * time.Hour)}})
	api.Add(githubtest.Repo{FullName: "Azure/aks-engine", Archived: true, Stars: 1030, Forks: 520, OpenIssues: 10,
		PushedAt: time.Date(2023, 10, 24, 17, 9, 45, 0, time.UTC), License: "MIT",
		Release: &githubtest.Release{Tag: "v0.79.0", PublishedAt: time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC)}})
	api.Add(githubtest.Repo{FullName: "kubernetes-sigs/blob-csi-driver", ID: 4242, PushedAt: now.Add(-200 * 24 * time.Hour), License: "Apache-2.0",
		Release: &githubtest.Release{Tag: "v1.26.0", PublishedAt: now.Add(-100 * 24 * time.Hour)}})
	api.Rename("kubernetes-sigs/blobfuse-csi-driver", "kubernetes-sigs/blob-csi-driver")
	api.Add(githubtest.Repo{FullName: "Azure/kubernetes-keyvault-flexvol", PushedAt: now.Add(-800 * 24 * time.Hour), License: "NOASSERTION"})
	f := &fixture{api: api, dir: t.TempDir(), clock: newClock(now)}
	if o.API == "" {
		o.API = api.URL
	}
	if o.Token == nil {
		o.Token = func(string) string { return testToken }
	}
	if o.CacheDir == "" {
		o.CacheDir = f.dir
	}
	o.Now = f.clock.now
	src := New(o)
	f.src = src
	t.Cleanup(func() { f.noToken(t) })
	return f
}

// noToken fails when a file in the cache directory holds the token.
func (f *fixture) noToken(t *testing.T) {
	t.Helper()
	filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(testToken)) {
				t.Errorf("%s holds the token", p)
			}
		}
		return nil
	})
}

func repo(s string) model.Repo {
	r, ok := repoOfFullName(s)
	if !ok {
		panic(s)
	}
	return r
}

// checkErr checks a repository, and fails when the error holds the
// token or anything a terminal would act on.
func (f *fixture) check(t *testing.T, name string, refresh bool) (model.Health, error) {
	t.Helper()
	h, err := f.src.Check(context.Background(), repo(name), refresh)
	if err != nil {
		if msg := err.Error(); strings.Contains(msg, testToken) || !inert.IsClean(msg) {
			t.Errorf("error %q holds the token or escapes", msg)
		}
	}
	return h, err
}

func TestCheckAnswers(t *testing.T) {
	f := newFixture(t, Options{})
	for _, tc := range []struct {
		repo     string
		status   model.Status
		moved    string
		release  string
		license  string
		requests int
	}{
		{"containerd/containerd", model.StatusActive, "", "v2.1.0", "Apache-2.0", 2},
		{"Azure/aks-engine", model.StatusArchived, "", "v0.79.0", "MIT", 2},
		{"kubernetes-sigs/blobfuse-csi-driver", model.StatusQuiet, "kubernetes-sigs/blob-csi-driver", "v1.26.0", "Apache-2.0", 3},
		{"Azure/kubernetes-keyvault-flexvol", model.StatusStale, "", "", "other", 2},
		{"Azure/aad-pod-identity-gone", model.StatusMissing, "", "", "", 1},
	} {
		t.Run(tc.repo, func(t *testing.T) {
			before := len(f.api.Requests())
			h, err := f.check(t, tc.repo, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := h.Status(now); got != tc.status {
				t.Errorf("status %v, want %v", got, tc.status)
			}
			if h.Repo.String() != tc.repo || h.MovedTo.String() != tc.moved {
				t.Errorf("repo %v moved to %q, want %s and %q", h.Repo, h.MovedTo, tc.repo, tc.moved)
			}
			if rel := h.LatestRelease; tc.release == "" && rel != nil || tc.release != "" && (rel == nil || rel.Tag != tc.release || rel.PublishedAt.IsZero()) {
				t.Errorf("release %+v, want %q", rel, tc.release)
			}
			if h.License != tc.license || !h.CheckedAt.Equal(now) {
				t.Errorf("license %q checked %v, want %q and %v", h.License, h.CheckedAt, tc.license, now)
			}
			if n := len(f.api.Requests()) - before; n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
			cached, ok := f.src.Cached(repo(tc.repo))
			if !ok || cached.Status(now) != tc.status {
				t.Errorf("cached %+v %v", cached, ok)
			}
		})
	}
	h, _ := f.src.Cached(repo("containerd/containerd"))
	if h.Stars != 17000 || h.Forks != 3400 || h.OpenIssues != 700 || h.Description != "An open and reliable container runtime" ||
		strings.Join(h.Topics, ",") != "containers,oci" || !h.PushedAt.Equal(now.Add(-48*time.Hour)) {
		t.Errorf("containerd: %+v", h)
	}
	for _, r := range f.api.Requests() {
		if r.Authorization != "Bearer "+testToken {
			t.Errorf("%s sent Authorization %q", r.Path, r.Authorization)
		}
	}
}

// A new Source reads what an earlier one cached, as it was answered,
// without a request.
func TestCacheRead(t *testing.T) {
	f := newFixture(t, Options{})
	want, err := f.check(t, "kubernetes-sigs/blobfuse-csi-driver", false)
	if err != nil {
		t.Fatal(err)
	}
	src := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now})
	got, ok := src.Cached(repo("Kubernetes-Sigs/Blobfuse-CSI-Driver"))
	if !ok {
		t.Fatal("not cached")
	}
	want.Repo = repo("Kubernetes-Sigs/Blobfuse-CSI-Driver") // as asked
	if !equalHealth(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
	n := len(f.api.Requests())
	if _, err := src.Check(context.Background(), want.Repo, false); err != nil || len(f.api.Requests()) != n {
		t.Errorf("a fresh cached answer was asked again (%v)", err)
	}
}

func equalHealth(a, b model.Health) bool {
	return reflect.DeepEqual(utc(a), utc(b))
}

// utc is h with its times in UTC and without monotonic readings, to be
// compared.
func utc(h model.Health) model.Health {
	h.PushedAt, h.CheckedAt = h.PushedAt.UTC().Round(0), h.CheckedAt.UTC().Round(0)
	if r := h.LatestRelease; r != nil {
		h.LatestRelease = &model.Release{Tag: r.Tag, PublishedAt: r.PublishedAt.UTC().Round(0)}
	}
	return h
}

// Past the max age, a check revalidates with the ETags; 304s rewrite
// nothing (the file is byte for byte the same) but the time it was
// checked, which a new Source reads back.
func TestRevalidate(t *testing.T) {
	f := newFixture(t, Options{})
	if _, err := f.check(t, "containerd/containerd", false); err != nil {
		t.Fatal(err)
	}
	file := cacheFile(f.dir, repo("containerd/containerd"))
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f.clock.add(23 * time.Hour)
	n := len(f.api.Requests())
	if _, err := f.check(t, "containerd/containerd", false); err != nil || len(f.api.Requests()) != n {
		t.Fatalf("within the max age: %d requests (%v)", len(f.api.Requests())-n, err)
	}
	f.clock.add(2 * time.Hour)
	h, err := f.check(t, "containerd/containerd", false)
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.api.Requests()[n:]
	if len(reqs) != 2 || reqs[0].IfNoneMatch == "" || reqs[1].IfNoneMatch == "" {
		t.Fatalf("revalidation sent %+v", reqs)
	}
	if !h.CheckedAt.Equal(f.clock.now()) || h.LatestRelease == nil || h.Stars != 17000 {
		t.Errorf("after 304: %+v", h)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Errorf("a 304 rewrote the cache file:\n%s\n%s", before, after)
	}
	src := New(Options{API: f.api.URL, CacheDir: f.dir, Now: f.clock.now})
	if got, _ := src.Cached(repo("containerd/containerd")); !got.CheckedAt.Equal(f.clock.now()) {
		t.Errorf("read back checked at %v, want %v", got.CheckedAt, f.clock.now())
	}
	// refresh asks now, whatever the age; a changed answer is written.
	f.api.Add(githubtest.Repo{FullName: "containerd/containerd", Archived: true, PushedAt: now})
	h, err = f.check(t, "containerd/containerd", true)
	if err != nil || !h.Archived || h.LatestRelease != nil {
		t.Errorf("refresh: %+v %v", h, err)
	}
	if after, _ := os.ReadFile(file); bytes.Equal(before, after) {
		t.Error("a changed answer was not written")
	}
}

// A server that fails leaves the cached answer in use, with the error.
func TestFailures(t *testing.T) {
	var slow chan struct{} // closed at each case's end, before its server closes
	for _, tc := range []struct {
		name string
		hook func(w http.ResponseWriter, r *http.Request)
		want string
	}{
		{"500", func(w http.ResponseWriter, r *http.Request) {
			githubtest.Error(w, 500, "Server Error \x1b]52;c;aGk=\x07\x1b[2J", "")
		}, "could not check containerd/containerd: GitHub answered 500: Server Error"},
		{"malformed JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"full_name": "containerd/containerd", "archived": tru`))
		}, "GitHub's answer could not be read"},
		{"oversized", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"description": "` + strings.Repeat("x", MaxBody) + `"}`))
		}, "larger than 1 MiB"},
		{"oversized, declared", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "2000000")
			w.Write([]byte(`{}`))
		}, "larger than 1 MiB"},
		{"timeout", func(w http.ResponseWriter, r *http.Request) {
			<-slow
		}, "offline: no answer from GitHub within 1s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{Timeout: time.Second})
			slow = make(chan struct{})
			t.Cleanup(func() { close(slow) })
			cached, err := f.check(t, "containerd/containerd", false)
			if err != nil {
				t.Fatal(err)
			}
			f.api.Hook(func(w http.ResponseWriter, r *http.Request) bool { tc.hook(w, r); return true })
			h, err := f.check(t, "containerd/containerd", true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if !equalHealth(h, cached) {
				t.Errorf("failure did not give the cached answer: %+v", h)
			}
			// With no cache, only the repository.
			h, err = f.check(t, "Azure/aks-engine", false)
			if err == nil || h.Repo.String() != "Azure/aks-engine" || !h.CheckedAt.IsZero() {
				t.Errorf("no cache: %+v %v", h, err)
			}
		})
	}
}
