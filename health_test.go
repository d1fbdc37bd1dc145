package main

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/github/githubtest"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// healthToken is the token the health tests give; no output and no file
// written may hold it.
const healthToken = "ghp_HEALTHTESTTOKEN0123456789abcdefghij"

// fakeGitHub answers like GitHub for some of the embedded catalog's
// repositories: AKS Engine archived, the Blobfuse driver renamed, SMI
// moved to another owner, containerd active with a hostile description;
// the others answer 404. GITHUB_API_URL names it, GH_TOKEN is
// healthToken.
func fakeGitHub(t *testing.T) *githubtest.Server {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	api := githubtest.New(t)
	api.Add(githubtest.Repo{FullName: "Azure/aks-engine", Archived: true, Stars: 1030, Forks: 520, OpenIssues: 10,
		PushedAt: time.Date(2023, 10, 24, 17, 9, 45, 0, time.UTC), License: "MIT", Description: "AKS Engine: legacy tool",
		Release: &githubtest.Release{Tag: "v0.79.0", PublishedAt: time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC)}})
	api.Add(githubtest.Repo{FullName: "kubernetes-sigs/blob-csi-driver", Stars: 130, PushedAt: now.Add(-24 * time.Hour), License: "Apache-2.0"})
	api.Rename("kubernetes-sigs/blobfuse-csi-driver", "kubernetes-sigs/blob-csi-driver")
	api.Add(githubtest.Repo{FullName: "servicemeshinterface/smi-spec", Archived: true, Stars: 1000, PushedAt: now.Add(-900 * 24 * time.Hour)})
	api.Rename("deislabs/smi-spec", "servicemeshinterface/smi-spec")
	api.Add(githubtest.Repo{FullName: "containerd/containerd", Stars: 17000, PushedAt: now.Add(-time.Hour), License: "Apache-2.0",
		Description: "runtime\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202e",
		Release:     &githubtest.Release{Tag: "v2.1.0", PublishedAt: now.Add(-10 * 24 * time.Hour)}})
	t.Setenv("GITHUB_API_URL", api.URL)
	t.Setenv("GH_TOKEN", healthToken)
	return api
}

// clean fails when an output holds the token or escapes.
func clean(t *testing.T, what, out string) {
	t.Helper()
	if strings.Contains(out, healthToken) || strings.ContainsAny(out, "\x1b\u202e\a") || !inert.IsClean(out) {
		t.Errorf("%s holds the token or escapes: %q", what, out)
	}
}

// noTokenIn fails when a file under dir holds the token.
func noTokenIn(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(healthToken)) {
				t.Errorf("%s holds the token", p)
			}
		}
		return nil
	})
}

// healthOf is the health object of the named project in list, show or
// health JSON.
func healthOf(t *testing.T, out, name string) map[string]any {
	t.Helper()
	var projects []map[string]any
	if err := json.Unmarshal([]byte(out), &projects); err != nil {
		var one map[string]any
		if json.Unmarshal([]byte(out), &one) != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		projects = []map[string]any{one}
	}
	for _, p := range projects {
		if p["name"] == name {
			h, _ := p["health"].(map[string]any)
			return h
		}
	}
	t.Fatalf("no project %q", name)
	return nil
}

