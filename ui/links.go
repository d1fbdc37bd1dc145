package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// The link keys open or copy one of the selected project's links, named by
// kind (o, s, i, m, d) or by its number in the detail (digits.go).

// linkOfKind returns the selected project's first link of a kind, or says
// why there is none.
func (m *Model) linkOfKind(kind model.Kind) (model.Link, bool) {
	p, _, ok := m.view.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return model.Link{}, false
	}
	l, ok := p.FirstLink(kind)
	if !ok {
		m.setStatus(fmt.Sprintf("%s has no %s", p.Name, kind.Describe()), true)
	}
	return l, ok
}

// linkNumbered returns the selected project's link numbered n in the
// detail, or says why there is none.
func (m *Model) linkNumbered(n int) (model.Link, bool) {
	p, i, ok := m.view.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return model.Link{}, false
	}
	links := m.detailLinks(i)
	if n < 1 || n > len(links) {
		m.setStatus(fmt.Sprintf("%s has no link %d (it has %s)", p.Name, n, linkCount(len(links))), true)
		return model.Link{}, false
	}
	return links[n-1], true
}

// linkCount says how many links a project has: "1 link", "5 links".
func linkCount(n int) string {
	if n == 1 {
		return "1 link"
	}
	return fmt.Sprintf("%d links", n)
}

// linkForKey returns the link a link key names (open, slack, issues, mail,
// docs); handled is false for other keys.
func (m *Model) linkForKey(msg tea.KeyPressMsg) (l model.Link, ok, handled bool) {
	k := &m.keys
	kinds := []struct {
		b    key.Binding
		kind model.Kind
	}{{k.Open, model.KindHome}, {k.Slack, model.KindSlack}, {k.Issues, model.KindIssues}, {k.Mail, model.KindMailingList}, {k.Docs, model.KindDocs}}
	for _, c := range kinds {
		if key.Matches(msg, c.b) {
			l, ok = m.linkOfKind(c.kind)
			return l, ok, true
		}
	}
	return model.Link{}, false, false
}

// open checks a link against the URL rule and opens it in a command.
func (m *Model) open(l model.Link) tea.Cmd {
	if err := model.CheckURL(l.URL); err != nil {
		m.setStatus("Not opened: "+err.Error(), true)
		return nil
	}
	m.setStatus("Opening "+l.URL+" …", false)
	p, _, _ := m.view.selectedProject()
	return openURL(m.opts.Opener, p.Name, l.URL)
}

// handleOpened reports the opener's result; on failure the URL is shown in
// full and copied to the clipboard so the user can still get there.
func (m *Model) handleOpened(msg openedMsg) tea.Cmd {
	if msg.err == nil {
		m.setStatus("Opened "+msg.url, false)
		return m.rememberOpened(msg.project)
	}
	// The URL stays on screen, whole, until a key shows something else:
	// the clipboard may not reach the user's machine.
	// The URL before the reason, so that it is whole on a small screen.
	m.setNotice(fmt.Sprintf("Could not open a browser; URL copied to the clipboard: %s (%v)", msg.url, msg.err), true)
	return tea.SetClipboard(msg.url)
}

// copyLink copies a link's URL with OSC 52.
func (m *Model) copyLink(l model.Link) tea.Cmd {
	if err := model.CheckURL(l.URL); err != nil {
		m.setStatus("Not copied: "+err.Error(), true)
		return nil
	}
	m.setStatus("Copied "+l.URL, false)
	return tea.SetClipboard(l.URL)
}

// handleCopyKey takes the key after y: a link key copies that link, y
// again the homepage; anything else cancels.
func (m *Model) handleCopyKey(msg tea.KeyPressMsg) tea.Cmd {
	m.copying = false
	if d, ok := m.keys.linkDigit(msg); ok {
		return m.typeDigit(d, true)
	}
	if key.Matches(msg, m.keys.Copy) {
		if l, ok := m.linkOfKind(model.KindHome); ok {
			return m.copyLink(l)
		}
		return nil
	}
	l, ok, handled := m.linkForKey(msg)
	if !handled {
		m.setStatus("Nothing copied", false)
		return nil
	}
	if !ok {
		return nil
	}
	return m.copyLink(l)
}
