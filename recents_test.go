package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/state"
)

// TestOpensAtOnceAreAllRemembered: the built program run many times at
// once, each opening another project, remembers every one of them: a save
// merges with what the others saved.
func TestOpensAtOnceAreAllRemembered(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := append(os.Environ(), "XDG_STATE_HOME="+dir, "BROWSER=true") // true(1) takes the URL and succeeds
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for _, p := range cat.Projects {
		wg.Go(func() {
			cmd := exec.CommandContext(ctx, bin, "open", "--", p.Name)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("open %q: %v\n%s", p.Name, err, out)
			}
		})
	}
	wg.Wait()
	st, err := state.Store{Dir: filepath.Join(dir, "upstream-tui")}.Load()
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]bool{}
	for _, r := range st.Recents {
		kept[r.Project] = true
	}
	for _, p := range cat.Projects {
		if !kept[p.Name] {
			t.Errorf("%q was opened but is not remembered", p.Name)
		}
	}
}
