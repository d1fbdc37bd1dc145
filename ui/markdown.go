package ui

import (
	"fmt"
	"strings"

	"github.com/upstream-tui/upstream-tui/model"
)

// detailMarkdown builds the Markdown of a project's detail. Every catalog
// string goes through escapeMarkdown, so the catalog cannot add structure.
func detailMarkdown(p *model.Project) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", escapeMarkdown(p.Name))
	fmt.Fprintf(&b, "**Area:** %s  \n", escapeMarkdown(p.Area))
	fmt.Fprintf(&b, "**Maturity:** %s\n\n", escapeMarkdown(maturityLine(p.Maturity)))
	if goal := goalMarkdown(p.Goal); goal != "" {
		b.WriteString(goal + "\n\n")
	}
	n := 0
	for _, g := range linkGroups(p) {
		if len(g.links) == 0 && len(g.notes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", g.title)
		for _, l := range g.links {
			if model.CheckURL(l.URL) != nil {
				// Not openable: shown as text, with no number.
				fmt.Fprintf(&b, "- %s: %s%s\n", escapeMarkdown(l.Label), escapeMarkdown(l.URL), linkNote(l))
				continue
			}
			n++
			fmt.Fprintf(&b, "- **%d** %s%s\n", n, linkMarkdown(l.Label, l.URL), linkNote(l))
		}
		for _, note := range g.notes {
			fmt.Fprintf(&b, "- %s\n", escapeMarkdown(note))
		}
		b.WriteString("\n")
	}
	return b.String()
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
		switch l.Column {
		case model.ColumnCommunication:
			groups[1].links = append(groups[1].links, l)
		case model.ColumnAzure:
			groups[2].links = append(groups[2].links, l)
		default:
			groups[0].links = append(groups[0].links, l)
		}
	}
	groups[2].notes = p.Notes
	return groups
}

// numberedLinks returns the links the detail numbers, in order: those that
// pass the URL rule.
func numberedLinks(p *model.Project) []model.Link {
	var out []model.Link
	for _, g := range linkGroups(p) {
		for _, l := range g.links {
			if model.CheckURL(l.URL) == nil {
				out = append(out, l)
			}
		}
	}
	return out
}

func linkNote(l model.Link) string {
	kind := ""
	switch l.Kind {
	case model.KindHome:
		kind = "homepage"
	case model.KindSlack:
		kind = "Slack"
	case model.KindMailingList:
		kind = "mailing list"
	case model.KindIssues:
		kind = "issues"
	case model.KindReleases, model.KindTests, model.KindForum, model.KindBoard:
		kind = string(l.Kind)
	}
	var parts []string
	if kind != "" {
		parts = append(parts, kind)
	}
	if l.SharedFrom != "" {
		parts = append(parts, "shared from "+escapeMarkdown(l.SharedFrom))
	}
	if len(parts) == 0 {
		return ""
	}
	return " *(" + strings.Join(parts, ", ") + ")*"
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

func goalMarkdown(t model.Text) string {
	var b strings.Builder
	for _, s := range t {
		if s.URL != "" && model.CheckURL(s.URL) == nil {
			b.WriteString(linkMarkdown(s.Text, s.URL))
		} else {
			b.WriteString(escapeMarkdown(s.Text))
		}
	}
	return strings.TrimSpace(b.String())
}

// linkMarkdown writes a link whose label and destination cannot break out.
func linkMarkdown(label, url string) string {
	if label == "" {
		label = url
	}
	dest := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(url)
	return "[" + escapeMarkdown(label) + "](<" + dest + ">)"
}

// escapeMarkdown makes s literal text in Markdown: every ASCII punctuation
// character is backslash-escaped and line breaks become spaces.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&=:\"'$%^,;?@/", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
