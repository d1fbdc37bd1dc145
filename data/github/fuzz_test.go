package github

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gh "github.com/google/go-github/v84/github"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// inertHealth fails when a text of h is not inert, on one line and
// within its bound.
func inertHealth(t *testing.T, h model.Health) {
	t.Helper()
	texts := append([]string{h.Description, h.License, h.MovedTo.String()}, h.Topics...)
	if h.LatestRelease != nil {
		texts = append(texts, h.LatestRelease.Tag)
	}
	for _, s := range texts {
		if !inert.IsClean(s) || strings.ContainsAny(s, "\n\t") || len(s) > maxDescription+len("…") {
			t.Fatalf("not inert: %q", s)
		}
	}
	if len(h.Topics) > maxTopics || h.Stars < 0 || h.Forks < 0 || h.OpenIssues < 0 {
		t.Fatalf("out of bounds: %+v", h)
	}
}

// FuzzAnswer: whatever a repository's or a release's JSON holds, the
// health made of it is inert and bounded.
func FuzzAnswer(f *testing.F) {
	f.Add(`{"full_name": "containerd/containerd", "description": "runtime", "topics": ["oci"], "license": {"spdx_id": "MIT"}, "stargazers_count": 3}`)
	f.Add(`{"full_name": "a/b\u001b[2J", "description": "\u001b]52;c;eA==\u0007x\r\n\u202e", "topics": ["", "\u009b31m"], "forks_count": -4}`)
	f.Add(`{"full_name": "new/name", "tag_name": "v1\u001b[31m", "published_at": "2023-01-01T00:00:00Z"}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r gh.Repository
		if json.Unmarshal([]byte(body), &r) == nil {
			inertHealth(t, fromRepository(model.Repo{Owner: "o", Name: "n"}, &r))
		}
		var rel gh.RepositoryRelease
		if json.Unmarshal([]byte(body), &rel) == nil {
			inertHealth(t, model.Health{LatestRelease: fromRelease(&rel)})
		}
	})
}

// FuzzCacheRecord: whatever a cache file holds (it is outside the
// program), what is read back is inert and bounded, or nothing.
func FuzzCacheRecord(f *testing.F) {
	f.Add(`{"repo": "o/n", "checked_at": "2026-11-29T12:00:00Z", "etag": "W/\"x\"", "health": {"description": "d", "topics": ["t"], "latest_release": {"tag": "v1"}}}`)
	f.Add(`{"repo": "O/N", "checked_at": "2026-11-29T12:00:00Z", "etag": "a\r\nb", "health": {"moved_to": "x/y\u001b", "description": "\u001b]0;t\u0007", "stars": -1}}`)
	f.Fuzz(func(t *testing.T, content string) {
		dir := t.TempDir()
		repo := model.Repo{Owner: "o", Name: "n"}
		path := cacheFile(dir, repo)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		e, ok := readEntry(dir, repo)
		if !ok {
			return
		}
		inertHealth(t, e.health)
		if e.etag != validETag(e.etag) || e.health.Repo != repo {
			t.Fatalf("read back %+v", e)
		}
	})
}
