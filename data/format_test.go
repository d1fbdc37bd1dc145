package data

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/model"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLandscapeByContent: a landscape file is read as one whatever its
// name, from a file and from a URL, and linted as one; a Markdown catalog
// named .yml is still Markdown.
func TestLandscapeByContent(t *testing.T) {
	yml := readTestdata(t, "landscape.yml")
	dir := t.TempDir()
	for name, body := range map[string][]byte{"catalog.md": yml, "noext": yml, "projects.yml": Embedded()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadFile(path)
		want := 238
		if name == "projects.yml" {
			want = 18
		}
		if err != nil || len(c.Projects) != want {
			t.Errorf("%s: %v", name, err)
			continue
		}
		fs, err := LintFile(path)
		if err != nil || (name != "projects.yml") != strings.Contains(findingText(fs), "duplicate project name \"k0rdent\"") {
			t.Errorf("%s: lint %v\n%s", name, err, findingText(fs))
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write(yml) }))
	t.Cleanup(srv.Close)
	url := srv.URL + "/raw/landscape"
	s := Sources{Remote: fetch.Remote{CacheDir: t.TempDir()}}
	c, err := s.Load(context.Background(), url, 0)
	if err != nil || c.Origin.Kind != model.OriginURL || len(c.Projects) != 238 {
		t.Fatalf("URL: %+v %v", c.Origin, err)
	}
	name, fs, err := s.Lint(context.Background(), url)
	if err != nil || name != url || !strings.Contains(findingText(fs), "k0rdent") {
		t.Errorf("lint URL: %v\n%s", err, findingText(fs))
	}
}

func findingText(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

// TestLandscapeQuick: the full landscape gives its first projects at
// once, then Reload reads the whole; a small landscape file is read whole
// at once.
func TestLandscapeQuick(t *testing.T) {
	var s Sources
	path := filepath.Join(t.TempDir(), "landscape.yml")
	if err := os.WriteFile(path, readTestdata(t, "landscape-full.yml"), 0o644); err != nil {
		t.Fatal(err)
	}
	first, more, err := s.Quick(path, time.Hour)
	if err != nil || !more || len(first.Projects) == 0 || len(first.Projects) >= 2000 || first.Origin.Name != path {
		t.Fatalf("quick: more %v, %d projects, %v", more, len(first.Projects), err)
	}
	whole, err := s.Reload(context.Background(), path)
	if err != nil || len(whole.Projects) != 2407 || len(whole.Areas) != 15 {
		t.Fatalf("reload: %v", err)
	}
	small := filepath.Join(t.TempDir(), "small.yml")
	if err := os.WriteFile(small, readTestdata(t, "landscape.yml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, more, err := s.Quick(small, time.Hour); err != nil || more || len(c.Projects) != 238 {
		t.Errorf("small: more %v, %v", more, err)
	}
}
