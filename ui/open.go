package ui

import (
	"io"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/pkg/browser"

	"github.com/upstream-tui/upstream-tui/model"
)

// Opener hands a URL to a browser. The app calls it from a command, never
// from Update, and only with URLs that pass model.CheckURL.
type Opener func(url string) error

// SystemOpener opens url with $BROWSER when it is set (as gh does), else
// with the platform's opener through pkg/browser. The opener's output is
// discarded so that it never reaches the screen.
func SystemOpener(url string) error {
	if err := model.CheckURL(url); err != nil {
		return err
	}
	if b := strings.Fields(os.Getenv("BROWSER")); len(b) > 0 {
		cmd := exec.Command(b[0], append(b[1:], url)...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, io.Discard
		return cmd.Run()
	}
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return browser.OpenURL(url)
}

// openedMsg reports how opening a URL went.
type openedMsg struct {
	url string
	err error
}

// openURL opens url with the opener; the command captures both, so it does
// not read the model when it runs.
func openURL(open Opener, url string) tea.Cmd {
	return func() tea.Msg {
		return openedMsg{url: url, err: open(url)}
	}
}
