package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

// tmuxSession runs the built binary in a real terminal: a tmux server of
// its own, with a fake xdg-open first on PATH that records the URL it gets
// and prints noise, to show that the opener's output never reaches the screen.
type tmuxSession struct {
	t       *testing.T
	socket  string
	opened  string // file the fake xdg-open appends URLs to
	title   string // the pane's title before the program ran
	started time.Time
	// clipboard is what the program is expected to have copied; "" for
	// nothing.
	clipboard string
}

// stateDirs holds each test's state directory.
var stateDirs sync.Map

// binary builds the program once for all the terminal tests.
var binary = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(testHome, "upstream-tui")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func startTmux(t *testing.T, w, h int, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxEnv(t, w, h, "DISPLAY=:99", args...)
}

// startTmuxEnv is startTmux with env (arguments of env(1)) saying where
// the program runs: a display, or none.
func startTmuxEnv(t *testing.T, w, h int, env string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is needed for this test (.ci/run installs it): ", err)
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fakebin := filepath.Join(dir, "fakebin")
	if err := os.Mkdir(fakebin, 0o755); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock"), opened: filepath.Join(dir, "opened.txt")}
	script := fmt.Sprintf("#!/bin/sh\necho \"$1\" >> %q\necho NOISE-ON-STDOUT\necho NOISE-ON-STDERR >&2\n", s.opened)
	if err := os.WriteFile(filepath.Join(fakebin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	// After the program: its exit status and whether the terminal is back
	// in canonical mode with echo.
	// What the app remembers is the test's own: shared by its sessions,
	// never by other tests.
	state, _ := stateDirs.LoadOrStore(t, t.TempDir())
	shell := fmt.Sprintf("env -u BROWSER %s XDG_STATE_HOME=%s PATH=%s:$PATH %s %s; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo END-OF-RUN; sleep 600",
		env, state, fakebin, bin, strings.Join(quoted, " "))
	// No user config; set-clipboard on makes any OSC 52 write a paste buffer.
	s.started = time.Now()
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	s.tmux("set-option", "-g", "set-clipboard", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	s.title = s.tmux("display-message", "-p", "#{pane_title}")
	return s
}

// checkRestored fails unless the program has exited and left the terminal
// as it was: alt screen left, cursor shown, canonical mode and echo on, the
// title unchanged, and nothing written to the clipboard but what the test
// expects there.
func (s *tmuxSession) checkRestored(wantStatus string) string {
	s.t.Helper()
	screen := s.waitFor("the program to exit", contains("EXIT=", "END-OF-RUN"))
	if !strings.Contains(screen, "EXIT="+wantStatus) {
		s.t.Errorf("exit status is not %s:\n%s", wantStatus, screen)
	}
	if !strings.Contains(screen, "icanon echo") {
		s.t.Errorf("the terminal is not back in canonical mode with echo:\n%s", screen)
	}
	if got := s.tmux("display-message", "-p", "#{alternate_on} #{cursor_flag}"); got != "0 1\n" {
		s.t.Errorf("alternate screen and cursor flags %q, want \"0 1\"", got)
	}
	if got := s.tmux("display-message", "-p", "#{pane_title}"); got != s.title {
		s.t.Errorf("the pane title changed from %q to %q", s.title, got)
	}
	if s.clipboard != "" {
		if got := s.tmux("show-buffer"); got != s.clipboard {
			s.t.Errorf("the clipboard holds %q, want %q", got, s.clipboard)
		}
	} else if got := s.tmux("list-buffers"); got != "" {
		s.t.Errorf("something wrote the clipboard: %q", got)
	}
	if strings.Contains(screen, "NOISE") || strings.Contains(screen, "panic") {
		s.t.Errorf("garbage on the screen:\n%s", screen)
	}
	return screen
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p") }

// keys types literal text into the terminal.
func (s *tmuxSession) keys(text string) { s.tmux("send-keys", "-l", text) }

// key presses named keys (Enter, Escape).
func (s *tmuxSession) key(names ...string) { s.tmux(append([]string{"send-keys"}, names...)...) }

// waitFor polls the screen until cond holds, and fails with the last
// screen after a deadline.
func (s *tmuxSession) waitFor(what string, cond func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		screen := s.screen()
		if cond(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s; the screen is:\n%s", what, screen)
		}
		<-tick.C
	}
}

func (s *tmuxSession) waitOpened(want ...string) {
	s.t.Helper()
	s.waitFor(fmt.Sprintf("the opener to get %q", want), func(string) bool {
		b, _ := os.ReadFile(s.opened)
		return strings.Join(strings.Fields(string(b)), " ") == strings.Join(want, " ")
	})
}

func contains(parts ...string) func(string) bool {
	return func(screen string) bool {
		for _, p := range parts {
			if !strings.Contains(screen, p) {
				return false
			}
		}
		return true
	}
}

func TestInRealTerminal(t *testing.T) {
	s := startTmux(t, 140, 40)
	s.waitFor("the catalog", contains("All 18", "Cluster Management 2", "Service Mesh 1", "AKS Engine", "Self-managed clusters on Azure"))
	// tmux does not answer the background-colour query: the frame came anyway.
	t.Logf("first complete frame %v after starting tmux", time.Since(s.started).Round(time.Millisecond))

	s.keys("/gatekeeper")
	s.waitFor("the filter", contains("/ gatekeeper", "1 of 18 match", "OPA Gatekeeper"))
	s.key("Enter")
	s.keys("s")
	s.waitOpened("https://openpolicyagent.slack.com/archives/CDTN970AX")
	s.keys("i")
	s.waitOpened("https://openpolicyagent.slack.com/archives/CDTN970AX", "https://github.com/open-policy-agent/gatekeeper/issues")
	s.waitFor("the status line", contains("Opened https://github.com/open-policy-agent/gatekeeper/issues"))

	s.tmux("resize-window", "-x", "20", "-y", "5")
	s.waitFor("the too-small notice", contains("Terminal too small"))
	s.tmux("resize-window", "-x", "70", "-y", "20")
	s.waitFor("the narrow layout", contains("/ gatekeeper", "OPA Gatekeeper", "──────"))
	s.keys("?")
	s.waitFor("full help", contains("Keys", "next area", "more lines"))
	s.keys("?")
	s.waitFor("help closed", contains("/ gatekeeper"))
	s.keys("q")
	screen := s.checkRestored("0")
	if strings.Contains(screen, "OPA Gatekeeper") {
		t.Errorf("the app left its screen behind (alt screen not left):\n%s", screen)
	}
}

// TestNoBrowserInRealTerminal: in an SSH session without a display or
// $BROWSER, s opens nothing, shows the whole URL and copies it (OSC 52,
// which tmux keeps as a paste buffer).
func TestNoBrowserInRealTerminal(t *testing.T) {
	const url = "https://kubernetes.slack.com/archives/CU3N85WJK"
	s := startTmuxEnv(t, 80, 24, "-u DISPLAY -u WAYLAND_DISPLAY -u SSH_TTY SSH_CONNECTION='10.0.0.1 50000 10.0.0.2 22'")
	s.waitFor("the catalog", contains("All 18", "AKS Engine"))
	s.keys("s")
	s.waitFor("the URL", contains(url, "no browser can run here", "SSH session"))
	s.clipboard = url
	s.waitFor("the clipboard", func(string) bool { return s.tmux("list-buffers") != "" })
	s.keys("q")
	s.checkRestored("0")
	if b, _ := os.ReadFile(s.opened); len(b) != 0 {
		t.Errorf("the opener ran: %q", b)
	}
}

// TestQuitKeysAndSignalsRestoreTheTerminal quits by keys and by each
// signal that ends the program: the terminal is restored, the status is
// the signal's (128 and its number, as a shell gives a program a signal
// killed), and nothing is printed over the screen: no "program was
// killed", no goroutines for SIGQUIT.
func TestQuitKeysAndSignalsRestoreTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		quit   func(s *tmuxSession)
		status string
	}{
		{"ctrl+c while filtering", func(s *tmuxSession) { s.keys("/gate"); s.key("C-c") }, "0"},
		{"q closes help, q again quits", func(s *tmuxSession) {
			s.keys("?")
			s.waitFor("help", contains("Keys", "esc/q close"))
			s.keys("q")
			s.waitFor("help closed", contains("All areas"))
			s.keys("q")
		}, "0"},
		{"SIGTERM", func(s *tmuxSession) { s.signal("TERM") }, "143"},
		{"SIGINT", func(s *tmuxSession) { s.signal("INT") }, "130"},
		{"SIGHUP", func(s *tmuxSession) { s.signal("HUP") }, "129"},
		{"SIGQUIT", func(s *tmuxSession) { s.signal("QUIT") }, "131"},
		{"SIGQUIT while filtering", func(s *tmuxSession) {
			s.keys("/gate")
			s.waitFor("the filter", contains("/ gate"))
			s.signal("QUIT")
		}, "131"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startTmux(t, 100, 30)
			s.waitFor("the catalog", contains("All 18"))
			tc.quit(s)
			screen := s.checkRestored(tc.status)
			// The program ran on the alternate screen: the primary one
			// holds only what the shell printed after it.
			if before, _, _ := strings.Cut(screen, "EXIT="); strings.TrimSpace(before) != "" {
				t.Errorf("printed over the screen:\n%s", screen)
			}
		})
	}
}

