package data

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/synth"
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

// TestQuickFirstView: a file no larger than QuickBytes is read whole
// before the first frame; a larger one, by a few rows even, starts on a
// first view of its head, and Reload reads the whole.
func TestQuickFirstView(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 1000, 1); err != nil {
		t.Fatal(err)
	}
	rows := func(n int) []byte { // the catalog cut after its last row within n bytes
		return b.Bytes()[:bytes.LastIndexByte(b.Bytes()[:n], '\n')+1]
	}
	small, large := rows(QuickBytes), rows(QuickBytes+2000)
	if len(large) <= QuickBytes {
		t.Fatalf("%d bytes is not over QuickBytes", len(large))
	}
	var s Sources
	for _, tc := range []struct {
		name string
		src  []byte
		more bool
	}{{"small.md", small, false}, {"large.md", large, true}} {
		path := filepath.Join(t.TempDir(), tc.name)
		if err := os.WriteFile(path, tc.src, 0o644); err != nil {
			t.Fatal(err)
		}
		whole, err := LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cat, more, err := s.Quick(path, 0)
		if err != nil || more != tc.more || cat.Origin.Kind != model.OriginFile {
			t.Fatalf("%s: more %v, %v", tc.name, more, err)
		}
		if got, want := len(cat.Projects), len(whole.Projects); tc.more != (got < want) || got == 0 {
			t.Errorf("%s: the first view has %d projects of %d", tc.name, got, want)
		}
		if tc.more {
			if cat, err := s.Reload(context.Background(), path); err != nil || len(cat.Projects) != len(whole.Projects) {
				t.Errorf("%s: reload: %v", tc.name, err)
			}
		}
	}
}

// BenchmarkQuick times what the app reads before its first frame (Quick)
// from synthetic catalog files of 32 KiB (read whole), 64 KiB, 1 MiB,
// 4 MiB and 5 MiB.
func BenchmarkQuick(b *testing.B) {
	var all bytes.Buffer
	if err := synth.Write(&all, 12, 12_000, 1); err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{32 << 10, 64 << 10, 1 << 20, 4 << 20, 5 << 20} {
		src := all.Bytes()[:size]
		path := filepath.Join(b.TempDir(), "catalog.md")
		if err := os.WriteFile(path, src[:bytes.LastIndexByte(src, '\n')+1], 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			var s Sources
			for b.Loop() {
				if _, _, err := s.Quick(path, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
