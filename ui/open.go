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

// errNoBrowser says why nothing was opened on a machine without a display.
var errNoBrowser = errors.New("no browser can run here: neither DISPLAY nor WAYLAND_DISPLAY is set, and $BROWSER is not")

// SystemOpener opens url in a browser: with $BROWSER when it is set (as gh
// does), with wslview under WSL, else with the platform's opener through
// pkg/browser. It checks the URL rule itself, so no caller can hand it
// anything else, and discards the opener's output so that it never reaches
// the screen.
func SystemOpener(url string) error {
	if err := model.CheckURL(url); err != nil {
		return err
	}
	if b := strings.Fields(os.Getenv("BROWSER")); len(b) > 0 {
		return run(b[0], append(b[1:], url)...)
	}
	if runtime.GOOS == "linux" {
		if isWSL() {
			if path, err := exec.LookPath("wslview"); err == nil {
				return run(path, url)
			}
		}
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errNoBrowser
		}
	}
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return browser.OpenURL(url)
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