func TestHealthCommands(t *testing.T) {
	cache := withCache(t)
	api := fakeGitHub(t)

	r := execute(t, nil, "health")
	if r.status != 0 {
		t.Fatalf("status %d stderr %q", r.status, r.stderr)
	}
	for _, want := range []string{
		"NAME ", " REPOSITORY ", " STATUS ", " STARS ", " PUSHED ", " RELEASE ", " LICENSE\n",
		"\nAKS Engine ", " Azure/aks-engine ", " archived ", " 1030 ", " 2023-10-24 ", " v0.79.0 ", " MIT\n",
		" kubernetes-sigs/blobfuse-csi-driver → kubernetes-sigs/blob-csi-driver ",
		" deislabs/smi-spec → servicemeshinterface/smi-spec ",
		"\nContainerd ", " active ", "\nMoby ", " moby/moby ", " missing ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("health: no %q in\n%s", want, r.stdout)
		}
	}
	if !strings.HasPrefix(r.stdout, "NAME") || strings.Index(r.stdout, "AKS Engine") > strings.Index(r.stdout, "Containerd") {
		t.Errorf("not in catalog order:\n%s", r.stdout)
	}
	clean(t, "health", r.stdout+r.stderr)
	// With a token, one GraphQL query asks for every repository.
	if reqs := api.Requests(); len(reqs) != 1 || reqs[0].Path != "/graphql" {
		t.Errorf("requests %+v, want one GraphQL query", reqs)
	}
	for _, req := range api.Requests() {
		if req.Authorization != "Bearer "+healthToken {
			t.Errorf("%s: Authorization %q", req.Path, req.Authorization)
		}
	}

	// The JSON of health, list and show: from the cache, without a request.
	asked := len(api.Requests())
	for _, args := range [][]string{{"health", "-o", "json"}, {"list", "-o", "json"}, {"show", "aks engine", "-o", "json"}} {
		r := execute(t, nil, args...)
		if r.status != 0 {
			t.Fatalf("%v: status %d stderr %q", args, r.status, r.stderr)
		}
		clean(t, strings.Join(args, " "), r.stdout+r.stderr)
		h := healthOf(t, r.stdout, "AKS Engine")
		want := map[string]any{"repository": "Azure/aks-engine", "url": "https://github.com/Azure/aks-engine", "status": "archived",
			"archived": true, "moved_to": "", "description": "AKS Engine: legacy tool", "stars": 1030.0, "forks": 520.0, "open_issues": 10.0,
			"pushed_at": "2023-10-24T17:09:45Z", "license": "MIT", "topics": []any{},
			"latest_release": map[string]any{"tag": "v0.79.0", "published_at": "2023-10-01T00:00:00Z"}}
		for k, v := range want {
			if got, _ := json.Marshal(h[k]); string(got) != mustJSON(v) {
				t.Errorf("%v: %s = %s, want %s", args, k, got, mustJSON(v))
			}
		}
		if _, err := time.Parse(time.RFC3339, h["checked_at"].(string)); err != nil {
			t.Errorf("%v: checked_at %v", args, h["checked_at"])
		}
		if args[0] == "show" {
			continue
		}
		if h := healthOf(t, r.stdout, "Azure Blobfuse CSI Driver"); h["moved_to"] != "kubernetes-sigs/blob-csi-driver" || h["status"] != "active" {
			t.Errorf("%v: blobfuse %v", args, h)
		}
		if h := healthOf(t, r.stdout, "Moby"); h["status"] != "missing" || h["latest_release"] != nil {
			t.Errorf("%v: moby %v", args, h)
		}
	}
	if n := len(api.Requests()) - asked; n != 0 {
		t.Errorf("%d requests for answers the cache holds", n)
	}

	// The is: facets and --sort read the cache.
	if r := execute(t, nil, "list", "is:archived", "-o", "tsv"); r.stdout != "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\n"+
		"AKS Engine\tKubernetes Cluster Management\tAzure incubating\tSelf-managed clusters on Azure\thttps://github.com/Azure/aks-engine\n"+
		"Service Mesh Interface (SMI)\tCloud Native Service Mesh\tAzure sandbox?\tA standard interface for service meshes on Kubernetes\thttps://smi-spec.io/\n" {
		t.Errorf("is:archived: %d %q %q", r.status, r.stdout, r.stderr)
	}
	if r := execute(t, nil, "list", "--sort", "stars", "-o", "tsv"); !strings.HasPrefix(r.stdout, "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\tSTARS\nContainerd\t") ||
		!strings.Contains(r.stdout, "\thttps://github.com/containerd/containerd\t17000\n") {
		t.Errorf("--sort stars: %q", r.stdout)
	}
	if r := execute(t, nil, "list", "--sort", "size"); r.status != 2 || !strings.Contains(r.stderr, `unknown sort order "size"`) {
		t.Errorf("--sort size: %d %q", r.status, r.stderr)
	}

	// Rate limited: the cached answers with the reason and the reset.
	api.SetBudget(60, 0)
	r = execute(t, nil, "health", "--refresh", "aks")
	reset := api.Reset().Local().Format("15:04")
	if r.status != 0 || !strings.Contains(r.stdout, "AKS Engine") || !strings.Contains(r.stdout, " archived ") ||
		!strings.Contains(r.stderr, "not checked: GitHub rate limit reached; it resets at "+reset) || !strings.Contains(r.stderr, "AKS Engine (cached just now)") {
		t.Errorf("rate limited: %d\n%s\n%s", r.status, r.stdout, r.stderr)
	}
	clean(t, "rate limited", r.stdout+r.stderr)

	// Offline, with no cache: nothing to show, status 1.
	withCache(t)
	api.Close()
	r = execute(t, nil, "health", "gatekeeper")
	if r.status != 1 || !strings.Contains(r.stderr, "1 project not checked: offline:") || !strings.Contains(r.stderr, "no repository could be checked") {
		t.Errorf("offline: %d\n%s\n%s", r.status, r.stdout, r.stderr)
	}
	noTokenIn(t, cache)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The built program: health, health -o json, then list -o json from the
