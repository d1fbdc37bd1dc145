package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/upstream-tui/upstream-tui/data"
)

// testHome is the folder TestMain makes for the tests' files, removed when
// they end.
var testHome string

// testHomeEnv hands testHome to the test processes that this one starts:
// fuzz workers, which the fuzzing coordinator kills when it is done with
// them, before their TestMain can remove a folder of their own.
const testHomeEnv = "UPSTREAM_TUI_TEST_HOME"

// TestMain keeps every test off the user's files: the commands run with
// the real wiring, which caches, remembers and reads a config file under
// the user's directories. A process started by another (a fuzz worker)
// uses the folder and the environment of the one that started it, which
// removes the folder when it ends.
func TestMain(m *testing.M) {
	if dir := os.Getenv(testHomeEnv); dir != "" {
		testHome = dir
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "upstream-tui-home")
	if err != nil {
		panic(err)
	}
	testHome = dir
	os.Setenv(testHomeEnv, dir)
	// Go's build cache stays where it is: it defaults to a folder under
	// XDG_CACHE_HOME, and moved, the program's build would start cold.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		panic(err)
	}
	os.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
	// Off the user's cache, state and config too.
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	os.Unsetenv("UPSTREAM_TUI_CATALOG")
	// GitHub is never asked: the API is a closed loopback port unless a
	// test points it at its own server, and gh, never run, has no token.
	os.Setenv("GITHUB_API_URL", "http://127.0.0.1:1")
	os.Setenv("GH_PATH", filepath.Join(dir, "no-gh"))
	os.Setenv("GH_CONFIG_DIR", filepath.Join(dir, "gh"))
	os.Unsetenv("GH_TOKEN")
	os.Unsetenv("GITHUB_TOKEN")
	os.Unsetenv("NO_COLOR")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// waitToBeKilled, set, makes TestWaitToBeKilled wait.
const waitToBeKilled = "UPSTREAM_TUI_WAIT_TO_BE_KILLED"

// TestKilledTestProcessLeavesNothing: a test process that this one starts
// (as the fuzzing coordinator starts its workers) and then kills leaves no
// folder behind in TMPDIR: it used this one's.
func TestKilledTestProcessLeavesNothing(t *testing.T) {
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWaitToBeKilled$")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, waitToBeKilled+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		t.Fatalf("the test process said %q, %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the killed process left %s in TMPDIR", left[0].Name())
	}
}

