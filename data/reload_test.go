package data

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

// within runs f and fails the test when it has not returned in 5 s: a
// read that hangs fails instead of holding the test.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still reading after 5 s", what)
	}
}

// TestReloadGivesUp: a read that does not end is given up after the
// timeout, with an error that says so, and the app can ask again.
func TestReloadGivesUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "projects.md")
	if err := os.WriteFile(path, Embedded(), 0o644); err != nil {
		t.Fatal(err)
	}
	stuck := make(chan struct{})
	defer close(stuck)
	s := Sources{ReloadTimeout: 50 * time.Millisecond, BeforeFile: func(string) { <-stuck }}
	within(t, "reload", func() {
		_, err := s.Reload(context.Background(), path)
		if err == nil || err.Error() != path+": not read within 50ms; gave up" {
			t.Errorf("err %v", err)
		}
	})
	if DefaultReloadTimeout != 10*time.Second || seconds(DefaultReloadTimeout) != "10 s" {
		t.Errorf("default %v", DefaultReloadTimeout)
	}
}

// TestFirstRowsOfABadFile: a large file starts on its first rows, but when
// the whole cannot be read those rows are not kept as the catalog: the
// reload gives a catalog with no project and a notice naming the file and
// the line. A later bad edit of a file read whole keeps what was read.
func TestFirstRowsOfABadFile(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 12000, 1); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	if len(good) <= QuickBytes {
		t.Fatalf("the catalog is %d bytes, too small for a first view", len(good))
	}
	bad := bytes.Clone(good)
	bad[len(bad)-100] = 0 // one bad byte near the end
	path := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	var s Sources
	first, more, err := s.Quick(path, 0)
	if err != nil || !more || len(first.Projects) == 0 {
		t.Fatalf("quick: more %v, %v", more, err)
	}
	cat, err := s.Reload(context.Background(), path)
	if err != nil || len(cat.Projects) != 0 || len(cat.Areas) != 0 ||
		!strings.HasPrefix(cat.Origin.Notice, path+":") ||
		!strings.HasSuffix(cat.Origin.Notice, ": not a Markdown catalog (binary data); none of the file is shown, as it cannot be read whole") {
		t.Fatalf("reload after the first rows: %+v, %v", cat, err)
	}

	// Mended, the file reads whole; broken again, the error keeps it.
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if cat, err := s.Reload(context.Background(), path); err != nil || len(cat.Projects) != 12000 || cat.Origin.Notice != "" {
		t.Fatalf("mended: %v", err)
	}
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if cat, err := s.Reload(context.Background(), path); err == nil || cat != nil {
		t.Errorf("a bad edit of a file read whole: %v", err)
	}
}

// TestTooLargeHasNoFirstView: a file over the limit is an error at once,
// not a first view that the whole read would then take away.
func TestTooLargeHasNoFirstView(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(Embedded()); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxFileSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var s Sources
	if _, _, err := s.Quick(path, 0); err == nil || err.Error() != path+": too large for a catalog (over 128 MiB)" {
		t.Errorf("quick: %v", err)
	}
}
