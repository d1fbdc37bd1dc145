package terminal

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// Width reports whether w is a terminal, and its width (80 when it does
// not say).
func Width(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		return 80, true
	}
	return width, true
}
