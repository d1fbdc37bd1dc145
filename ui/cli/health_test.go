package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// oneCatalog is Catalogs that always gives one catalog.
type oneCatalog struct{ cat *model.Catalog }

func (c oneCatalog) Load(context.Context, string, time.Duration) (*model.Catalog, error) {
	return c.cat, nil
}
func (c oneCatalog) Quick(string, time.Duration) (*model.Catalog, bool, error) {
	return c.cat, false, nil
}
func (c oneCatalog) Reload(context.Context, string) (*model.Catalog, error) { return c.cat, nil }
func (c oneCatalog) Stamp(string) string                                    { return "" }
func (c oneCatalog) Lint(context.Context, string) (string, []model.Finding, error) {
	return "", nil, nil
}

// fakeHealth answers from fixed maps: cached health, and what a check
// gives (health and error) by repository key.
type fakeHealth struct {
	mu      sync.Mutex
	cached  map[string]model.Health
	answers map[string]model.Health
	errs    map[string]error
	checked []string
}

func (f *fakeHealth) Cached(r model.Repo) (model.Health, bool) {
	h, ok := f.cached[r.Key()]
	return h, ok
}

func (f *fakeHealth) Check(_ context.Context, r model.Repo, refresh bool) (model.Health, error) {
	f.mu.Lock()
	f.checked = append(f.checked, r.Key())
	f.mu.Unlock()
	if err := f.errs[r.Key()]; err != nil {
		h, ok := f.cached[r.Key()]
		if !ok {
			h = model.Health{Repo: r}
		}
		return h, err
	}
	return f.answers[r.Key()], nil
}

func project(name, url string) model.Project {
	return model.Project{Name: name, Area: "Runtime", Links: []model.Link{{Label: name, URL: url, Kind: model.KindHome, Column: model.ColumnProject}}}
}

func runHealth(t *testing.T, src *fakeHealth, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	cat := &model.Catalog{Projects: []model.Project{
		project("Moby", "https://github.com/moby/moby"),
		project("Docs only", "https://example.com/docs"),
		project("Containerd", "https://github.com/containerd/containerd"),
		project("Moby again", "https://github.com/Moby/Moby/issues"),
	}}
	var out, errs bytes.Buffer
	d := Deps{
		Stdout: &out, Stderr: &errs, Catalogs: oneCatalog{cat},
		Terminal: func(io.Writer) (int, bool) { return 0, false },
		Health:   src,
	}
	status = Run(append([]string{"health"}, args...), d)
	return status, out.String(), errs.String()
}

func TestHealthReasonsAndStatus(t *testing.T) {
	now := time.Now()
	moby := model.Health{Repo: model.Repo{Owner: "moby", Name: "moby"}, Stars: 70000, PushedAt: now, CheckedAt: now.Add(-30 * time.Hour)}
	limit := &model.RateLimitError{Reset: now.Add(time.Hour)}

	// Moby's answer is older than --max-age (24h): asked again, and shown
	// from the cache under a rate limit; containerd not at all, the docs
	// project not on GitHub; each repository asked once.
	src := &fakeHealth{cached: map[string]model.Health{"moby/moby": moby},
		errs: map[string]error{"moby/moby": limit, "containerd/containerd": limit}}
	status, stdout, stderr := runHealth(t, src)
	if status != 0 {
		t.Errorf("status %d, want 0: the cached answer is shown", status)
	}
	if len(src.checked) != 2 {
		t.Errorf("checked %v, want each repository once", src.checked)
	}
	wantErr := "upstream-tui: 3 projects not checked: " + limit.Error() + ": Moby (cached 30 h ago), Containerd, Moby again (cached 30 h ago)\n" +
		"upstream-tui: 1 project not checked: not on GitHub: Docs only\n"
	if stderr != wantErr {
		t.Errorf("stderr\n%q\nwant\n%q", stderr, wantErr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[1], "Moby ") || !strings.Contains(lines[1], " active ") || !strings.Contains(lines[1], " 70000 ") ||
		!strings.HasPrefix(lines[2], "Docs only ") || !strings.Contains(lines[2], " -  ") || !strings.Contains(lines[3], " unknown ") ||
		!strings.Contains(lines[4], " Moby/Moby ") {
		t.Errorf("table:\n%s", stdout)
	}

	// Younger than --max-age, the cached answer is used as it is;
	// --refresh asks all the same.
	src.checked = nil
	runHealth(t, src, "--max-age", "48h")
	if len(src.checked) != 1 || src.checked[0] != "containerd/containerd" {
		t.Errorf("--max-age 48h asked %v, want containerd only", src.checked)
	}
	src.checked = nil
	runHealth(t, src, "--max-age", "48h", "--refresh")
	if len(src.checked) != 2 {
		t.Errorf("--refresh asked %v, want both", src.checked)
	}

	// JSON says why, beside the cached health.
	_, stdout, _ = runHealth(t, src, "-o", "json")
	var out []map[string]any
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out[0]["not_checked"] != limit.Error() || out[0]["health"] == nil || out[1]["not_checked"] != "not on GitHub" || out[1]["health"] != nil {
		t.Errorf("json: %v", out[:2])
	}

	// Nothing checked, nothing cached: status 1.
	src = &fakeHealth{errs: map[string]error{"moby/moby": limit, "containerd/containerd": limit}}
	if status, _, stderr := runHealth(t, src); status != 1 || !strings.HasSuffix(stderr, "upstream-tui: no repository could be checked, and none was checked before\n") {
		t.Errorf("nothing: status %d stderr %q", status, stderr)
	}
	// A query that matches nothing has nothing to check: status 0, and
	// a notice.
	if status, stdout, stderr := runHealth(t, src, "zzzzqqq"); status != 0 || stderr != "upstream-tui: no project matches \"zzzzqqq\"\n" || strings.Count(stdout, "\n") != 1 {
		t.Errorf("no match: status %d %q %q", status, stdout, stderr)
	}
	// Nor do projects with no repository: status 0, and each is listed.
	if status, stdout, stderr := runHealth(t, src, "docs"); status != 0 || stderr != "upstream-tui: 1 project not checked: not on GitHub: Docs only\n" ||
		!strings.Contains(stdout, "Docs only") {
		t.Errorf("not on GitHub: status %d %q %q", status, stdout, stderr)
	}
	if status, _, stderr := runHealth(t, src, "-o", "yaml"); status != 2 || !strings.Contains(stderr, `unknown output format "yaml"`) {
		t.Errorf("-o yaml: status %d %q", status, stderr)
	}
}

// TestHealthTableReleaseNotAsked: a release that could not be asked reads
// "?" in health's table, not "-", which says there is no release.
func TestHealthTableReleaseNotAsked(t *testing.T) {
	repo := model.Repo{Owner: "a", Name: "b"}
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	rows := []healthRow{{
		project: &model.Project{Name: "B"}, repo: repo,
		health: &model.Health{Repo: repo, CheckedAt: now, PushedAt: now, ReleaseUnknown: true, License: "MIT"},
	}}
	var b bytes.Buffer
	if err := writeHealthTable(&b, rows, 0, now); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], " ? ") {
		t.Errorf("table:\n%s\nwant RELEASE \"?\"", b.String())
	}
}
