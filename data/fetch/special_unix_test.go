//go:build unix

package fetch

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// TestSpecialCacheFiles: a FIFO, or a link to /dev/zero, where the cache
// keeps a body or its validators is never read: the body counts as
// missing, with a notice saying why; validators are done without. Each
// answer comes at once.
func TestSpecialCacheFiles(t *testing.T) {
	const url = "https://example.com/projects.md"
	for _, tc := range []struct{ name, ext, kind string }{
		{"body FIFO", bodyExt, "fifo"},
		{"body /dev/zero", bodyExt, "zero"},
		{"validators FIFO", ".json", "fifo"},
		{"validators /dev/zero", ".json", "zero"},
	} {
		dir := t.TempDir()
		base := cachePath(dir, url)
		if tc.ext == ".json" {
			if err := os.WriteFile(base+bodyExt, embedded(), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		if tc.kind == "fifo" {
			err = syscall.Mkfifo(base+tc.ext, 0o600)
		} else {
			err = os.Symlink("/dev/zero", base+tc.ext)
		}
		if err != nil {
			t.Fatal(err)
		}
		type answer struct {
			cat *model.Catalog
			err error
		}
		done := make(chan answer, 1)
		go func() {
			cat, _, err := testRemote(Remote{CacheDir: dir}).Cached(url, time.Hour)
			done <- answer{cat, err}
		}()
		select {
		case a := <-done:
			if a.err != nil {
				t.Fatalf("%s: %v", tc.name, a.err)
			}
			o := a.cat.Origin
			if tc.ext == bodyExt && (o.Kind != model.OriginEmbedded || !strings.HasPrefix(o.Notice, "the cached copy of example.com/projects.md is not used (not a regular file)")) {
				t.Errorf("%s: origin %+v", tc.name, o)
			}
			if tc.ext == ".json" && o.Kind != model.OriginCache {
				t.Errorf("%s: origin %+v", tc.name, o)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", tc.name)
		}
	}
}
