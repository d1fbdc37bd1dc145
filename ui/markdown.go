package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// markdownFlavor says how the detail's Markdown writes catalog text and
// links: one flavor for glamour in the detail pane, one for Markdown that
// leaves the program (show piped).
type markdownFlavor struct {
	// text makes catalog text literal.
	text func(string) string
	// link writes a link's list item, with the label and the note
	// linkText gives; number is "" for a link that cannot be opened.
	link func(number string, l model.Link, label, note string) string
	// inline writes a link inside the goal.
	inline func(label, url string) string
}

// paneFlavor is Markdown for glamour in a pane width columns wide.
func paneFlavor(width int) markdownFlavor {
	return markdownFlavor{
		text: escapeForGlamour,
		link: func(number string, l model.Link, label, note string) string {
			return linkLine(number, l.URL, label, note, width, true)
		},
		inline: func(label, url string) string {
			return "[" + escapeForGlamour(label) + "](" + destination(url) + ")"
		},
	}
}

// plainFlavor is Markdown for other readers: real links and the usual
// backslash escapes.
var plainFlavor = markdownFlavor{
	text: EscapeMarkdown,
	link: func(number string, l model.Link, label, note string) string {
		item := "- "
		if number != "" {
			item += "**" + number + "** "
		}
		if number != "" {
			item += LinkMarkdown(label, l.URL)
		} else {
			item += EscapeMarkdown(label) + ": " + EscapeMarkdown(l.URL)
		}
		if note != "" {
			item += " *(" + EscapeMarkdown(note) + ")*"
		}
		return item
	},
	inline: LinkMarkdown,
}

// DetailMarkdown is a project's detail as plain Markdown, for output that
// leaves the program: what `show` prints when piped. repo adds the
// Repository section (nil: none).
func DetailMarkdown(p *model.Project, repo *DetailRepo) string {
	return detailMarkdown(p, plainFlavor, repo.text(p, plainFlavor))
}

