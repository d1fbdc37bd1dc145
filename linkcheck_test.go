package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/linkcheck"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// theWeb answers for every host the embedded catalog links to, as the
// web answered in 2026, and measures the requests it holds at once.
type theWeb struct {
	*httptest.Server
	mu                 sync.Mutex
	now                map[string]int
	maxHost            map[string]int
	total, maxTotal, n int
}

func newTheWeb(t *testing.T) *theWeb {
	t.Helper()
	w := &theWeb{now: map[string]int{}, maxHost: map[string]int{}}
	w.Server = httptest.NewServer(http.HandlerFunc(w.serve))
	t.Cleanup(w.Close)
	return w
}

func (web *theWeb) serve(w http.ResponseWriter, r *http.Request) {
	web.mu.Lock()
	web.n++
	web.now[r.Host]++
	web.total++
	web.maxHost[r.Host] = max(web.maxHost[r.Host], web.now[r.Host])
	web.maxTotal = max(web.maxTotal, web.total)
	web.mu.Unlock()
	defer func() {
		web.mu.Lock()
		web.now[r.Host]--
		web.total--
		web.mu.Unlock()
	}()
	// Each answer takes a moment, so that requests the checker sends at
	// once overlap here.
	time.Sleep(2 * time.Millisecond)
	redirect := func(status int, to string) {
		w.Header().Set("Location", to)
		w.WriteHeader(status)
	}
	path := r.URL.Path
	switch {
	case r.Host == "docs.microsoft.com": // every "Use on Azure" link moved
		redirect(http.StatusMovedPermanently, "https://learn.microsoft.com"+r.URL.RequestURI())
	case strings.HasPrefix(path, "/kubernetes/kubernetes/tree/master/staging/"): // removed
		w.WriteHeader(http.StatusNotFound)
	case r.Host == "github.com" && strings.HasPrefix(path, "/deislabs/smi-spec"):
		redirect(http.StatusMovedPermanently, "https://github.com/servicemeshinterface/smi-spec"+strings.TrimPrefix(path, "/deislabs/smi-spec"))
	case r.Host == "sigs.k8s.io": // a vanity host: redirecting is its job
		redirect(http.StatusMovedPermanently, "https://github.com/kubernetes-sigs"+path)
	case r.Host == "groups.google.com": // to a sign-in page
		redirect(http.StatusMovedPermanently, "https://accounts.google.com/ServiceLogin?continue="+path)
	case strings.HasSuffix(r.Host, ".slack.com") && path != "/signin":
		redirect(http.StatusFound, "/signin")
	case r.Host == "smi-spec.io":
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	case r.Host == "forums.mobyproject.org" && r.Method == http.MethodHead:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// online runs the command line with the real wiring, except that every
// link is answered by web, with no pause between requests to a host, and
// the health source is health (nil: none).
func online(t *testing.T, web *theWeb, health model.HealthSource, args ...string) result {
	t.Helper()
	return executeWith(t, nil, func(d *cli.Deps) {
		links := d.Links.(data.LinkSources)
		links.Checker.Client = linkcheck.NewClient(linkcheck.RouteTo(web.Listener.Addr().String()))
		links.Checker.Pause = -1
		d.Links, d.Health = links, health
	}, args...)
}

func TestLintOnlineEmbedded(t *testing.T) {
	web := newTheWeb(t)
	r := online(t, web, nil, "lint", "--online")
	if r.status != 1 {
		t.Errorf("status %d, want 1 (a dead link)", r.status)
	}
	for _, want := range []string{
		"projects.md:32: warning: row has 5 cells; the header has 6\n", // today's findings stay
		"projects.md:36: error: https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/legacy-cloud-providers/azure: 404 Not Found\n",
		"projects.md:33: warning: https://docs.microsoft.com/en-us/azure/aks/: moved permanently to https://learn.microsoft.com/en-us/azure/aks/ (301)\n",
		": warning: https://github.com/deislabs/smi-spec/issues: moved permanently to https://github.com/servicemeshinterface/smi-spec/issues (301)\n",
		"projects.md:36: warning: https://kubernetes.slack.com/archives/C5HJXTT9Q: redirects to https://kubernetes.slack.com/signin (302)\n",
		"projects.md:34: warning: https://groups.google.com/forum/#!forum/kubernetes-sig-cluster-lifecycle: moved permanently to https://accounts.google.com/ServiceLogin?continue=/forum/ (301); a sign-in page, not fixed\n",
		"projects.md:55: warning: https://smi-spec.io/: could not check (429 after 3 tries)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("standard output lacks %q", want)
		}
	}
	for _, not := range []string{"sigs.k8s.io/azuredisk", "forums.mobyproject.org", "error: https://github.com/moby"} {
		if strings.Contains(r.stdout, not) {
			t.Errorf("standard output mentions %q, which is fine:\n%s", not, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "--- a/") {
		t.Error("a diff without --diff")
	}
	if r.stderr != "upstream-tui: projects.md: 1 error, 38 warnings\n" {
		t.Errorf("standard error %q", r.stderr)
	}
	if web.maxTotal > 8 {
		t.Errorf("%d requests at once, want at most 8", web.maxTotal)
	}
	for h, n := range web.maxHost {
		if n > 2 {
			t.Errorf("%s: %d requests at once, want at most 2", h, n)
		}
	}
	t.Logf("%d requests; at most %d at once, per host %v", web.n, web.maxTotal, web.maxHost)
}

// crlfCatalog writes the embedded catalog with CRLF line endings and no
// last newline to a file of mode 0640, and returns its path and bytes.
func crlfCatalog(t *testing.T) (string, []byte) {
	t.Helper()
	src := bytes.TrimSuffix(bytes.ReplaceAll(data.Embedded(), []byte("\n"), []byte("\r\n")), []byte("\r\n"))
	path := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(path, src, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	return path, src
}

// fixedCatalog is src with what the web above moved permanently
// rewritten, and nothing else.
func fixedCatalog(src []byte) []byte {
	src = bytes.ReplaceAll(src, []byte("](https://docs.microsoft.com/"), []byte("](https://learn.microsoft.com/"))
	return bytes.ReplaceAll(src, []byte("](https://github.com/deislabs/smi-spec/issues)"), []byte("](https://github.com/servicemeshinterface/smi-spec/issues)"))
}

func TestLintOnlineDiffThenFix(t *testing.T) {
	web := newTheWeb(t)
	path, src := crlfCatalog(t)

	r := online(t, web, nil, "lint", "--online", "--diff", path)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, src) {
		t.Fatal("--diff changed the file")
	}
	findings, diff, ok := strings.Cut(r.stdout, "--- a"+path+"\n+++ b"+path+"\n")
	if !ok {
		t.Fatalf("no diff after the findings:\n%s", r.stdout)
	}
	if !strings.Contains(findings, ": moved permanently to https://learn.microsoft.com/en-us/azure/aks/ (301)\n") {
		t.Errorf("the findings do not come first:\n%s", findings)
	}
	for _, want := range []string{
		"\n-|  | [Service Mesh Interface (SMI)](https://smi-spec.io/) | A standard interface for service meshes on Kubernetes | Azure: sandbox? | [#general](https://smi-spec.slack.com/archives/CJJF5M5NK) <br> [GitHub issues](https://github.com/deislabs/smi-spec/issues) |  |\n" +
			"+|  | [Service Mesh Interface (SMI)](https://smi-spec.io/) | A standard interface for service meshes on Kubernetes | Azure: sandbox? | [#general](https://smi-spec.slack.com/archives/CJJF5M5NK) <br> [GitHub issues](https://github.com/servicemeshinterface/smi-spec/issues) |  |\n",
		"(https://learn.microsoft.com/en-us/azure/aks/developer-best-practices-pod-security#use-pod-managed-identities)",
	} {
		if !strings.Contains(diff, want) {
			t.Errorf("the diff lacks %q:\n%s", want, diff)
		}
	}
	if strings.Contains(diff, "\r") || strings.Contains(diff, "accounts.google.com") || strings.Contains(diff, "+| | [Azure Disk CSI Driver](https://github.com/kubernetes-sigs") {
		t.Errorf("the diff shows a carriage return, or a fix it should not make:\n%s", diff)
	}

	r2 := online(t, web, nil, "lint", "--online", "--fix", path)
	if r2.stdout != r.stdout {
		t.Errorf("--fix printed otherwise than --diff:\n%s\nwant:\n%s", r2.stdout, r.stdout)
	}
	got, _ := os.ReadFile(path)
	if want := fixedCatalog(src); !bytes.Equal(got, want) {
		t.Errorf("the fixed file differs from the original beyond the moved URLs")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", st.Mode().Perm())
	}
	if r2.status != 1 || r2.stderr != "upstream-tui: "+path+": 12 links fixed\nupstream-tui: "+path+": 1 error, 38 warnings\n" {
		t.Errorf("status %d (want 1: the dead link is still there), standard error %q", r2.status, r2.stderr)
	}

	// Fixed: nothing more to fix.
	r3 := online(t, web, nil, "lint", "--online", "--diff", path)
	if strings.Contains(r3.stdout, "--- a/") || strings.Contains(r3.stdout, "moved permanently to https://learn") {
		t.Errorf("fixes left after --fix:\n%s", r3.stdout)
	}
}

// fakeHealth answers for the repositories it knows and is offline for
// the rest; edit, when set, is called on its first question (a file
// edited while the links are checked).
type fakeHealth struct {
	once sync.Once
	edit func()
}

func (f *fakeHealth) Cached(model.Repo) (model.Health, bool) { return model.Health{}, false }

func (f *fakeHealth) Check(_ context.Context, repo model.Repo, _ bool) (model.Health, error) {
	if f.edit != nil {
		f.once.Do(f.edit)
	}
	h := model.Health{Repo: repo}
	switch repo.Key() {
	case "deislabs/smi-spec":
		h.MovedTo, h.Archived = model.Repo{Owner: "servicemeshinterface", Name: "smi-spec"}, true
	case "azure/aks-engine":
		h.Archived = true
	default:
		return model.Health{}, &model.OfflineError{Err: errors.New("no network")}
	}
	return h, nil
}

func TestLintOnlineHealthAndJSON(t *testing.T) {
	web := newTheWeb(t)
	path, src := crlfCatalog(t)
	r := online(t, web, &fakeHealth{}, "lint", "--online", "--fix", "-o", "json", path)
	var out []struct {
		File, Severity, URL, Message, Fix string
		Line, Status                      int
		Hops                              []struct {
			URL    string
			Status int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	seen := map[string]bool{}
	for _, f := range out {
		if f.File != path || f.Line == 0 {
			t.Errorf("%+v: no file or line", f)
		}
		switch f.URL {
		case "https://github.com/deislabs/smi-spec/issues":
			seen[f.URL] = f.Severity == "warning" && f.Fix == "https://github.com/servicemeshinterface/smi-spec/issues" &&
				f.Message == f.URL+": repository moved to servicemeshinterface/smi-spec, which is archived" && f.Hops == nil
		case "https://github.com/Azure/aks-engine":
			seen[f.URL] = f.Severity == "warning" && f.Message == f.URL+": repository Azure/aks-engine is archived (read-only)" && f.Fix == ""
		case "https://docs.microsoft.com/en-us/azure/aks/virtual-nodes-cli":
			seen[f.URL] = f.Severity == "warning" && f.Status == 200 && len(f.Hops) == 2 && f.Hops[0].Status == 301 &&
				f.Fix == "https://learn.microsoft.com/en-us/azure/aks/virtual-nodes-cli"
		case "https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/legacy-cloud-providers/azure":
			seen[f.URL] = f.Severity == "error" && f.Status == 404 // the source is offline for it: requested instead
		case "":
			seen["offline"] = true
		}
	}
	if len(seen) != 5 {
		t.Errorf("found %v in:\n%s", seen, r.stdout)
	}
	for u, ok := range seen {
		if !ok {
			t.Errorf("%s: not as expected in:\n%s", u, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "--- a/") {
		t.Error("a diff in the JSON output")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, fixedCatalog(src)) {
		t.Error("the fixed file differs from the original beyond the moved URLs")
	}
}

func TestLintOnlineFileChangedMeanwhile(t *testing.T) {
	web := newTheWeb(t)
	path, _ := crlfCatalog(t)
	edited := []byte("edited while the links were checked\n")
	health := &fakeHealth{edit: func() {
		if err := os.WriteFile(path, edited, 0o640); err != nil {
			t.Error(err)
		}
	}}
	r := online(t, web, health, "lint", "--online", "--fix", path)
	if r.status != 1 || !strings.Contains(r.stderr, path+" changed on disk since it was read; not overwritten (run lint --online --fix again); the diff above was not applied\n") ||
		!strings.HasSuffix(r.stderr, path+": 1 error, 44 warnings\n") {
		t.Errorf("status %d, standard error %q", r.status, r.stderr)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, edited) {
		t.Errorf("the edit was overwritten: %q", got)
	}
}

func TestLintOnlineUsage(t *testing.T) {
	web := newTheWeb(t)
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"lint", "--fix"}, 2, "upstream-tui: --fix needs --online\n"},
		{[]string{"lint", "--diff", "x.md"}, 2, "upstream-tui: --diff needs --online\n"},
		{[]string{"lint", "--keep-host", "aka.ms"}, 2, "upstream-tui: --keep-host needs --online\n"},
		{[]string{"lint", "--online", "--keep-host", "https://aka.ms"}, 2, "upstream-tui: --keep-host takes a host name like aka.ms, not \"https://aka.ms\"\n"},
		{[]string{"lint", "--online", "--fix"}, 2, "upstream-tui: --fix writes the catalog file; the embedded catalog is none (--diff shows the fixes)\n"},
		{[]string{"lint", "--online", "--diff", "-o", "json"}, 2, "upstream-tui: --diff prints text; with -o json each finding's fix says what --fix would write\n"},
	} {
		r := online(t, web, nil, tc.args...)
		if r.status != tc.status || r.stderr != tc.stderr {
			t.Errorf("%q: status %d, standard error %q; want %d, %q", tc.args, r.status, r.stderr, tc.status, tc.stderr)
		}
	}
	if web.n != 0 {
		t.Errorf("%d requests for wrong usage, want none", web.n)
	}
}

// TestLintOnlineKeepHostAndProgress: a host kept by --keep-host is not
// rewritten; the progress line shows on a terminal only.
func TestLintOnlineKeepHostAndProgress(t *testing.T) {
	web := newTheWeb(t)
	path, src := crlfCatalog(t)
	terminal := func(d *cli.Deps) {
		d.Terminal = func(w io.Writer) (int, bool) { return 80, w == d.Stderr }
	}
	r := executeWith(t, nil, func(d *cli.Deps) {
		links := d.Links.(data.LinkSources)
		links.Checker.Client = linkcheck.NewClient(linkcheck.RouteTo(web.Listener.Addr().String()))
		links.Checker.Pause = -1
		d.Links = links
		terminal(d)
	}, "lint", "--online", "--fix", "--keep-host", "docs.microsoft.com", path)
	want := bytes.ReplaceAll(src, []byte("(https://github.com/deislabs/smi-spec/issues)"), []byte("(https://github.com/servicemeshinterface/smi-spec/issues)"))
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("a kept host was rewritten, or the moved repository was not")
	}
	if !strings.HasPrefix(r.stderr, "\rchecking links 0/") || !strings.Contains(r.stderr, "\r\x1b[K") {
		t.Errorf("no progress on a terminal: %q", r.stderr)
	}
	if piped := online(t, web, nil, "lint", "--online", path); strings.Contains(piped.stderr, "checking links") {
		t.Errorf("progress when piped: %q", piped.stderr)
	}
}

// TestLintOnlineFixReadOnly: when --fix may not write the file, the diff
// is said not to be applied, the findings' summary still ends the run,
// and the status is 1.
func TestLintOnlineFixReadOnly(t *testing.T) {
	web := newTheWeb(t)
	path, src := crlfCatalog(t)
	if err := os.Chmod(path, 0o440); err != nil {
		t.Fatal(err)
	}
	r := online(t, web, nil, "lint", "--online", "--fix", path)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, src) {
		t.Fatal("a read-only file was changed")
	}
	if !strings.Contains(r.stdout, "--- a"+path+"\n+++ b"+path+"\n") {
		t.Errorf("no diff to see what was not applied:\n%s", r.stdout)
	}
	want := "upstream-tui: " + path + ": not written: is read-only; the diff above was not applied\n" +
		"upstream-tui: " + path + ": 1 error, 38 warnings\n"
	if r.status != 1 || r.stderr != want {
		t.Errorf("status %d, standard error %q; want 1, %q", r.status, r.stderr, want)
	}
}

// refusingHealth refuses every question with err.
type refusingHealth struct{ err error }

func (f refusingHealth) Cached(model.Repo) (model.Health, bool) { return model.Health{}, false }

func (f refusingHealth) Check(context.Context, model.Repo, bool) (model.Health, error) {
	return model.Health{}, f.err
}

// TestLintOnlineHealthRefused: when the health source refuses (rate
// limit, offline), standard error says once why GitHub links were
// requested over HTTP.
func TestLintOnlineHealthRefused(t *testing.T) {
	web := newTheWeb(t)
	reset := time.Date(2026, 5, 1, 14, 5, 0, 0, time.Local)
	for _, tc := range []struct {
		err    error
		notice string
	}{
		{&model.RateLimitError{Reset: reset}, "GitHub rate limit reached until 14:05; GitHub links were checked over HTTP instead"},
		{&model.RateLimitError{}, "GitHub rate limit reached; GitHub links were checked over HTTP instead"},
		{&model.OfflineError{Err: errors.New("dial tcp: lookup api.github.com: no such host")},
			"GitHub could not be reached (dial tcp: lookup api.github.com: no such host); GitHub links were checked over HTTP instead"},
	} {
		r := online(t, web, refusingHealth{tc.err}, "lint", "--online")
		want := "upstream-tui: " + tc.notice + "\nupstream-tui: projects.md: 1 error, 38 warnings\n"
		if r.status != 1 || r.stderr != want {
			t.Errorf("%v: status %d, standard error %q; want 1, %q", tc.err, r.status, r.stderr, want)
		}
	}
}
