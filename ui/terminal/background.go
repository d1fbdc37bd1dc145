// Package terminal asks the terminal what the command line needs to know
// and the app learns from Bubble Tea: whether standard output is a
// terminal and how wide (Width), and whether its background is dark
// (Background), within a short wait.
package terminal

import (
	"bytes"
	"image/color"
	"os"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// backgroundWait is how long `show` waits for the terminal to say its
// background colour. A terminal answers in a few milliseconds or never:
// lipgloss.HasDarkBackground would wait two seconds, twice, for one that
// never does.
const backgroundWait = 250 * time.Millisecond

// Background asks the terminal whether its background is dark, when
// standard input and output are both terminals: OSC 11 for the colour, then
// the primary device attributes, which every terminal answers, so that the
// second answer says the first is not coming. ok is false when the terminal
// did not say in backgroundWait.
func Background() (dark, ok bool) {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return false, false
	}
	// The controlling terminal opened again can be read with a deadline;
	// standard input cannot. Its descriptor is reached through
	// SyscallConn: Fd would make reads block and ignore the deadline.
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false, false
	}
	defer tty.Close()
	conn, err := tty.SyscallConn()
	if err != nil {
		return false, false
	}
	var state *term.State
	if err := conn.Control(func(fd uintptr) { state, err = term.MakeRaw(fd) }); err != nil || state == nil {
		return false, false
	}
	defer conn.Control(func(fd uintptr) { term.Restore(fd, state) }) //nolint:errcheck
	if _, err := tty.WriteString(ansi.RequestBackgroundColor + ansi.RequestPrimaryDeviceAttributes); err != nil {
		return false, false
	}
	if tty.SetReadDeadline(time.Now().Add(backgroundWait)) != nil {
		return false, false
	}
	var got []byte
	buf := make([]byte, 256)
	for !answered(got) {
		n, err := tty.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			break
		}
	}
	c := backgroundColor(got)
	if c == nil {
		return false, false
	}
	return isDark(c), true
}

// answered reports whether the terminal's answers include the device
// attributes (ESC [ ? ... c), the last to come.
func answered(b []byte) bool {
	i := bytes.Index(b, []byte("\x1b[?"))
	return i >= 0 && bytes.IndexByte(b[i:], 'c') >= 0
}

// backgroundColor finds the colour in an OSC 11 answer
// (ESC ] 11 ; rgb:RRRR/GGGG/BBBB, ended by BEL or ESC \), or nil.
func backgroundColor(b []byte) color.Color {
	i := bytes.Index(b, []byte("\x1b]11;"))
	if i < 0 {
		return nil
	}
	rest := b[i+len("\x1b]11;"):]
	end := bytes.IndexAny(rest, "\x07\x1b")
	if end < 0 {
		return nil
	}
	return ansi.XParseColor(string(rest[:end]))
}

// isDark reports whether a colour's lightness (HSL) is below one half.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return max(r, g, b)+min(r, g, b) < 0xffff
}
