package ui

import (
	"fmt"
)

// textPane shows rendered text in a fixed-size box and scrolls it. The text
// is split and padded to the width once, when it is set or the width
// changes, so that drawing a frame only slices lines: the bubbles viewport
// did that work on every frame.
type textPane struct {
	content       string
	lines         []string // content cut and padded to width
	width, height int
	offset        int
	// hint names the key that scrolls down, for the line that says there
	// is more below.
	hint string
}

// SetContent replaces the text and keeps the scroll position where it can.
func (p *textPane) SetContent(s string) {
	p.content = s
	p.layout()
}

// SetWidth sets the width, laying the text out again when it changes.
func (p *textPane) SetWidth(w int) {
	if w != p.width {
		p.width = w
		p.layout()
	}
}

// SetHeight sets the number of lines shown.
func (p *textPane) SetHeight(h int) {
	p.height = max(h, 0)
	p.clamp()
}

func (p *textPane) layout() {
	p.lines = nil
	if p.content != "" && p.width > 0 {
		p.lines = block(p.content, p.width, lineCount(p.content))
	}
	p.clamp()
}

func lineCount(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}

// Width is the pane's width.
func (p *textPane) Width() int { return p.width }

// YOffset is the first line shown.
func (p *textPane) YOffset() int { return p.offset }

// ScrollDown scrolls n lines down, and up when n is negative.
func (p *textPane) ScrollDown(n int) {
	p.offset += n
	p.clamp()
}

// HalfPageDown and HalfPageUp scroll by half the pane.
func (p *textPane) HalfPageDown() { p.ScrollDown(max(p.height/2, 1)) }

// HalfPageUp scrolls up by half the pane.
func (p *textPane) HalfPageUp() { p.ScrollDown(-max(p.height/2, 1)) }

// GotoTop scrolls to the first line.
func (p *textPane) GotoTop() { p.offset = 0 }

func (p *textPane) clamp() {
	p.offset = min(p.offset, max(len(p.lines)-p.height, 0))
	p.offset = max(p.offset, 0)
}

// view returns exactly height lines of exactly width cells. When more
// lines follow than are shown, the last line says how many, so that a cut
// never passes for the end.
func (p *textPane) view() []string {
	out := p.window()
	below := len(p.lines) - p.offset - p.height
	if below > 0 && p.height >= 2 {
		more := fmt.Sprintf("↓ %d more lines", below+1)
		if p.hint != "" {
			more += " (" + p.hint + ")"
		}
		out[p.height-1] = block(truncate(more, p.width, "…"), p.width, 1)[0]
	}
	return out
}

// window returns the lines on screen.
func (p *textPane) window() []string {
	out := make([]string, p.height)
	blank := ""
	for i := range out {
		if j := p.offset + i; j < len(p.lines) {
			out[i] = p.lines[j]
			continue
		}
		if blank == "" {
			blank = spaces(p.width)
		}
		out[i] = blank
	}
	return out
}
