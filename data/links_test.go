package data

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/linkcheck"
	"github.com/upstream-tui/upstream-tui/model"
)

// TestCheckLinksOfAURL: a catalog URL is checked as downloaded now; its
// fixes show as a diff and are never written; a link borrowed through
// "same slack and email" is checked where it is written.
func TestCheckLinksOfAURL(t *testing.T) {
	catalog := "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n| **Runtime** | | | | | |\n" +
		"| | [Moby](https://moby.test/) | Toolkit | CNCF: graduated | [slack](https://moby.test/slack) | |\n" +
		"| | [Other](https://other.test/) | Other | CNCF: graduated | same slack and email | |\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Host + r.URL.Path {
		case "catalog.test/list.md":
			w.Write([]byte(catalog))
		case "moby.test/slack":
			w.WriteHeader(http.StatusNotFound)
		case "moby.test/":
			w.Header().Set("Location", "https://mobyproject.test/")
			w.WriteHeader(http.StatusMovedPermanently)
		}
	}))
	t.Cleanup(srv.Close)
	s := LinkSources{
		Sources: &Sources{Remote: fetch.Remote{CacheDir: t.TempDir(), Client: &http.Client{Transport: linkcheck.RouteTo(srv.Listener.Addr().String())}}},
		Checker: linkcheck.Checker{Client: linkcheck.NewClient(linkcheck.RouteTo(srv.Listener.Addr().String())), Pause: -1},
	}
	r, err := s.CheckLinks(context.Background(), "https://catalog.test/list.md", model.LinkCheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Two findings, both on Moby's line: the dead slack link is not
	// reported again on the line that borrows it.
	if len(r.Findings) != 2 || r.Findings[0].Line != 4 || r.Findings[0].Fix != "https://mobyproject.test/" ||
		r.Findings[1].Line != 4 || r.Findings[1].Severity != model.SeverityError || r.Path != "" {
		t.Fatalf("%+v", r)
	}
	if !strings.Contains(r.Diff, "\n+| | [Moby](https://mobyproject.test/) |") {
		t.Errorf("diff:\n%s", r.Diff)
	}
	if err := s.WriteFixes(r); err == nil || err.Error() != "https://catalog.test/list.md is not a file that can be fixed; --diff shows the fixes" {
		t.Errorf("WriteFixes(a URL) = %v", err)
	}
}

// TestCheckLinksOfALandscape: lint --online reads a landscape.yml as lint
// does, rather than refusing it as Markdown with no project table. Its
// findings name the line each URL is written on, and a moved link is
// fixed in the YAML's bytes, its comment and quotes kept.
func TestCheckLinksOfALandscape(t *testing.T) {
	landscape := "landscape:\n" +
		"  - category:\n" +
		"    name: Provisioning\n" +
		"    subcategories:\n" +
		"      - subcategory:\n" +
		"        name: Automation\n" +
		"        items:\n" +
		"          - item:\n" +
		"            name: Gone\n" +
		"            homepage_url: https://gone.test/\n" +
		"            repo_url: \"https://moved.test/repo\"\n" +
		"            logo: gone.svg\n" +
		"            extra:\n" +
		"              blog_url: https://moved.test/blog # the old blog\n"
	path := filepath.Join(t.TempDir(), "landscape.yml")
	if err := os.WriteFile(path, []byte(landscape), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Host {
		case "moved.test":
			w.Header().Set("Location", "https://new.test"+r.URL.Path)
			w.WriteHeader(http.StatusMovedPermanently)
		case "new.test":
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	s := LinkSources{
		Sources: &Sources{},
		Checker: linkcheck.Checker{Client: linkcheck.NewClient(linkcheck.RouteTo(srv.Listener.Addr().String())), Pause: -1},
	}
	r, err := s.CheckLinks(context.Background(), path, model.LinkCheckOptions{})
	if err != nil {
		t.Fatalf("CheckLinks(a landscape) = %v", err)
	}
	lines := map[string]int{}
	for _, f := range r.Findings {
		lines[f.URL] = f.Line
	}
	if want := map[string]int{"https://gone.test/": 10, "https://moved.test/repo": 11, "https://moved.test/blog": 14}; !reflect.DeepEqual(lines, want) {
		t.Fatalf("findings on lines %v, want %v: %+v", lines, want, r.Findings)
	}
	want := strings.Replace(strings.Replace(landscape, "moved.test/repo", "new.test/repo", 1), "moved.test/blog", "new.test/blog", 1)
	if string(r.Fixed) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", r.Fixed, want)
	}
}
