package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// markdownFlavor says how the detail's Markdown writes catalog text and
// links: one flavor for glamour in the detail pane, one for Markdown that
// leaves the program (show piped).
type markdownFlavor struct {
	// text makes catalog text literal.
	text func(string) string
	// link writes a link's list item; number is "" for a link that cannot
	// be opened.
	link func(number string, l model.Link) string
	// inline writes a link inside the goal.
	inline func(label, url string) string
}

// paneFlavor is Markdown for glamour in a pane width columns wide.
func paneFlavor(width int) markdownFlavor {
	return markdownFlavor{
		text: escapeForGlamour,
		link: func(number string, l model.Link) string { return linkLine(number, l, width, true) },
		inline: func(label, url string) string {
			return "[" + escapeForGlamour(label) + "](" + destination(url) + ")"
		},
	}
}

// plainFlavor is Markdown for other readers: real links and the usual
// backslash escapes.
var plainFlavor = markdownFlavor{
	text: EscapeMarkdown,
	link: func(number string, l model.Link) string {
		item := "- "
		if number != "" {
			item += "**" + number + "** "
		}
		if number != "" {
			item += LinkMarkdown(l.Label, l.URL)
		} else {
			item += EscapeMarkdown(l.Label) + ": " + EscapeMarkdown(l.URL)
		}
		if note := linkNote(l); note != "" {
			item += " *(" + EscapeMarkdown(note) + ")*"
		}
		return item
	},
	inline: LinkMarkdown,
}

// DetailMarkdown is a project's detail as plain Markdown, for output that
// leaves the program: what `show` prints when piped.
func DetailMarkdown(p *model.Project) string {
	return detailMarkdown(p, plainFlavor)
}

