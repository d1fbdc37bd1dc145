package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBashCompletionInRealTerminal types into bash with the completion
// script loaded, as a user with bash-completion would: names complete from
// inside and in any case, after an opening quote too, and --link offers
// the kinds the project has.
func TestBashCompletionInRealTerminal(t *testing.T) {
	const framework = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(framework); err != nil {
		t.Fatal("bash-completion is needed for this test (.ci/run installs it): ", err)
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock")}
	shell := fmt.Sprintf("env -i HOME=%s TERM=xterm PATH=%s:/usr/bin:/bin XDG_STATE_HOME=%s bash --norc --noprofile",
		dir, filepath.Dir(bin), dir)
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "140", "-y", "20", shell)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	s.keys(fmt.Sprintf("PS1='$ '; source %s; source <(upstream-tui completion bash) && echo LOADED", framework))
	s.key("Enter")
	s.waitFor("the script", contains("\nLOADED"))

	for _, tc := range []struct{ typed, want string }{
		{"upstream-tui show gate", `$ upstream-tui show OPA\ Gatekeeper`},
		{"upstream-tui show opa", `$ upstream-tui show OPA\ Gatekeeper`},
		{"upstream-tui show 'Azure D", `$ upstream-tui show 'Azure Disk CSI Driver'`},
		{"upstream-tui show Azure\\ F", `$ upstream-tui show Azure\ File\ CSI\ Driver`},
		{"upstream-tui open moby --link i", `$ upstream-tui open moby --link issues`},
		{"upstream-tui lis", `$ upstream-tui list`},
	} {
		s.key("C-u")
		s.keys(tc.typed)
		s.key("Tab")
		s.waitFor(tc.typed+" completed", func(screen string) bool {
			lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
			return strings.TrimRight(lines[len(lines)-1], " ") == tc.want
		})
	}
	// Moby has no mailing list: only its own kinds are offered.
	s.key("C-u")
	s.keys("upstream-tui open moby --link ")
	s.key("Tab", "Tab")
	screen := s.waitFor("moby's kinds", contains("docs", "slack"))
	if strings.Contains(screen, "mailing-list") {
		t.Errorf("a kind Moby does not have is offered:\n%s", screen)
	}
}
