package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The status line says what a key did. A message lasts until the next key
// that shows another project or tab (so "X has no mailing list" never sits
// under Y), and a passing one also until statusTTL has gone by. A message
// longer than the line wraps onto more lines rather than being cut, so a
// URL that could not be opened is on screen whole.

// statusTTL is how long a passing message stays.
const statusTTL = 5 * time.Second

// statusLine is the message on the status line.
type statusLine struct {
	text  string
	isErr bool
	gen   int  // counts messages, so that an old expiry leaves a new one
	timed bool // expires after statusTTL
}

// statusExpiredMsg says that a message's time is up.
type statusExpiredMsg struct{ gen int }

// statusMark is what the status line is checked against after a message:
// which message was shown, over which project and tab.
type statusMark struct{ gen, tab, project int }

// setStatus shows a passing message: it expires after statusTTL.
func (m *Model) setStatus(msg string, isErr bool) {
	m.status = statusLine{text: msg, isErr: isErr, gen: m.status.gen + 1, timed: true}
}

// setNotice shows a message that stays until a key shows something else:
// a notice, an error to read, a URL to copy by hand, a question.
func (m *Model) setNotice(msg string, isErr bool) {
	m.setStatus(msg, isErr)
	m.status.timed = false
}

// markStatus notes the message and what is under it, before a message is
// handled.
func (m *Model) markStatus() statusMark {
	_, p, ok := m.view.selectedProject()
	if !ok {
		p = -1
	}
	return statusMark{gen: m.status.gen, tab: m.view.active, project: p}
}

// tidyStatus, after a message is handled, clears a message left over from
// another project or tab, and schedules a new passing message's expiry.
func (m *Model) tidyStatus(before statusMark) tea.Cmd {
	if m.status.gen == before.gen {
		if now := m.markStatus(); now != before && m.status.text != "" {
			m.status = statusLine{gen: m.status.gen + 1}
		}
		return nil
	}
	if !m.status.timed || m.status.text == "" {
		return nil
	}
	gen := m.status.gen
	return m.opts.after(statusTTL, func(time.Time) tea.Msg { return statusExpiredMsg{gen} })
}

// handleStatusExpired clears the message whose time is up, unless another
// has replaced it.
func (m *Model) handleStatusExpired(msg statusExpiredMsg) {
	if msg.gen == m.status.gen {
		m.status = statusLine{gen: m.status.gen + 1}
	}
}

// maxStatusLines is how many lines the status may take at a height: no
// more than half of what is below the header.
func maxStatusLines(height int) int {
	return max((height-headerLines-helpLines)/2, 1)
}

// statusCounter is the position in the list, right of the status.
func (m *Model) statusCounter() string {
	if n := len(m.view.list.items); n > 0 {
		return fmt.Sprintf("%d/%d", m.view.list.cursor+1, n)
	}
	return ""
}

// statusText is the message wrapped to the room beside the counter, in at
// most maxStatusLines lines, the last ending in " …" after a whole word
// when cut. Only the start of the message that could fill the lines is
// wrapped: a message holding a catalog's longest name costs what is shown.
func (m *Model) statusText(width int) []string {
	room := max(width-len(m.statusCounter())-1, 1)
	if m.status.text == "" {
		return []string{""}
	}
	limit := maxStatusLines(m.height)
	// limit lines of room cells hold no more than limit*room cells of it.
	text, more := fitPrefix(m.status.text, limit*room, 0)
	if more && !strings.HasPrefix(m.status.text[len(text):], " ") {
		if i := strings.LastIndexByte(text, ' '); i > 0 {
			text = text[:i] // the word the room ended in is not shown
		}
	}
	countWalk(len(text))
	lines := wrapAtSpaces(shown(text), room)
	if len(lines) > limit || more {
		lines = lines[:min(limit, len(lines))]
		lines[len(lines)-1] = endCut(lines[len(lines)-1], room)
	}
	return lines
}

// endCut ends the last line of a message that goes on with " …", after the
// last whole word that leaves room for it; a line of one word too long
// for that is cut in the word.
func endCut(line string, room int) string {
	for textWidth(line)+2 > room {
		i := strings.LastIndexByte(strings.TrimRight(line, " "), ' ')
		if i <= 0 {
			return truncate(line+" …", room, "…")
		}
		line = line[:i]
	}
	return strings.TrimRight(line, " ") + " …"
}

// statusLines is the number of lines the status takes.
func (m *Model) statusLines(width int) int { return len(m.statusText(width)) }

// viewStatus draws the status message, wrapped, and the position in the
// list on its last line.
func (m *Model) viewStatus(width int) []string {
	st := m.styles.Status
	if m.status.isErr {
		st = m.styles.StatusError
	}
	lines := m.statusText(width)
	counter := m.styles.Counter.Render(m.statusCounter())
	out := make([]string, len(lines))
	for i, line := range lines {
		out[i] = st.Render(line)
		if i == len(lines)-1 {
			gap := width - textWidth(line) - textWidth(counter)
			out[i] += spaces(gap) + counter
		}
		out[i] = fitLine(out[i], width)
	}
	return out
}

// wrapAtSpaces wraps plain text to width cells, breaking lines only at
// spaces: a URL, a file name or a flag (--catalog) is never split at a
// hyphen, and one that does not fit after the words before it starts a
// line of its own, whole to select. Only a word wider than a line is cut
// into pieces.
func wrapAtSpaces(text string, width int) []string {
	var lines []string
	line, lineW := "", 0
	for _, word := range strings.Split(text, " ") {
		w := textWidth(word)
		switch {
		case line == "":
		case lineW+1+w <= width:
			line, lineW = line+" "+word, lineW+1+w
			continue
		default:
			lines = append(lines, line)
		}
		if w > width {
			pieces := strings.Split(ansi.Hardwrap(word, width, false), "\n")
			lines = append(lines, pieces[:len(pieces)-1]...)
			word = pieces[len(pieces)-1]
			w = textWidth(word)
		}
		line, lineW = word, w
	}
	return append(lines, line)
}