// TestWaitToBeKilled is the process that TestKilledTestProcessLeavesNothing
// starts and kills: with waitToBeKilled set, it says it is ready and waits
// for its standard input to close. Run with the others, it does nothing.
func TestWaitToBeKilled(t *testing.T) {
	if os.Getenv(waitToBeKilled) == "" {
		return
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// switchServer serves whatever body holds, or the status when it is set.
type switchServer struct {
	*httptest.Server
	body   atomic.Pointer[[]byte]
	status atomic.Int64
}

func newSwitchServer(t *testing.T, body []byte) *switchServer {
	t.Helper()
	s := &switchServer{}
	s.body.Store(&body)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if st := s.status.Load(); st != 0 {
			w.WriteHeader(int(st))
			return
		}
		w.Write(*s.body.Load())
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *switchServer) serve(body []byte) { s.body.Store(&body); s.status.Store(0) }

// withCache gives a test a cache directory of its own.
func withCache(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	return filepath.Join(dir, "upstream-tui")
}

func TestCommandsFromURL(t *testing.T) {
	cache := withCache(t)
	srv := newSwitchServer(t, data.Embedded())
	url := srv.URL + "/projects.md"

	r := execute(t, nil, "list", "moby", "-o", "tsv", "--catalog", url)
	if r.status != 0 || r.stderr != "" || !strings.Contains(r.stdout, "\nMoby\t") {
		t.Fatalf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	entries, _ := os.ReadDir(cache)
	if len(entries) != 2 {
		t.Fatalf("cache holds %d files, want the body and its validators", len(entries))
	}

	// A newer list is seen with --refresh; without it, the fresh cache is.
	srv.serve(bytes.Replace(data.Embedded(), []byte("[Moby]"), []byte("[Moby Two]"), 1))
	if r := execute(t, nil, "list", "moby", "-o", "tsv", "--catalog", url); strings.Contains(r.stdout, "Moby Two") {
		t.Error("a fresh cache was fetched again without --refresh")
	}
	if r := execute(t, nil, "show", "moby two", "--refresh", "--catalog", url); r.status != 0 || !strings.Contains(r.stdout, "Moby Two") {
		t.Errorf("--refresh: status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	// So is one older than --max-age.
	srv.serve(bytes.Replace(data.Embedded(), []byte("[Moby]"), []byte("[Moby Three]"), 1))
	if r := execute(t, nil, "show", "moby three", "--max-age", "1h", "--catalog", url); r.status == 0 {
		t.Error("a copy younger than --max-age was downloaded again")
	}
	if r := execute(t, nil, "show", "moby three", "--max-age", "1ns", "--catalog", url); r.status != 0 {
		t.Errorf("--max-age: status %d stderr %q", r.status, r.stderr)
	}

	// The server fails: the cached copy, a notice, success.
	srv.status.Store(http.StatusInternalServerError)
	r = execute(t, nil, "list", "-o", "tsv", "--refresh", "--catalog", url)
	want := "upstream-tui: not updated: showing the copy cached just now (could not fetch " + url + ": HTTP 500 Internal Server Error)\n"
	if r.status != 0 || r.stderr != want || !strings.Contains(r.stdout, "Moby Three") {
		t.Errorf("status %d stderr %q", r.status, r.stderr)
	}

	// The server is gone and there is no cache: the embedded catalog.
	srv.Close()
	withCache(t)
	r = execute(t, nil, "list", "-o", "tsv", "--catalog", url)
	if r.status != 0 || !strings.HasPrefix(r.stderr, "upstream-tui: offline: showing the embedded catalog (could not fetch "+url) ||
		!strings.Contains(r.stdout, "\nMoby\t") {
		t.Errorf("offline: status %d stderr %q", r.status, r.stderr)
	}
}

func TestCatalogFromEnvironment(t *testing.T) {
	withCache(t)
	srv := newSwitchServer(t, bytes.Replace(data.Embedded(), []byte("[Moby]"), []byte("[Moby From Env]"), 1))
	t.Setenv("UPSTREAM_TUI_CATALOG", srv.URL+"/projects.md")
	if r := execute(t, nil, "list", "-o", "tsv"); r.status != 0 || !strings.Contains(r.stdout, "Moby From Env") {
		t.Errorf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	// --catalog wins over the environment.
	if r := execute(t, nil, "list", "-o", "tsv", "--catalog", readme); strings.Contains(r.stdout, "Moby From Env") {
		t.Error("the environment won over --catalog")
	}
}

func TestURLsRefused(t *testing.T) {
	withCache(t)
	r := execute(t, nil, "list", "--catalog", "http://example.com/projects.md")
	if r.status != 1 || r.stderr != "upstream-tui: refusing plain http to example.com: use https (http is only for localhost)\n" {
		t.Errorf("status %d stderr %q", r.status, r.stderr)
	}
}

func TestLintURL(t *testing.T) {
	withCache(t)
	srv := newSwitchServer(t, data.Embedded())
	url := srv.URL + "/projects.md"
	r := execute(t, nil, "lint", url)
	if r.status != 0 || !strings.Contains(r.stdout, url+":39: warning: Azure File CSI Driver repeats") {
		t.Errorf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	srv.Close()
	if r := execute(t, nil, "lint", url); r.status != 1 || !strings.HasPrefix(r.stderr, "upstream-tui: could not fetch "+url) {
		t.Errorf("offline lint: status %d stderr %q", r.status, r.stderr)
	}
}

// TestNoLookupInAStandIn: with a URL that cannot be fetched and no copy
// cached, list shows the embedded catalog with a notice, but show and
// open do not look a project up in it: an answer from another catalog
// (a link opened) would pass for the asked one's.
func TestNoLookupInAStandIn(t *testing.T) {
	withCache(t)
	srv := newSwitchServer(t, data.Embedded())
	url := srv.URL + "/landscape.yml"
	srv.Close()
	for _, args := range [][]string{{"show", "moby"}, {"open", "moby", "--print"}, {"open", "moby", "--link", "slack", "--print"}} {
		r := execute(t, nil, append(args, "--catalog", url)...)
		want := `upstream-tui: cannot look up "moby": could not fetch ` + url + ": "
		if r.status != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, want) || !strings.HasSuffix(r.stderr, ", and no copy is cached\n") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%q: status %d stdout %q stderr %q", args, r.status, r.stdout, r.stderr)
		}
	}
	if r := execute(t, nil, "list", "-o", "tsv", "--catalog", url); r.status != 0 || !strings.Contains(r.stdout, "\nMoby\t") {
		t.Errorf("list: status %d stderr %q", r.status, r.stderr)
	}
}