// detailMarkdown builds the Markdown of a project's detail: name, area,
// maturity, goal, then the links grouped and numbered; repo adds what is
// known of its repository (healthdetail.go). Every catalog string goes
// through the flavor's escaping, so the catalog cannot add structure.
func detailMarkdown(p *model.Project, f markdownFlavor, repo repoText) string {
	p = capped(p)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", f.text(p.Name))
	fmt.Fprintf(&b, "**Area:** %s  \n", f.text(p.Place().String()))
	if len(p.OtherPlaces) > 0 {
		places := make([]string, len(p.OtherPlaces))
		for i, pl := range p.OtherPlaces {
			places[i] = pl.String()
		}
		fmt.Fprintf(&b, "**Also in:** %s  \n", f.text(strings.Join(places, "; ")))
	}
	fmt.Fprintf(&b, "**Maturity:** %s", f.text(maturityLine(p.Maturity)))
	for _, d := range p.Dates {
		fmt.Fprintf(&b, "  \n**%s:** %s", f.text(d.Label), f.text(d.Date))
	}
	if repo.summary != "" {
		b.WriteString("  \n" + repo.summary)
	}
	b.WriteString("\n\n")
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
			label, note := linkText(p, l)
			b.WriteString(f.link(number, l, label, note) + "\n")
		}
		for _, note := range g.notes {
			fmt.Fprintf(&b, "- %s\n", f.text(note))
		}
		b.WriteString("\n")
	}
	b.WriteString(repo.section)
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
	c.SubArea = inert.Cap(p.SubArea, maxField)
	c.OtherPlaces = make([]model.Place, len(p.OtherPlaces))
	for i, pl := range p.OtherPlaces {
		c.OtherPlaces[i] = model.Place{Area: inert.Cap(pl.Area, maxField), SubArea: inert.Cap(pl.SubArea, maxField)}
	}
	c.Dates = make([]model.DatedFact, len(p.Dates))
	for i, d := range p.Dates {
		c.Dates[i] = model.DatedFact{Label: inert.Cap(d.Label, maxField), Date: inert.Cap(d.Date, maxField)}
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

// linkGroups splits a project's links into the detail's groups
// (model.DetailGroup), each in the order of p.Links, so that numbering the
// groups' links in turn is model.NumberedLinks.
func linkGroups(p *model.Project) []linkGroup {
	groups := [model.DetailGroups]linkGroup{
		model.GroupProject:       {title: "Project"},
		model.GroupCommunication: {title: "Communication"},
		model.GroupAzure:         {title: "Use on Azure"},
		model.GroupMentioned:     {title: "Mentioned"},
	}
	for _, l := range p.Links {
		g := &groups[model.DetailGroup(l.Column)]
		g.links = append(g.links, l)
	}
	groups[model.GroupAzure].notes = p.Notes
	return groups[:]
}

// bulletWidth is what glamour puts before a list item ("• ").
const bulletWidth = 2

// linkLine is one link as a list item, all on one line: its number, label,
// note, and the URL (without "https://") cut to what is left of the width,
// so that the wrapper never breaks a URL in the middle. Unless short (show),
// the URL is whole, "https://" included, and one that does not fit after
// the label stands on a line of its own (wrapped only if wider than that).
func linkLine(number, url, label, note string, width int, short bool) string {
	var head, plain strings.Builder
	if number != "" {
		head.WriteString("**" + number + "** ")
		plain.WriteString(number + " ")
	}
	head.WriteString(escapeForGlamour(label))
	plain.WriteString(label)
	if note != "" {
		head.WriteString(" *(" + escapeForGlamour(note) + ")*")
		plain.WriteString(" (" + note + ")")
	}
	bare := strings.TrimPrefix(url, "https://")
	// Measured no further than the width: label and URL may be long.
	room := width - bulletWidth - fitWidth(plain.String(), max(width, 0)) - 1
	if !short {
		if room >= 0 && fitWidth(url, room) <= room {
			return "- " + head.String() + " " + escapeForGlamour(url)
		}
		return "- " + head.String() + "  \n" + escapeForGlamour(url)
	}
	if room >= min(fitWidth(bare, 16), 16) {
		return "- " + head.String() + " " + escapeForGlamour(cut(bare, room, "…"))
	}
	// Too narrow: the URL goes on a line of its own.
	return "- " + head.String() + "  \n" + escapeForGlamour(cut(bare, max(width-bulletWidth, 1), "…"))
}

// linkText is what the detail says of a link of project p: a label, and a
// note on what the link is when the label does not say it ("Slack,
// shared from In-tree (legacy)", "in the goal"). The homepage, labelled
// with the project's name under that name, is labelled "homepage"; a kind
// the label names already ("releases", "GitHub issues") is not noted.
func linkText(p *model.Project, l model.Link) (label, note string) {
	label = l.Label
	kind := kindNote(l.Kind)
	if l.Kind == model.KindHome && strings.EqualFold(strings.TrimSpace(label), strings.TrimSpace(p.Name)) {
		label = kind
	}
	var parts []string
	if kind != "" && !strings.Contains(strings.ToLower(label), strings.ToLower(kind)) {
		parts = append(parts, kind)
	}
	switch l.Column {
	case model.ColumnGoal:
		parts = append(parts, "in the goal")
	case model.ColumnMaturity:
		parts = append(parts, "in the maturity")
	}
	if l.SharedFrom != "" {
		parts = append(parts, "shared from "+l.SharedFrom)
	}
	if l.DerivedFrom != 0 {
		parts = append(parts, "derived from the "+l.DerivedFrom.Describe())
	}
	return label, strings.Join(parts, ", ")
}

// kindNote names a kind of link in the detail; "" for the kinds the
// detail's groups say (Use on Azure) or that say nothing.
func kindNote(k model.Kind) string {
	switch k {
	case model.KindHome:
		return "homepage"
	case model.KindSlack:
		return "Slack"
	case model.KindMailingList:
		return "mailing list"
	case model.KindIssues:
		return "issues"
	case model.KindReleases, model.KindTests, model.KindForum, model.KindBoard, model.KindRepository:
		return k.String()
	}
	return ""
}

// maturityLine is the maturity as one line: "CNCF · incubating · API
// alpha"; "none" for a project with no maturity (the Landscape's projects
// that are not the CNCF's).
func maturityLine(m model.Maturity) string {
	if m == (model.Maturity{}) {
		return "none"
	}
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
// break out of it, and whose destination reads back as url.
func LinkMarkdown(label, url string) string {
	return "[" + EscapeMarkdown(label) + "](" + LinkDestination(url, true) + ")"
}

// LinkDestination writes url as a link destination that stays in its
// link (and table cell) and reads back as url, whatever url holds: as it
// is when it is plain and angle is not set, else in angle brackets with
// \ < > | escaped and controls as character references; an & that would
// start a character reference is written &amp;.
func LinkDestination(url string, angle bool) string {
	dest := entityLike.ReplaceAllString(url, "&amp;$1")
	if !angle && url != "" && !strings.ContainsFunc(url, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune(`()<>\|`, r)
	}) {
		return dest
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range dest {
		switch {
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, "&#%d;", r)
		case strings.ContainsRune(`\<>|`, r):
			b.WriteString(`\` + string(r))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// entityLike matches what a reader takes for a character reference after
// an &: the & of a URL, or of text, that is followed by it is written
// &amp;.
var entityLike = regexp.MustCompile(`&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)`)

// destination writes a URL as a link destination in angle brackets, for
// glamour.
func destination(url string) string {
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(url) + ">"
}
