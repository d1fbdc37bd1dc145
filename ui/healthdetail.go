package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// What the detail says of a project's repository health: a line under the
// maturity with the repository and its status word, for a glance, and a
// "Repository" section after the links: a warning first (archived, moved,
// missing), then what GitHub said, when it was checked, and the links of
// model.RepoLinks numbered after the project's own, so that the catalog's
// numbers never move.

// repoText is the detail's Markdown about a project's repository: the
// summary line and the section. The zero repoText (no health source) adds
// nothing. It is part of the key a rendered detail is kept under, so a
// new answer, or an age that has grown, renders the detail again.
type repoText struct {
	summary, section string
}

// maxTopics bounds the topics the detail lists.
const maxTopics = 20

// apiText is text from GitHub's answer, made inert and cut to n bytes
// once more: the source did so already, but the detail does not depend on
// it.
func apiText(s string, n int) string { return inert.Text(inert.Cap(s, n)) }

// repoMarkdown writes project p's repoText: ref its repository (zero for
// none), h what is known of it (nil: not checked), its links
// (model.RepoLinks) numbered from first+1.
func repoMarkdown(p *model.Project, ref repoRef, h *model.Health, now time.Time, first int, f markdownFlavor) repoText {
	if ref.key == "" {
		return repoText{
			summary: "**Repository:** none on GitHub",
			section: "## Repository\n\n" + f.text("None: no link of this project names a GitHub repository, so it has no health to show.") + "\n\n",
		}
	}
	name := f.text(apiText(ref.repo.String(), maxField))
	var b strings.Builder
	b.WriteString("## Repository\n\n")
	word := "not checked"
	if h == nil {
		b.WriteString(name + ": not checked yet\n\n")
	} else {
		word = h.Status(now).String()
		if h.Moved() {
			word = "moved to " + apiText(h.MovedTo.String(), maxField) + " · " + word
		}
		b.WriteString(strings.Join(healthLines(h, now, f), "  \n") + "\n\n")
	}
	for i, l := range model.RepoLinks(p, ref.repo, h) {
		label, note := linkText(&model.Project{}, l)
		b.WriteString(f.link(strconv.Itoa(first+i+1), l, label, note) + "\n")
	}
	b.WriteString("\n")
	return repoText{summary: "**Repository:** " + name + " · " + f.text(word), section: b.String()}
}

// healthLines are the section's lines for what GitHub said: the warning
// first, then the description, the counts, the last push, the latest
// release, the licence, the topics, and the status with when it was
// checked.
func healthLines(h *model.Health, now time.Time, f markdownFlavor) []string {
	var out []string
	switch {
	case h.Archived:
		out = append(out, "**"+f.text("Archived on GitHub: read-only")+"**")
	case h.Missing:
		out = append(out, "**"+f.text("Not found on GitHub: deleted, or private")+"**")
	}
	if h.Moved() {
		out = append(out, "**"+f.text("Moved to "+apiText(h.MovedTo.String(), maxField))+"**")
	}
	if d := strings.TrimSpace(h.Description); d != "" {
		out = append(out, f.text(apiText(d, maxField)))
	}
	if !h.Missing {
		out = append(out,
			f.text(fmt.Sprintf("Stars %s · forks %s · open issues %s", thousands(h.Stars), thousands(h.Forks), thousands(h.OpenIssues))),
			f.text("Last push: "+agoAndDate(h.PushedAt, now)),
			f.text("Latest release: "+releaseText(h, now)),
			f.text("Licence: "+orNone(apiText(h.License, maxField))))
		if len(h.Topics) > 0 {
			topics := h.Topics[:min(len(h.Topics), maxTopics)]
			capped := make([]string, len(topics))
			for i, t := range topics {
				capped[i] = apiText(t, 64)
			}
			out = append(out, f.text("Topics: "+strings.Join(capped, ", ")))
		}
	}
	out = append(out, f.text("Status: "+h.Status(now).String()+" · checked "+agoAndDate(h.CheckedAt, now)))
	return out
}

// releaseText is h's latest release: its tag and when it was published.
func releaseText(h *model.Health, now time.Time) string {
	r := h.LatestRelease
	switch {
	case h.ReleaseUnknown:
		return "not known (it could not be asked)"
	case r == nil:
		return "none"
	}
	tag := apiText(r.Tag, 128)
	if r.PublishedAt.IsZero() {
		return tag
	}
	return tag + ", " + agoAndDate(r.PublishedAt, now)
}

// agoAndDate says when something happened: "3 years ago, 2023-10-24".
func agoAndDate(t, now time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return longAgo(now.Sub(t)) + ", " + t.In(now.Location()).Format(time.DateOnly)
}

// longAgo is model.Ago for spans of months and years: "5 months ago",
// "3 years ago".
func longAgo(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < 60*day:
		return model.Ago(max(d, 0))
	case d < 730*day:
		return fmt.Sprintf("%d months ago", int(d/(30*day)))
	}
	return fmt.Sprintf("%d years ago", int(d/(365*day)))
}

// thousands writes n with commas: 1,030.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none given"
	}
	return s
}

// DetailRepo is what the detail says of a project's repository outside
// the app (show), as the app says it with repository health: Health is
// what the source's cache holds (nil: never checked), Now the time ages
// are told from. A nil *DetailRepo adds nothing, as the app without a
// health source.
type DetailRepo struct {
	Health *model.Health
	Now    time.Time
}

// text is project p's repoText in the flavor f.
func (d *DetailRepo) text(p *model.Project, f markdownFlavor) repoText {
	if d == nil {
		return repoText{}
	}
	return repoMarkdown(p, newRepoRef(p), d.Health, d.Now, len(model.NumberedLinks(p)), f)
}

// links are the links project p's detail numbers: its own, then, with d,
// its repository's.
func (d *DetailRepo) links(p *model.Project) []model.Link {
	links := model.NumberedLinks(p)
	if d == nil {
		return links
	}
	repo, _ := model.RepoOf(p)
	return append(links, model.RepoLinks(p, repo, d.Health)...)
}

// detailLinks are the links project p's detail numbers, in order: the
// project's own (model.NumberedLinks), then its repository's.
func (m *Model) detailLinks(p int) []model.Link {
	links := model.NumberedLinks(&m.view.cat.Projects[p])
	if m.health == nil {
		return links
	}
	ref, h := m.healthOf(p)
	return append(links, model.RepoLinks(&m.view.cat.Projects[p], ref.repo, h)...)
}

// repoTextOf is project p's repoText for a pane width columns wide; the
// zero repoText without a health source.
func (m *Model) repoTextOf(p, width int) repoText {
	if m.health == nil {
		return repoText{}
	}
	ref, h := m.healthOf(p)
	proj := &m.view.cat.Projects[p]
	return repoMarkdown(proj, ref, h, m.now(), len(model.NumberedLinks(proj)), paneFlavor(width))
}

// openContribute opens the selected project's contribute page: GitHub's
// good first issues of its repository.
func (m *Model) openContribute() tea.Cmd {
	p, i, ok := m.view.selectedProject()
	if !ok {
		m.setStatus("No project selected", true)
		return nil
	}
	ref, h := m.healthOf(i)
	for _, l := range model.RepoLinks(nil, ref.repo, h) { // numbered or not
		if l.Kind == model.KindContribute {
			return m.open(l)
		}
	}
	m.setStatus(p.Name+" has no GitHub repository", true)
	return nil
}