// cache, with the token in the environment and never in an output or a
// file.
func TestHealthBinary(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	api := fakeGitHub(t)
	run := func(args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(home, "cache"), "GITHUB_TOKEN=unused")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		clean(t, strings.Join(args, " "), stdout.String()+stderr.String())
		return stdout.String(), stderr.String()
	}
	out, _ := run("health", "aks")
	if !strings.Contains(out, "\nAKS Engine ") || !strings.Contains(out, " archived ") {
		t.Errorf("health:\n%s", out)
	}
	// The projects and repositories health gave health to.
	names, repos := map[string]bool{}, map[string]bool{}
	for _, query := range []string{"aks", "blobfuse"} {
		out, _ = run("health", "-o", "json", query)
		var projects []map[string]any
		json.Unmarshal([]byte(out), &projects)
		for _, p := range projects {
			if h, ok := p["health"].(map[string]any); ok {
				names[p["name"].(string)], repos[h["repository"].(string)] = true, true
			}
		}
	}
	if h := healthOf(t, out, "Azure Blobfuse CSI Driver"); h["moved_to"] != "kubernetes-sigs/blob-csi-driver" {
		t.Errorf("health -o json: %v", h)
	}
	asked := len(api.Requests())
	out, _ = run("list", "-o", "json")
	if h := healthOf(t, out, "AKS Engine"); h["status"] != "archived" {
		t.Errorf("list -o json: %v", h)
	}
	var projects []map[string]any
	json.Unmarshal([]byte(out), &projects)
	for _, p := range projects {
		h, ok := p["health"].(map[string]any)
		if name := p["name"].(string); names[name] && !ok || ok && !repos[h["repository"].(string)] {
			t.Errorf("list -o json: %s has health %v, not what health gave", name, p["health"])
		}
	}
	if len(api.Requests()) != asked {
		t.Error("list asked GitHub")
	}
	for _, req := range api.Requests() {
		if req.Authorization != "Bearer "+healthToken {
			t.Errorf("%s: Authorization %q (GH_TOKEN comes before GITHUB_TOKEN)", req.Path, req.Authorization)
		}
	}
	noTokenIn(t, home)

	// Without a token: REST, one repository at a time, no Authorization.
	asked = len(api.Requests())
	cmd := exec.Command(bin, "health", "aks")
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(home, "cache2"), "GH_TOKEN=", "GITHUB_TOKEN=")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), " archived ") {
		t.Errorf("without a token: %v\n%s", err, out)
	}
	for _, req := range api.Requests()[asked:] {
		if req.Authorization != "" || !strings.HasPrefix(req.Path, "/repos") {
			t.Errorf("without a token: %s with Authorization %q", req.Path, req.Authorization)
		}
	}
}

// The progress line goes to standard error when it is a terminal, and is
// cleared; piped, standard error holds nothing but the reasons.
func TestHealthProgress(t *testing.T) {
	withCache(t)
	fakeGitHub(t)
	var stderr io.Writer
	r := executeWith(t, nil, func(d *cli.Deps) {
		stderr = d.Stderr
		d.Terminal = func(w io.Writer) (int, bool) { return 200, w == stderr }
	}, "health", "containerd")
	if r.status != 0 || !strings.HasPrefix(r.stderr, "\rchecking repositories 0/") || !strings.Contains(r.stderr, "\rchecking repositories 1/") ||
		!strings.HasSuffix(r.stderr, "\r\x1b[K") {
		t.Errorf("on a terminal: %d %q", r.status, r.stderr)
	}
	r = execute(t, nil, "health", "containerd", "--refresh")
	if r.status != 0 || r.stderr != "" {
		t.Errorf("piped: %d %q", r.status, r.stderr)
	}
}
