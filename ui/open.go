package ui

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/pkg/browser"

	"github.com/upstream-tui/upstream-tui/model"
)

// Opener hands a URL to a browser. The app calls it from a command, never
// from Update, and only with URLs that pass model.CheckURL.
type Opener func(url string) error

// errNoBrowser says that no browser can run here: an SSH session or a
// Linux machine without a display, and no $BROWSER. The app then shows the
// whole URL and copies it.
var errNoBrowser = errors.New("no browser can run here")

// noBrowserError is errNoBrowser with the reason.
type noBrowserError struct{ why string }

func (e noBrowserError) Error() string     { return errNoBrowser.Error() + ": " + e.why }
func (e noBrowserError) Is(err error) bool { return err == errNoBrowser }

// SystemOpener opens url in a browser: with $BROWSER when it is set (as gh
// and git do: a "%s" in it is replaced by the URL, else the URL is added
// at the end), with wslview under WSL, else with the platform's opener
// through pkg/browser. In an SSH session without $BROWSER it opens nothing:
// a browser there would start on the remote machine, out of sight. It checks the URL rule itself, so no caller can hand it
// anything else, and discards the opener's output so that it never reaches
// the screen.
func SystemOpener(url string) error {
	if err := model.CheckURL(url); err != nil {
		return err
	}
	if b := strings.Fields(os.Getenv("BROWSER")); len(b) > 0 {
		return run(b[0], browserArgs(b[1:], url)...)
	}
	if os.Getenv("SSH_CONNECTION") != "" || os.Getenv("SSH_TTY") != "" {
		return noBrowserError{"this is an SSH session and $BROWSER is not set"}
	}
	if runtime.GOOS == "linux" {
		if isWSL() {
			if path, err := exec.LookPath("wslview"); err == nil {
				return run(path, url)
			}
		}
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return noBrowserError{"neither DISPLAY nor WAYLAND_DISPLAY is set, and $BROWSER is not"}
		}
	}
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return browser.OpenURL(url)
}

// browserArgs are $BROWSER's arguments for a URL: each "%s" replaced by
// it, or the URL added when there is none. The URL has passed
// model.CheckURL, so it is one word and no flag.
func browserArgs(args []string, url string) []string {
	out := make([]string, 0, len(args)+1)
	placed := false
	for _, a := range args {
		if strings.Contains(a, "%s") {
			a, placed = strings.ReplaceAll(a, "%s", url), true
		}
		out = append(out, a)
	}
	if !placed {
		out = append(out, url)
	}
	return out
}

// run runs an opener with its output discarded and no input.
func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, io.Discard
	return cmd.Run()
}

// isWSL reports whether this is Linux under the Windows Subsystem for Linux.
func isWSL() bool {
	if os.Getenv("WSL_DISTRO_NAME") != "" {
		return true
	}
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	return err == nil && strings.Contains(strings.ToLower(string(b)), "microsoft")
}

// openedMsg reports how opening a URL went.
type openedMsg struct {
	project string
	url     string
	err     error
}

// openURL opens a project's url with the opener; the command captures
// them, so it does not read the model when it runs.
func openURL(open Opener, project, url string) tea.Cmd {
	return func() tea.Msg {
		return openedMsg{project: project, url: url, err: open(url)}
	}
}
