package github

import (
	"fmt"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// BenchmarkCached100k is what list -o json, is: and --sort cost on a
// catalog of 100,000 repositories, 1,000 of them cached: every lookup of
// a fresh Source (each first read of a cached file, each miss without
// opening a file).
func BenchmarkCached100k(b *testing.B) {
	dir := b.TempDir()
	repos := make([]model.Repo, 100_000)
	for i := range repos {
		repos[i] = model.Repo{Owner: fmt.Sprintf("owner%d", i%5000), Name: fmt.Sprintf("repo-%d", i)}
		if i%100 == 0 {
			h := model.Health{Repo: repos[i], Stars: i, PushedAt: now, CheckedAt: now, Description: "A repository", License: "MIT"}
			if err := writeEntry(dir, entry{health: h, etag: `W/"x"`}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		src := New(Options{CacheDir: dir, Now: func() time.Time { return now }})
		found := 0
		for _, r := range repos {
			if _, ok := src.Cached(r); ok {
				found++
			}
		}
		if found != 1000 {
			b.Fatalf("%d cached", found)
		}
	}
}
