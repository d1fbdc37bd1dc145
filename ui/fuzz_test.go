package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/data"
)

// fuzzKeys are the keys FuzzUpdate presses.
var fuzzKeys = []string{
	"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "pgup", "pgdown", "home", "end",
	"backspace", "ctrl+d", "ctrl+u", "ctrl+f", "ctrl+b", "/", "?", "a", "j", "k", "g", "G",
	"s", "i", "m", "d", "o", "y", "1", "5", "9", "q", "h", "l",
	"c", "S", "r",
}

// fuzzEvent turns the bytes at script[i:] into one message, and says how
// many bytes it used.
func fuzzEvent(script []byte, i int) (tea.Msg, int) {
	arg := func(k int) int {
		if i+k < len(script) {
			return int(script[i+k])
		}
		return 0
	}
	switch script[i] % 8 {
	case 0, 1, 2, 3:
		return keyMsg(fuzzKeys[arg(1)%len(fuzzKeys)]), 2
	case 4:
		r := rune(' ' + arg(1)%95)
		if arg(1) >= 190 {
			r = []rune("雲é🧑ü")[arg(1)%4]
		}
		return tea.KeyPressMsg{Code: r, Text: string(r)}, 2
	case 5: // sizes from 0x0 to 500x200
		return tea.WindowSizeMsg{Width: (arg(1)*2 + arg(3)%2) % 501, Height: arg(2) % 201}, 4
	case 6:
		return tea.MouseClickMsg{Button: tea.MouseLeft, X: arg(1), Y: arg(2) % 64}, 3
	default:
		b := tea.MouseWheelDown
		if arg(1)%2 == 0 {
			b = tea.MouseWheelUp
		}
		return tea.MouseWheelMsg{Button: b, X: arg(2), Y: arg(1) % 64}, 3
	}
}

// FuzzUpdate drives the app with random keys, mouse events and window sizes
// (on the embedded catalog, or one of wide and emoji names; with repository
// health from a fake source's cache, or none): Update and View never
// panic, and the view never exceeds the terminal.
func FuzzUpdate(f *testing.F) {
	f.Add([]byte("\x00\x11\x04g\x04a\x04t\x00\x00\x00\x18"))                  // /gat, enter, s
	f.Add([]byte("\x05\x0a\x05\x00\x05\x02\x01\x01\x00\x12\x05\xf0\xc8\x01")) // resizes, help
	f.Add([]byte("\x01\x06\x02\x0a\x06\x05\x07\x01\x05\x07\x00\x0b\x11"))     // mouse, tabs
	f.Add([]byte("\x81\x00\x13\x04\xc0\x04\xc1\x05\x14\x05\x01"))             // the wide catalog
	f.Add([]byte("\x40\x00\x25\x00\x24\x05\x14\x08\x00\x17"))                 // health: S, c, resize, G
	embedded, err := data.LoadEmbedded()
	if err != nil {
		f.Fatal(err)
	}
	wide, err := data.LoadFile(filepath.Join("..", "testdata", "hostile", "cjk-emoji.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, script []byte) {
		if len(script) == 0 {
			return
		}
		cat := embedded
		if script[0]&0x80 != 0 {
			cat = wide
		}
		opts := Options{Opener: func(string) error { return nil }}
		if script[0]&0x40 != 0 {
			opts.Health, opts.Now = &fakeHealth{cached: embeddedHealth()}, func() time.Time { return healthNow }
		}
		var m tea.Model = newApp(cat, opts)
		w, h := 80, 24
		m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		if opts.Health != nil {
			m, _ = m.Update(loadHealth(opts.Health, cat, nil, healthNow)())
		}
		for i := 1; i < len(script); {
			msg, used := fuzzEvent(script, i)
			i += used
			if size, ok := msg.(tea.WindowSizeMsg); ok {
				w, h = size.Width, size.Height
			}
			m, _ = m.Update(msg)
			checkFuzzView(t, m.View().Content, w, h)
		}
	})
}

func checkFuzzView(t *testing.T, view string, w, h int) {
	t.Helper()
	if view == "" {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for _, line := range lines {
		if lw := ansi.StringWidth(line); lw > w {
			t.Fatalf("%dx%d: a line %d wide: %q", w, h, lw, ansi.Strip(line))
		}
	}
}