// signal sends a signal (TERM, HUP) to the program in the pane, and to
// nothing else: other runs of the binary on the machine (another test
// binary's, the user's) are not ours.
func (s *tmuxSession) signal(name string) {
	s.t.Helper()
	bin, _ := binary()
	shell := strings.TrimSpace(s.tmux("display-message", "-p", "#{pane_pid}"))
	if out, err := exec.Command("pkill", "-"+name, "-P", shell, "-x", filepath.Base(bin)).CombinedOutput(); err != nil {
		s.t.Fatalf("pkill -%s: %v %s", name, err, out)
	}
}

// TestHostileCatalogsInRealTerminal shows each hostile fixture in tmux and
// checks that the terminal's title, clipboard and screen stay untouched.
func TestHostileCatalogsInRealTerminal(t *testing.T) {
	for _, file := range append(hostileFixtures, hostileLandscape) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			s := startTmux(t, 90, 30, "--catalog", file)
			s.waitFor("the catalog", contains("All ", "Safe Project"))
			for range 12 {
				s.keys("j")
			}
			s.keys("a")
			s.waitFor("the about view", contains("esc/q close"))
			s.keys("a?")
			s.waitFor("help", contains("Keys"))
			s.keys("?G")
			s.tmux("resize-window", "-x", "40", "-y", "12")
			s.tmux("resize-window", "-x", "90", "-y", "30")
			s.keys("q")
			s.checkRestored("0")
		})
	}
}

