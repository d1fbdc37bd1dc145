package ui

import (
	"os"
	"testing"

	"github.com/upstream-tui/upstream-tui/ui/render"
)

// TestMain draws the Markdown of every test's app as the real one does.
func TestMain(m *testing.M) {
	defaultMarkdown = render.New
	os.Exit(m.Run())
}