// detailMarkdown builds the Markdown of a project's detail: name, area,
// maturity, goal, then the links grouped and numbered. Every catalog string
// goes through the flavor's escaping, so the catalog cannot add structure.
func detailMarkdown(p *model.Project, f markdownFlavor) string {
	p = capped(p)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", f.text(p.Name))
	fmt.Fprintf(&b, "**Area:** %s  \n", f.text(p.Area))
	fmt.Fprintf(&b, "**Maturity:** %s\n\n", f.text(maturityLine(p.Maturity)))
	if goal := goalMarkdown(p.Goal, f); goal != "" {
		b.WriteString(goal + "\n\n")
	}
	n := 0
	for _, g := range linkGroups(p) {
		if len(g.links) == 0 && len(g.notes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", g.title)
		for _, l := range g.links {
			number := ""
			if model.CheckURL(l.URL) == nil {
				n++
				number = strconv.Itoa(n) // only links that can be opened get a number
			}
			b.WriteString(f.link(number, l) + "\n")
		}
		for _, note := range g.notes {
			fmt.Fprintf(&b, "- %s\n", f.text(note))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// maxField bounds each text of a project that goes into the detail, so that
// no catalog can make rendering slow.
const maxField = 4 << 10

// capped returns a copy of p with every text cut to maxField bytes.
func capped(p *model.Project) *model.Project {
	c := *p
	c.Name, c.Area = inert.Cap(p.Name, maxField), inert.Cap(p.Area, maxField)
	c.Maturity.Text = inert.Cap(p.Maturity.Text, maxField)
	c.Maturity.Org, c.Maturity.State, c.Maturity.API = inert.Cap(p.Maturity.Org, maxField), inert.Cap(p.Maturity.State, maxField), inert.Cap(p.Maturity.API, maxField)
	c.Goal = make(model.Text, len(p.Goal))
	budget := maxField
	for i, s := range p.Goal {
		s.Text = inert.Cap(s.Text, max(budget, 0))
		budget -= len(s.Text)
		c.Goal[i] = s
	}
	c.Links = make([]model.Link, len(p.Links))
	for i, l := range p.Links {
		l.Label, l.URL, l.SharedFrom = inert.Cap(l.Label, maxField), inert.Cap(l.URL, maxField), inert.Cap(l.SharedFrom, maxField)
		c.Links[i] = l
	}
	c.Notes = make([]string, len(p.Notes))
	for i, n := range p.Notes {
		c.Notes[i] = inert.Cap(n, maxField)
	}
	return &c
}

// linkGroup is a titled group of links in the detail.
type linkGroup struct {
	title string
	links []model.Link
	notes []string
}

// linkGroups splits a project's links into the detail's groups, in the order
// of p.Links, so that numbering by group is numbering by p.Links.
func linkGroups(p *model.Project) []linkGroup {
	groups := []linkGroup{{title: "Project"}, {title: "Communication"}, {title: "Use on Azure"}}
	for _, l := range p.Links {
		g := &groups[model.DetailGroup(l.Column)]
		g.links = append(g.links, l)
	}
	groups[2].notes = p.Notes
	return groups
}

// bulletWidth is what glamour puts before a list item ("• ").
const bulletWidth = 2

// linkLine is one link as a list item, all on one line: its number, label,
// kind, and the URL (without "https://") cut to what is left of the width,
// so that the wrapper never breaks a URL in the middle. Unless cut (show),
// the URL is whole, "https://" included, and one that does not fit after
// the label stands on a line of its own (wrapped only if wider than that).
func linkLine(number string, l model.Link, width int, cut bool) string {
	var head, plain strings.Builder
	if number != "" {
		head.WriteString("**" + number + "** ")
		plain.WriteString(number + " ")
	}
	head.WriteString(escapeForGlamour(l.Label))
	plain.WriteString(l.Label)
	if note := linkNote(l); note != "" {
		head.WriteString(" *(" + escapeForGlamour(note) + ")*")
		plain.WriteString(" (" + note + ")")
	}
	shown := strings.TrimPrefix(l.URL, "https://")
	room := width - bulletWidth - ansi.StringWidth(plain.String()) - 1
	if !cut {
		if ansi.StringWidth(l.URL) <= room {
			return "- " + head.String() + " " + escapeForGlamour(l.URL)
		}
		return "- " + head.String() + "  \n" + escapeForGlamour(l.URL)
	}
	if room >= min(ansi.StringWidth(shown), 16) {
		return "- " + head.String() + " " + escapeForGlamour(ansi.Truncate(shown, room, "…"))
	}
	// Too narrow: the URL goes on a line of its own.
	return "- " + head.String() + "  \n" + escapeForGlamour(ansi.Truncate(shown, max(width-bulletWidth, 1), "…"))
}

// linkNote says what a link is, when its label may not: "Slack, shared
// from In-tree (legacy)".
func linkNote(l model.Link) string {
	var parts []string
	switch l.Kind {
	case model.KindHome:
		parts = append(parts, "homepage")
	case model.KindSlack:
		parts = append(parts, "Slack")
	case model.KindMailingList:
		parts = append(parts, "mailing list")
	case model.KindIssues:
		parts = append(parts, "issues")
	case model.KindReleases, model.KindTests, model.KindForum, model.KindBoard:
		parts = append(parts, l.Kind.String())
	}
	if l.SharedFrom != "" {
		parts = append(parts, "shared from "+l.SharedFrom)
	}
	return strings.Join(parts, ", ")
}

// maturityLine is the maturity as one line: "CNCF · incubating · API alpha".
func maturityLine(m model.Maturity) string {
	var parts []string
	if m.Org != "" {
		parts = append(parts, m.Org)
	}
	state := m.State
	if m.Tentative {
		state += " (tentative)"
	}
	parts = append(parts, state)
	if m.API != "" {
		parts = append(parts, "API "+m.API)
	}
	return strings.Join(parts, " · ")
}

// goalMarkdown writes the goal with its links; a link that fails the URL
// rule is written as its label.
func goalMarkdown(t model.Text, f markdownFlavor) string {
	var b strings.Builder
	for _, s := range t {
		if s.URL != "" && model.CheckURL(s.URL) == nil {
			b.WriteString(f.inline(s.Text, s.URL))
		} else {
			b.WriteString(f.text(s.Text))
		}
	}
	return strings.TrimSpace(b.String())
}

// escapeForGlamour makes s literal text in Markdown: every ASCII punctuation
// character becomes a numeric character reference, which is never syntax
// and which glamour shows as the character (a backslash escape is shown
// with its backslash for some characters). This also keeps GFM's linkify
// from turning "www." or "a@b.c" in catalog text into links. A backslash
// is escaped as "\\" instead: as a reference, glamour would take it and the
// character after it for an escape. Line breaks become spaces.
func escapeForGlamour(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EscapeMarkdown makes s literal text in Markdown that people will read too:
// a backslash before the characters that can start inline syntax anywhere,
// and before what could start a block at the beginning ("- ", "> ",
// "1. "). Line breaks become spaces.
func EscapeMarkdown(s string) string {
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
			continue
		case strings.ContainsRune("\\`*_[]<>|~&#", r),
			i == 0 && strings.ContainsRune("-+=", r),
			i == digits && digits > 0 && (r == '.' || r == ')'):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// LinkMarkdown writes a Markdown link whose label and destination cannot
// break out of it.
func LinkMarkdown(label, url string) string {
	return "[" + EscapeMarkdown(label) + "](" + destination(url) + ")"
}

// destination writes a URL as a link destination in angle brackets.
func destination(url string) string {
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(url) + ">"
}