// TestLargeCatalogInRealTerminal starts on a catalog large enough to be
// shown by its first rows first, and checks that the whole arrives in place
// of them with the filter kept.
func TestLargeCatalogInRealTerminal(t *testing.T) {
	s := startTmux(t, 120, 30, "--catalog", writeSynthetic(t, 20_000))
	s.keys("/kube")
	s.waitFor("the whole catalog, filtered", func(screen string) bool {
		return strings.Contains(screen, "of 20000 match") && !strings.Contains(screen, "loading")
	})
	s.key("Enter")
	s.keys("q")
	s.checkRestored("0")
}

// writeSynthetic writes a synthetic catalog of n projects to a file.
func writeSynthetic(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.md")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := synth.Write(f, 12, n, 1); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestURLCatalogInRealTerminal points the app at a local server, then
// changes the list, breaks the server and stops it, checking the screen
// and the cache at each step.
func TestURLCatalogInRealTerminal(t *testing.T) {
	cache := withCache(t)
	body, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	srv := newSwitchServer(t, body)
	url := srv.URL + "/upstream-readme.md"
	host := strings.TrimPrefix(url, "http://")
	s := startTmux(t, 140, 30, "--catalog", url)
	s.waitFor("the downloaded catalog", contains(host+" · checked just now", "Azure Container Compute Upstream Projects", "All 18", "Read 18 projects from "+url))
	cached := func() string {
		matches, _ := filepath.Glob(filepath.Join(cache, "*.md"))
		if len(matches) != 1 {
			t.Fatalf("cache holds %v", matches)
		}
		b, _ := os.ReadFile(matches[0])
		return string(b)
	}
	if cached() != string(body) {
		t.Fatal("the cache does not hold the download")
	}

	s.keys("/moby")
	s.key("Enter")
	srv.serve([]byte(strings.Replace(string(body), "[Moby]", "[Moby Two]", 1)))
	s.keys("r")
	s.waitFor("the new list, filter kept", contains("/ moby", "Moby Two", "Read 18 projects"))

	srv.status.Store(http.StatusInternalServerError)
	s.keys("r")
	s.waitFor("the failure notice", contains("not updated: showing the copy cached just now (could not fetch", "Moby Two"))
	if !strings.Contains(cached(), "Moby Two") {
		t.Error("the cache lost the last good copy")
	}
	srv.Close()
	s.keys("r")
	s.waitFor("the offline notice", contains("offline: showing the copy cached just now", "Moby Two"))
	s.keys("q")
	s.checkRestored("0")

	// Started again with the server gone: the cached copy, at once.
	s = startTmux(t, 140, 30, "--catalog", url, "--refresh", "moby")
	s.waitFor("the cached copy", contains(host+" · cached just now", "Moby Two", "offline: showing the copy cached just now"))
	s.keys("q")
	s.checkRestored("0")
}

// TestFileReloadInRealTerminal edits the catalog file under the running
// app: a good edit is shown, a broken one keeps the last good catalog and
// names the line.
func TestFileReloadInRealTerminal(t *testing.T) {
	body, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "README.md")
	write := func(content string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(string(body))
	s := startTmux(t, 140, 30, "--catalog", path)
	s.waitFor("the file", contains(path, "All 18", "AKS Engine"))
	write(strings.Replace(string(body), "[AKS Engine]", "[AKS Engine Edited]", 1))
	s.waitFor("the edit", contains("AKS Engine Edited", "Read 18 projects from "+path))
	broken := strings.Replace(string(body), "[Moby]", "[Mo\x00by]", 1)
	line := strings.Count(broken[:strings.Index(broken, "\x00")], "\n") + 1
	write(broken)
	s.waitFor("the parse error", contains(fmt.Sprintf("%s:%d: not a Markdown catalog", filepath.Base(path), line), "AKS Engine Edited"))
	s.keys("q")
	s.checkRestored("0")
}

// TestRecentsInRealTerminal opens a link, quits, starts again and finds
// the project first, and in list --recent.
func TestRecentsInRealTerminal(t *testing.T) {
	s := startTmux(t, 120, 30)
	s.waitFor("the catalog", contains("All 18"))
	s.keys("/moby")
	s.key("Enter")
	s.keys("s")
	s.waitOpened("https://opencontainers.slack.com/archives/C0LQVA03W")
	s.key("Escape")
	s.waitFor("Moby first", contains("recently opened first"))
	s.keys("q")
	s.checkRestored("0")

	s = startTmux(t, 120, 30)
	screen := s.waitFor("the recents", contains("All areas · 18 projects · recently opened first"))
	if rows := strings.Split(screen, "\n"); !strings.Contains(rows[3], "Moby") {
		t.Errorf("Moby is not the first row:\n%s", screen)
	}
	s.keys("q")
	s.checkRestored("0")

	dir, _ := stateDirs.Load(t)
	t.Setenv("XDG_STATE_HOME", dir.(string))
	if r := execute(t, nil, "list", "--recent", "-o", "tsv"); !strings.HasPrefix(r.stdout, "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\nMoby\t") {
		t.Errorf("list --recent: %q %q", r.stdout, r.stderr)
	}
}

// TestRememberedTabInRealTerminal quits on an area's tab, where the next
// run starts; but a query on the command line starts on All, so that s
// opens the Slack channel of the project it matches, not of one that
// happens to be on the remembered tab.
func TestRememberedTabInRealTerminal(t *testing.T) {
	s := startTmux(t, 120, 30)
	s.waitFor("the catalog", contains("All 18"))
	s.keys("\t\t\t")
	s.waitFor("the Container Runtime tab", contains("Container Runtime · 2 projects"))
	s.keys("q")
	s.checkRestored("0")

	s = startTmux(t, 120, 30)
	s.waitFor("the remembered tab", contains("Container Runtime · 2 projects", "Moby"))
	s.keys("q")
	s.checkRestored("0")

	s = startTmux(t, 120, 30, "windows")
	s.waitFor("the query on All", contains("All areas · 2 of 18 match", "Windows containers"))
	s.keys("s")
	s.waitOpened("https://kubernetes.slack.com/archives/C0SJ4AFB7")
	s.keys("q")
	s.checkRestored("0")
}

// TestConfigInRealTerminal swaps two keys, then makes a mistake.
func TestConfigInRealTerminal(t *testing.T) {
	withConfig(t, "# swap s and i\n[keys]\nslack = \"i\"\nissues = \"s\"\n")
	s := startTmux(t, 120, 30, "gatekeeper")
	s.waitFor("the catalog", contains("1 of 18 match", "OPA Gatekeeper", "i open Slack", "s open issues"))
	s.keys("i")
	s.waitOpened("https://openpolicyagent.slack.com/archives/CDTN970AX")
	s.keys("q")
	s.checkRestored("0")

	path := withConfig(t, "theme = \"dark\"\n[keys]\nslack = \"i\"\n")
	s = startTmux(t, 160, 30, "gatekeeper")
	s.waitFor("the notice and the defaults", contains("config not used, running on the defaults: "+path+`:3: keys.slack: "i" would do`, "s open Slack"))
	s.keys("s")
	s.waitOpened("https://openpolicyagent.slack.com/archives/CDTN970AX")
	s.keys("q")
	s.checkRestored("0")
}

// TestPlainInRealTerminal: --plain draws no box and no colour, and puts
// the detail under the list even in a wide terminal.
func TestPlainInRealTerminal(t *testing.T) {
	s := startTmux(t, 140, 30, "--plain", "gatekeeper")
	screen := s.waitFor("the plain screen", contains("[All 1]", "> OPA Gatekeeper", "-----"))
	if strings.ContainsAny(screen, "│─▌‹›") {
		t.Errorf("box drawing in plain mode:\n%s", screen)
	}
	if escapes := s.tmux("capture-pane", "-p", "-e"); strings.Contains(escapes, "\x1b[38;") || strings.Contains(escapes, "\x1b[48;") {
		t.Errorf("colour in plain mode:\n%q", escapes)
	}
	s.keys("q")
	s.checkRestored("0")
}

// TestClosedTerminalEndsTheProgram closes the terminal under the browser,
// as a dropped SSH session does: the program, whose terminal it was, gets
// SIGHUP from the kernel and ends at once, saying nothing.
func TestClosedTerminalEndsTheProgram(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pidFile, errFile := filepath.Join(dir, "pid"), filepath.Join(dir, "stderr")
	socket := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-S", socket}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %q: %v\n%s", args, err, out)
		}
		return string(out)
	}
	// exec: the program leads the terminal's session, as a login shell's
	// foreground job is signalled when the shell goes.
	state, _ := stateDirs.LoadOrStore(t, t.TempDir())
	tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
		fmt.Sprintf("echo $$ > %s; XDG_STATE_HOME=%s exec %s 2>%s", pidFile, state, bin, errFile))
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", socket, "kill-server").Run() })
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(tmux("capture-pane", "-p"), "All 18") {
		if time.Now().After(deadline) {
			t.Fatalf("no catalog on the screen:\n%s", tmux("capture-pane", "-p"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	pid, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	tmux("kill-server") // the terminal goes
	closed := time.Now()
	// Gone, or a zombie its new parent has yet to reap.
	for {
		out, _ := exec.Command("ps", "-o", "stat=", "-p", strings.TrimSpace(string(pid))).Output()
		if s := strings.TrimSpace(string(out)); s == "" || strings.HasPrefix(s, "Z") {
			break
		}
		if time.Since(closed) > 5*time.Second {
			t.Fatalf("still running 5 s after its terminal closed (%s)", out)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("ended %v after its terminal closed", time.Since(closed).Round(time.Millisecond))
	if b, _ := os.ReadFile(errFile); len(b) != 0 {
		t.Errorf("it said %q", b)
	}
}
