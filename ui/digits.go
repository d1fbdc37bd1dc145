package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A link is opened (or copied, after y) by its number in the detail, typed
// with the number binding's keys. Where the project has ten links or more,
// a digit that could begin a longer number waits: for another digit, for
// the open key (enter), or for digitWait to pass; any other key drops it.
// Where it cannot, the link opens at once, so 1-9 are as quick as ever.

// digitWait is how long a digit waits for the next one.
const digitWait = 1500 * time.Millisecond

// linkDigits is a link number being typed.
type linkDigits struct {
	n    int  // the number so far; 0 when none is being typed
	copy bool // copy the link rather than open it
	gen  int  // counts numbers begun, so that an old wait ends nothing
}

// digitsWaitedMsg says that the number begun as gen was waited on long
// enough.
type digitsWaitedMsg struct{ gen int }

// typeDigit adds a digit to the link number: it opens (or copies) the
// link when no longer number could be meant, and else waits.
func (m *Model) typeDigit(d int, copying bool) tea.Cmd {
	if m.digits.n > 0 {
		copying = m.digits.copy // the number began after y
	}
	n := m.digits.n*10 + d
	_, p, ok := m.view.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return nil
	}
	m.digits.gen++
	if links := len(m.detailLinks(p)); n > 0 && n*10 <= links {
		m.digits.n, m.digits.copy = n, copying
		m.setNotice(fmt.Sprintf("Link %d… (another digit, or %s)", n, m.keys.Open.Help().Key), false)
		gen := m.digits.gen
		return m.opts.after(digitWait, func(time.Time) tea.Msg { return digitsWaitedMsg{gen} })
	}
	m.digits.n = 0
	return m.actOnNumber(n, copying)
}

// finishDigits takes the key after a digit that waits: the open key acts
// on the number now; a digit goes on (done is false, so typeDigit takes
// it); any other key drops the number and is handled as usual.
func (m *Model) finishDigits(msg tea.KeyPressMsg) (done bool, cmd tea.Cmd) {
	if m.digits.n == 0 {
		return false, nil
	}
	if _, ok := m.keys.linkDigit(msg); ok {
		return false, nil
	}
	n, copying := m.digits.n, m.digits.copy
	m.digits.n = 0
	m.digits.gen++
	if key.Matches(msg, m.keys.Open) {
		return true, m.actOnNumber(n, copying)
	}
	m.setStatus("", false)
	return false, nil
}

// handleDigitsWaited acts on a number whose wait is over, unless it was
// finished or dropped meanwhile.
func (m *Model) handleDigitsWaited(msg digitsWaitedMsg) tea.Cmd {
	if msg.gen != m.digits.gen || m.digits.n == 0 {
		return nil
	}
	n, copying := m.digits.n, m.digits.copy
	m.digits.n = 0
	return m.actOnNumber(n, copying)
}

// actOnNumber opens or copies the selected project's link numbered n.
func (m *Model) actOnNumber(n int, copying bool) tea.Cmd {
	l, ok := m.linkNumbered(n)
	switch {
	case !ok:
		return nil
	case copying:
		return m.copyLink(l)
	}
	return m.open(l)
}
