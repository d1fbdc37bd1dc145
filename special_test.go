//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
)

// runBinary runs the built program with env added to the tests' own, and
// fails the test when it has not ended within 20 s: a command that hangs
// on a file is a failure, not a test that never ends.
func runBinary(t *testing.T, env []string, args ...string) result {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: still running after 20 s", args)
	}
	var r result
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.status = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	return r
}

// special makes path a FIFO or a link to /dev/zero.
func special(t *testing.T, kind, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var err error
	if kind == "fifo" {
		err = syscall.Mkfifo(path, 0o600)
	} else {
		err = os.Symlink("/dev/zero", path)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestSpecialFilesForCommands: a FIFO, /dev/zero or a link to it as the
// catalog, the config, the state file or a cached download: every
// command answers at once, with one line naming the file.
func TestSpecialFilesForCommands(t *testing.T) {
	for _, kind := range []string{"fifo", "link to /dev/zero"} {
		dir := t.TempDir()
		home := []string{"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_STATE_HOME=" + filepath.Join(dir, "state"), "XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}

		catalog := filepath.Join(dir, "catalog.md")
		special(t, kind, catalog)
		for _, args := range [][]string{{"list", "--catalog", catalog}, {"show", "moby", "--catalog", catalog}, {"lint", catalog}, {"--catalog", catalog}} {
			r := runBinary(t, home, args...)
			if want := "upstream-tui: " + catalog + ": not a regular file\n"; r.status != 1 || r.stderr != want {
				t.Errorf("%s: %v: status %d stderr %q", kind, args, r.status, r.stderr)
			}
		}
		if r := runBinary(t, home, "list", "--catalog", "/dev/zero"); r.status != 1 || r.stderr != "upstream-tui: /dev/zero: not a regular file\n" {
			t.Errorf("/dev/zero: status %d stderr %q", r.status, r.stderr)
		}

		config := filepath.Join(dir, "config", "upstream-tui", "config.toml")
		special(t, kind, config)
		r := runBinary(t, home, "list", "-o", "tsv")
		if want := "upstream-tui: config not used, running on the defaults: " + config + ": not a regular file\n"; r.status != 0 || r.stderr != want || !strings.Contains(r.stdout, "\nMoby\t") {
			t.Errorf("%s config: status %d stderr %q", kind, r.status, r.stderr)
		}
		os.Remove(config)

		state := filepath.Join(dir, "state", "upstream-tui", "state.json")
		special(t, kind, state)
		r = runBinary(t, home, "list", "--recent", "-o", "json")
		if want := "upstream-tui: " + state + ": not a regular file; starting afresh\n"; r.status != 0 || r.stderr != want || r.stdout != "[]\n" {
			t.Errorf("%s state: status %d stdout %q stderr %q", kind, r.status, r.stdout, r.stderr)
		}
		// Opening replaces it with a state file.
		r = runBinary(t, append(home, "BROWSER=true"), "open", "moby")
		if r.status != 0 {
			t.Errorf("%s state: open: status %d stderr %q", kind, r.status, r.stderr)
		}
		if r := runBinary(t, home, "list", "--recent", "-o", "tsv"); r.stderr != "" || !strings.Contains(r.stdout, "\nMoby\t") {
			t.Errorf("%s state after open: stdout %q stderr %q", kind, r.stdout, r.stderr)
		}

		// A cached download: fetched once, then its body swapped.
		srv := newSwitchServer(t, data.Embedded())
		url := srv.URL + "/projects.md"
		if r := runBinary(t, home, "list", "--catalog", url); r.status != 0 {
			t.Fatalf("%s: first fetch: status %d stderr %q", kind, r.status, r.stderr)
		}
		bodies, _ := filepath.Glob(filepath.Join(dir, "cache", "upstream-tui", "*.md"))
		if len(bodies) != 1 {
			t.Fatalf("%s: cached bodies %v", kind, bodies)
		}
		os.Remove(bodies[0])
		special(t, kind, bodies[0])
		srv.Close()
		r = runBinary(t, home, "list", "-o", "tsv", "--catalog", url)
		if r.status != 0 || !strings.HasPrefix(r.stderr, "upstream-tui: offline: showing the embedded catalog (could not fetch "+url) ||
			!strings.HasSuffix(r.stderr, "; the cached copy is not used (not a regular file)\n") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s cache: status %d stderr %q", kind, r.status, r.stderr)
		}
	}
}
