package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/data/synth"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// browsed runs the root command on a fake terminal and returns the query
// the browser was started with ("" and false when it was not started).
func browsed(t *testing.T, args ...string) (r result, query string, started bool) {
	t.Helper()
	r = executeWith(t, nil, func(d *cli.Deps) {
		d.Terminal = func(io.Writer) (int, bool) { return 80, true }
		d.Browse = func(_ *model.Catalog, opts ui.Options) error {
			query, started = opts.Query, true
			return nil
		}
	}, args...)
	return r, query, started
}

func TestQueryOrMistypedCommand(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		query  string // "" when the browser must not start
		status int
	}{
		{[]string{"--", "list"}, "list", 0}, // a command's name, searched for
		{[]string{"--", "lsit"}, "lsit", 0}, // after --, never a command
		{[]string{"opa"}, "opa", 0},         // two letters from open, but in OPA Gatekeeper's name
		{[]string{"gatekeeper"}, "gatekeeper", 0},
		{[]string{"lsit"}, "", 2},
		{[]string{"shwo", "gatekeeper"}, "", 2},
		{[]string{"opn"}, "", 2},  // in no name: a typo, whatever the fuzzy search finds
		{[]string{"lint"}, "", 0}, // a command
	} {
		r, query, started := browsed(t, tc.args...)
		if r.status != tc.status || query != tc.query || started != (tc.query != "") {
			t.Errorf("%q: status %d, browser started %v with %q; want status %d and %q (stderr %q)",
				tc.args, r.status, started, query, tc.status, tc.query, r.stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build info in the test binary")
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := execute(t, nil, args...)
		lines := strings.Split(r.stdout, "\n")
		if r.status != 0 || lines[0] != "upstream-tui version "+info.Main.Version || info.Main.Version == "" {
			t.Errorf("%v: status %d, first line %q, want the module version %q (stderr %q)", args, r.status, lines[0], info.Main.Version, r.stderr)
		}
		// go test stamps no commit when built with -buildvcs=false (.ci/run).
		if len(lines) < 3 || !strings.HasPrefix(lines[1], "commit: ") || lines[2] != "go: "+info.GoVersion {
			t.Errorf("%v: no commit or go line:\n%s", args, r.stdout)
		}
	}
}

func TestBuildString(t *testing.T) {
	b := cli.Build{Version: "v1.2.0", Revision: "45ad1dc", Time: "2026-11-24T16:30:00Z", Modified: true, Go: "go1.26.8"}
	want := "upstream-tui version v1.2.0\ncommit: 45ad1dc (2026-11-24T16:30:00Z, modified)\ngo: go1.26.8\n"
	if got := b.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := (cli.Build{Version: "(devel)"}).String(); got != "upstream-tui version (devel)\ncommit: unknown\n" {
		t.Errorf("without VCS: %q", got)
	}
}

func TestCompletionInsideNames(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // all the completions, in order
	}{
		{[]string{"show", "gate"}, []string{"OPA Gatekeeper"}},
		{[]string{"show", "opa"}, []string{"OPA Gatekeeper"}},
		{[]string{"show", "Azure D"}, []string{"Azure Disk CSI Driver"}},
		{[]string{"open", "keyVAULT"}, []string{"Keyvault Flexvol", "Azure KeyVault Provider for Secrets Store CSI Driver"}},
		// The repository's links too, as the app gives them.
		{[]string{"open", "moby", "--link", ""}, []string{"slack", "issues", "docs", "releases", "forum", "repository", "home", "contribute"}},
		{[]string{"open", "moby", "--link", "s"}, []string{"slack"}},
		{[]string{"open", "nothing-like-it", "--link", "m"}, []string{"mailing-list"}},
	} {
		r := execute(t, nil, append([]string{"__complete"}, tc.args...)...)
		got := strings.Join(strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n"), "|")
		want := strings.Join(append(tc.want, ":4"), "|")
		if got != want {
			t.Errorf("%q: got %s, want %s", tc.args, got, want)
		}
	}
}

// TestCompletionOfALargeFile: a file too large to read before the first
// frame is read whole for a completion: its last project is offered.
func TestCompletionOfALargeFile(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 4*data.QuickBytes/500, 1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "large.md")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := data.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Bytes()) <= 2*data.QuickBytes {
		t.Fatalf("the catalog is only %d bytes", len(b.Bytes()))
	}
	last := cat.Projects[len(cat.Projects)-1].Name
	r := execute(t, nil, "__complete", "--catalog", path, "show", last)
	if !strings.HasPrefix(r.stdout, last+"\n") {
		t.Errorf("completing %q:\n%s", last, r.stdout)
	}
}

