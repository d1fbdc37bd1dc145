package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
)

// hyperlinkLabels makes each numbered link's label in a rendered detail a
// clickable OSC 8 hyperlink to its URL; links are the numbered links in
// the detail's order (model.NumberedLinks, then the repository's). Only
// numbered links, the ones that pass the URL rule, are made clickable,
// and the text is the label as shown (linkText). A label is found on the last line that starts with its
// bullet, its number and its first letters, after the goal; what wraps
// onto a next line stays plain. Terminals without OSC 8 show the text.
func hyperlinkLabels(rendered string, p *model.Project, links []model.Link) string {
	if len(links) == 0 {
		return rendered
	}
	lines := strings.Split(rendered, "\n")
	for n, l := range links {
		label, _ := linkText(p, l)
		label = shown(label) // as rendered
		head := "• " + strconv.Itoa(n+1) + " "
		for i := len(lines) - 1; i >= 0; i-- {
			plain := ansi.Strip(lines[i])
			at := strings.Index(plain, head)
			if at < 0 || strings.TrimSpace(plain[:at]) != "" || !strings.HasPrefix(plain[at+len(head):], firstRunes(label, 8)) {
				continue
			}
			from := ansi.StringWidth(plain[:at+len(head)])
			to := min(from+ansi.StringWidth(label), ansi.StringWidth(plain))
			lines[i] = ansi.Cut(lines[i], 0, from) + ansi.SetHyperlink(l.URL) +
				ansi.Cut(lines[i], from, to) + ansi.ResetHyperlink() + ansi.TruncateLeft(lines[i], to, "")
			break
		}
	}
	return strings.Join(lines, "\n")
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
