package ui

import (
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/ui/render"
)

// TestMain draws the Markdown of every test's app as the real one does,
// and has a message's expiry come at once, to be fed back or held back by
// the test (runCmd holds it back: tests look at the screen as the key left
// it).
func TestMain(m *testing.M) {
	defaultMarkdown = render.New
	defaultAfter = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return fn(time.Time{}) }
	}
	os.Exit(m.Run())
}