// TestListAt80Columns: on an 80-column terminal, names stay whole (show
// and open take them), the goal gives way first, and projects of
// different areas never show the same cut area.
func TestListAt80Columns(t *testing.T) {
	for _, catalog := range []string{"", readme, firstDraft} {
		asked := 0
		r := executeWith(t, nil, onTerminal(80, "dark", true, true, false, &asked), "list", "--catalog", catalog)
		var projects []struct{ Name, Area string }
		if err := json.Unmarshal([]byte(execute(t, nil, "list", "-o", "json", "--catalog", catalog).stdout), &projects); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if r.status != 0 || len(lines) != len(projects)+1 {
			t.Fatalf("%q: status %d, %d lines for %d projects:\n%s", catalog, r.status, len(lines), len(projects), r.stdout)
		}
		areaAt, maturityAt := strings.Index(lines[0], "AREA"), strings.Index(lines[0], "MATURITY")
		shown := map[string]string{} // the area as shown, to the area
		for i, p := range projects {
			line := lines[i+1]
			if ansi.StringWidth(line) > 80 {
				t.Errorf("%q: line wider than 80: %q", catalog, line)
			}
			if !strings.HasPrefix(line, p.Name+" ") {
				t.Errorf("%q: the name %q is not whole: %q", catalog, p.Name, line)
			}
			area := strings.TrimSpace(ansi.Cut(line, areaAt, maturityAt))
			if other, ok := shown[area]; ok && other != p.Area {
				t.Errorf("%q: %q and %q both show as %q", catalog, other, p.Area, area)
			}
			shown[area] = p.Area
		}
	}
}

// cacheLargeURL serves a catalog larger than QuickBytes from a loopback
// server and caches it with a list: it returns the URL, the name of the
// catalog's last project (beyond a first view) and the count of requests.
func cacheLargeURL(t *testing.T) (url, last string, asked *atomic.Int64) {
	t.Helper()
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 4*data.QuickBytes/500, 1); err != nil {
		t.Fatal(err)
	}
	asked = new(atomic.Int64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write(b.Bytes())
	}))
	t.Cleanup(srv.Close)
	url = srv.URL + "/large.md"
	cat, err := markdown.Parse("large.md", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if r := execute(t, nil, "list", "-o", "tsv", "--catalog", url); r.status != 0 || asked.Load() != 1 {
		t.Fatalf("caching it: status %d, %d requests, stderr %q", r.status, asked.Load(), r.stderr)
	}
	return url, cat.Projects[len(cat.Projects)-1].Name, asked
}

// TestCompletionOfALargeCachedURL: a URL's cached copy is offered whole,
// not its head's names, fresh or stale, and a completion never asks the
// server.
func TestCompletionOfALargeCachedURL(t *testing.T) {
	withCache(t)
	url, last, asked := cacheLargeURL(t)
	for _, maxAge := range []string{"1h", "1ns"} {
		r := execute(t, nil, "__complete", "--catalog", url, "--max-age", maxAge, "show", last)
		if !strings.HasPrefix(r.stdout, last+"\n") {
			t.Errorf("max age %s: completing %q:\n%.200s", maxAge, last, r.stdout)
		}
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("completion asked the server %d times", n-1)
	}
}

// TestCompletionNeverDownloads: where Load would download for a cached
// copy (one fetched "in the future", by a clock that was ahead), a
// completion still asks the server nothing and offers the copy's names.
func TestCompletionNeverDownloads(t *testing.T) {
	cache := withCache(t)
	url, last, asked := cacheLargeURL(t)
	records, _ := filepath.Glob(filepath.Join(cache, "*.json"))
	if len(records) != 1 {
		t.Fatalf("cache records %v, want one", records)
	}
	raw, err := os.ReadFile(records[0])
	if err != nil {
		t.Fatal(err)
	}
	var meta map[string]any
	if err := json.Unmarshal(raw, &meta); err != nil {
		t.Fatal(err)
	}
	meta["fetched"] = "2999-01-01T00:00:00Z"
	if raw, err = json.Marshal(meta); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(records[0], raw, 0o600); err != nil {
		t.Fatal(err)
	}
	r := execute(t, nil, "__complete", "--catalog", url, "show", last)
	if !strings.HasPrefix(r.stdout, last+"\n") {
		t.Errorf("completing %q:\n%.200s", last, r.stdout)
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("completion asked the server %d times", n-1)
	}
}

// TestHelpTexts: help says what the commands do today: the link kinds
// and health words filters take, who records --recent, every command for
// scripts, durations as typed, and no global flag where none applies.
func TestHelpTexts(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want, not []string
	}{
		{[]string{"list", "--help"}, []string{
			"has:slack|issues|mailing-list|docs|releases|tests|forum|board|repository|home,\n",
			"is:archived|moved|stale|quiet|active|missing|unknown (from the\n",
			"opened (in the app, or with open)",
			"(default 24h)\n",
		}, []string{"24h0m0s"}},
		{[]string{"--help"}, []string{"The list, show, open, lint and health commands"}, []string{"0m0s"}},
		{[]string{"lint", "--help"}, []string{"(default 2m)\n"}, []string{"2m0s"}},
		{[]string{"version", "--help"}, []string{"help for version"}, []string{"Global Flags", "--catalog", "--max-age"}},
		{[]string{"completion", "--help"}, []string{"help for completion"}, []string{"Global Flags", "--catalog"}},
		{[]string{"completion", "bash", "--help"}, []string{"--no-descriptions"}, []string{"Global Flags", "--catalog"}},
		{[]string{"help", "version"}, []string{"help for version"}, []string{"Global Flags"}},
		// Hidden for those only, and only while their help is written.
		{[]string{"show", "--help"}, []string{"Global Flags:\n", "--catalog", "(default 24h)"}, nil},
	} {
		r := execute(t, nil, tc.args...)
		if r.status != 0 {
			t.Errorf("%q: status %d, %q", tc.args, r.status, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%q lacks %q:\n%s", tc.args, w, r.stdout)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(r.stdout, n) {
				t.Errorf("%q says %q:\n%s", tc.args, n, r.stdout)
			}
		}
	}
}
