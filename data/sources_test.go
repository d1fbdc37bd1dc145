package data

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/model"
)

// TestFileSource: a file's stamp changes with its content, and a reload
// that no longer parses names the file and the line.
func TestFileSource(t *testing.T) {
	var s Sources
	path := filepath.Join(t.TempDir(), "projects.md")
	if err := os.WriteFile(path, Embedded(), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, more, err := s.Quick(path, time.Hour)
	if err != nil || more || cat.Origin != (model.Origin{Kind: model.OriginFile, Name: path}) {
		t.Fatalf("quick: more %v, origin %+v, %v", more, cat.Origin, err)
	}
	stamp := s.Stamp(path)
	if stamp == "" || s.Stamp(path) != stamp {
		t.Fatalf("stamp %q is not steady", stamp)
	}
	bad := strings.Replace(string(Embedded()), "Containerd", "Contai\x00nerd", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	os.Chtimes(path, later, later) // a coarse clock still sees a change
	if s.Stamp(path) == stamp {
		t.Error("the stamp did not change with the file")
	}
	_, err = s.Reload(context.Background(), path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":") || strings.HasPrefix(err.Error(), path+":0") {
		t.Errorf("reload error %v", err)
	}
	for _, src := range []string{"", "https://example.com/x.md", filepath.Join(t.TempDir(), "missing.md")} {
		if s.Stamp(src) != "" {
			t.Errorf("%q has a stamp", src)
		}
	}
}

func TestEmbeddedOrigin(t *testing.T) {
	var s Sources
	cat, err := s.Load(context.Background(), "", time.Hour)
	if err != nil || cat.Origin.Kind != model.OriginEmbedded || cat.Origin.Describe(time.Now()) != "embedded catalog" {
		t.Errorf("origin %+v, %v", cat.Origin, err)
	}
}

// TestURLSource: Sources reads what fetch downloads with the Markdown
// reader, and a page with no project stands in for nothing: the cached
// copy stays, with a notice that says why.
func TestURLSource(t *testing.T) {
	var body atomic.Pointer[[]byte]
	body.Store(new(Embedded()))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write(*body.Load()) }))
	t.Cleanup(srv.Close)
	url := srv.URL + "/projects.md"
	s := Sources{Remote: fetch.Remote{CacheDir: t.TempDir()}}
	cat, err := s.Reload(context.Background(), url)
	if err != nil || cat.Origin.Kind != model.OriginURL || len(cat.Projects) != 18 {
		t.Fatalf("%+v %v", cat.Origin, err)
	}
	body.Store(new([]byte("| Project Area | Project | Goal |\n|---|---|---|\n")))
	cat, err = s.Reload(context.Background(), url)
	if err != nil || cat.Origin.Kind != model.OriginCache || !strings.Contains(cat.Origin.Notice, "the project table holds no project") {
		t.Errorf("%+v %v", cat.Origin, err)
	}
}
