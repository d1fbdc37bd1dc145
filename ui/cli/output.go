package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
)

// projectJSON is a project in the JSON of list and show. The field names
// are documented in README.md and stable.
type projectJSON struct {
	Name     string       `json:"name"`
	Area     string       `json:"area"`
	Goal     string       `json:"goal"`
	Maturity maturityJSON `json:"maturity"`
	Links    []linkJSON   `json:"links"`
	Notes    []string     `json:"notes"`
	// SubArea, OtherPlaces and Dates are set by catalogs that have them
	// (the CNCF Landscape).
	SubArea     string      `json:"sub_area,omitempty"`
	OtherPlaces []placeJSON `json:"other_places,omitempty"`
	Dates       []dateJSON  `json:"dates,omitempty"`
	// Opened is when a link of the project was last opened (list --recent).
	Opened *time.Time `json:"opened,omitempty"`
	// Health is the repository's health as last checked; null when the
	// project has no repository or it was never checked.
	Health *healthJSON `json:"health"`
	// NotChecked says why health could not check the repository now
	// (health -o json only); the health shown, if any, is the cached one.
	NotChecked string `json:"not_checked,omitempty"`
}

// healthJSON is a repository's health in the JSON of list, show and
// health. The field names are documented in README.md and stable.
type healthJSON struct {
	Repository    string       `json:"repository"`
	URL           string       `json:"url"`
	Status        string       `json:"status"`
	Archived      bool         `json:"archived"`
	MovedTo       string       `json:"moved_to"`
	Description   string       `json:"description"`
	Stars         int          `json:"stars"`
	Forks         int          `json:"forks"`
	OpenIssues    int          `json:"open_issues"`
	PushedAt      *time.Time   `json:"pushed_at"`
	LatestRelease *releaseJSON `json:"latest_release"`
	License       string       `json:"license"`
	Topics        []string     `json:"topics"`
	CheckedAt     time.Time    `json:"checked_at"`
}

type releaseJSON struct {
	Tag         string     `json:"tag"`
	PublishedAt *time.Time `json:"published_at"`
}

// toHealthJSON is h in JSON, its status at the time now; nil for none.
func toHealthJSON(h *model.Health, now time.Time) *healthJSON {
	if h == nil {
		return nil
	}
	out := &healthJSON{
		Repository: h.Repo.String(), URL: h.Repo.URL(), Status: h.Status(now).String(),
		Archived: h.Archived, MovedTo: h.MovedTo.String(), Description: h.Description,
		Stars: h.Stars, Forks: h.Forks, OpenIssues: h.OpenIssues, PushedAt: utcOrNil(h.PushedAt),
		License: h.License, Topics: append([]string{}, h.Topics...), CheckedAt: h.CheckedAt.UTC(),
	}
	if r := h.LatestRelease; r != nil {
		out.LatestRelease = &releaseJSON{Tag: r.Tag, PublishedAt: utcOrNil(r.PublishedAt)}
	}
	return out
}

// utcOrNil is t in UTC, or nil for the zero time (null in JSON).
func utcOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

type maturityJSON struct {
	Text      string `json:"text"`
	Org       string `json:"org"`
	State     string `json:"state"`
	API       string `json:"api"`
	Tentative bool   `json:"tentative,omitempty"`
}

type placeJSON struct {
	Area    string `json:"area"`
	SubArea string `json:"sub_area,omitempty"`
}

type dateJSON struct {
	Label string `json:"label"`
	Date  string `json:"date"`
}

type linkJSON struct {
	Label       string `json:"label"`
	URL         string `json:"url"`
	Kind        string `json:"kind"`
	Column      string `json:"column"`
	SharedFrom  string `json:"shared_from,omitempty"`
	DerivedFrom string `json:"derived_from,omitempty"`
}

func toJSON(p *model.Project) projectJSON {
	out := projectJSON{
		Name: p.Name,
		Area: p.Area,
		Goal: p.Goal.Plain(),
		Maturity: maturityJSON{
			Text: p.Maturity.Text, Org: p.Maturity.Org, State: p.Maturity.State,
			API: p.Maturity.API, Tentative: p.Maturity.Tentative,
		},
		Links:   make([]linkJSON, len(p.Links)),
		Notes:   append([]string{}, p.Notes...),
		SubArea: p.SubArea,
	}
	for i, l := range p.Links {
		out.Links[i] = linkJSON{Label: l.Label, URL: l.URL, Kind: l.Kind.String(), Column: l.Column.String(),
			SharedFrom: l.SharedFrom, DerivedFrom: l.DerivedFrom.String()}
	}
	for _, pl := range p.OtherPlaces {
		out.OtherPlaces = append(out.OtherPlaces, placeJSON{Area: pl.Area, SubArea: pl.SubArea})
	}
	for _, d := range p.Dates {
		out.Dates = append(out.Dates, dateJSON{Label: d.Label, Date: d.Date})
	}
	return out
}

// projectsJSON is the projects in JSON, each with its health from
// health (nil: none).
func projectsJSON(ps []*model.Project, health func(*model.Project) *model.Health, now time.Time) []projectJSON {
	out := make([]projectJSON, len(ps))
	for i, p := range ps {
		out[i] = toJSON(p)
		if health != nil {
			out[i].Health = toHealthJSON(health(p), now)
		}
	}
	return out
}

// writeJSON writes v indented, with & < > as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tableColumns are the columns of the table, TSV and Markdown outputs.
var tableColumns = []string{"NAME", "AREA", "MATURITY", "GOAL"}

func tableRow(p *model.Project) []string {
	return []string{oneLine(p.Name), oneLine(p.Place().String()), oneLine(p.Maturity.Short()), oneLine(p.Goal.Plain())}
}

// oneLine turns tabs and line breaks into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeTSV writes tab-separated values with a header line, and the
// homepage URL as a last column; after it, the column of the order the
// projects are sorted by, when there is one (STARS, PUSHED), so that the
// others keep their places.
func writeTSV(w io.Writer, ps []*model.Project, sorted sortColumn) error {
	bw := bufio.NewWriter(w)
	header := append(append([]string{}, tableColumns...), "HOMEPAGE")
	if sorted.cell != nil {
		header = append(header, sorted.title)
	}
	bw.WriteString(strings.Join(header, "\t") + "\n")
	for _, p := range ps {
		home, _ := p.Homepage()
		row := append(tableRow(p), oneLine(home.URL))
		if sorted.cell != nil {
			row = append(row, sorted.cell(p))
		}
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	return bw.Flush()
}

// sortColumn is the column list's table and TSV add for the order the
// projects are sorted by: its title and each project's cell. The zero
// sortColumn adds none.
type sortColumn struct {
	title string
	cell  func(*model.Project) string
}

// sortColumnOf is the column for sorting by, with each project's health
// from health (nil: none known): STARS and PUSHED as health's table gives
// them, none for the other orders.
func sortColumnOf(by model.SortOrder, health func(*model.Project) *model.Health) sortColumn {
	of := func(p *model.Project) *model.Health {
		if health == nil {
			return nil
		}
		return health(p)
	}
	switch by {
	case model.SortStars:
		return sortColumn{"STARS", func(p *model.Project) string { return starsCell(of(p)) }}
	case model.SortPushed:
		return sortColumn{"PUSHED", func(p *model.Project) string { return pushedCell(of(p)) }}
	}
	return sortColumn{}
}

// markdownHeader is the head of list -o markdown: the columns of the
// upstream catalog.
const markdownHeader = "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n"

// writeMarkdownTable writes the projects as a catalog in the upstream
// format, a row each with its area in its first cell, so that --catalog
// reads it back into the same projects: names, goals, maturity, links
// (with their labels, URLs, columns and kinds) and notes. Every field is
// escaped, a | in a URL too, so that no cell spills into the next. Links
// a project shares are written "same slack and email" where that reads
// back as them (the project they come from is the row above that has
// them), else as its own; notes go to the last column.
func writeMarkdownTable(w io.Writer, ps []*model.Project) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(markdownHeader)
	for i, p := range ps {
		cells := markdownRow(p, borrowable(ps[:i], p.Area))
		for k, cell := range cells {
			cells[k] = notDelimiterCell(cell)
		}
		bw.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return bw.Flush()
}

// notDelimiterCell escapes the first dash or colon of a cell made only of
// dashes, colons and spaces (":-", "--:"): such a cell is one of a GFM
// delimiter row's, and a row of them would read as one. With every cell
// kept from that, no row written reads as a delimiter row, whichever
// reader takes it and wherever the row stands. \- and \: read back as
// - and :.
func notDelimiterCell(cell string) string {
	i := strings.IndexAny(cell, "-:")
	if i < 0 || strings.Trim(cell, "-: ") != "" {
		return cell
	}
	return cell[:i] + `\` + cell[i:]
}

// borrowable is what "same slack and email" gives a project of area
// written after above: the Slack and mailing-list links of the nearest
// project above it in the area that has any, as the reader resolves it.
func borrowable(above []*model.Project, area string) []model.Link {
	for j := len(above) - 1; j >= 0 && above[j].Area == area; j-- {
		if borrowed := model.ShareableLinks(above[j]); borrowed != nil {
			return borrowed
		}
	}
	return nil
}

// sameSlack is how a catalog says a project shares the links of one above.
const sameSlack = "same slack and email"

// communication writes the Communication cell's links, with the run of
// shared ones as sameSlack when that reads back as them.
func communication(links, borrowed []model.Link) []string {
	from := slices.IndexFunc(links, func(l model.Link) bool { return l.SharedFrom != "" })
	if from >= 0 && len(borrowed) > 0 && len(links)-from >= len(borrowed) && slices.Equal(links[from:from+len(borrowed)], borrowed) {
		return slices.Concat(linkItems(links[:from]), []string{sameSlack}, linkItems(links[from+len(borrowed):]))
	}
	return linkItems(links)
}

// markdownRow is a project's cells in the upstream format; borrowed is
// what "same slack and email" would give it.
func markdownRow(p *model.Project, borrowed []model.Link) []string {
	links := map[model.Column][]model.Link{}
	for _, l := range p.Links {
		links[l.Column] = append(links[l.Column], l)
	}
	// The name holds the Project cell's first links, the homepage first;
	// the others are items of their own.
	name, rest := mdText(p.Name), links[model.ColumnProject]
	if len(rest) > 0 && rest[0].Kind == model.KindHome {
		name, rest = linkedText(p.Name, rest)
		if len(rest) == len(links[model.ColumnProject]) { // the label is not in the name
			name, rest = markdownLink(p.Name, rest[0].URL), rest[1:]
		}
	}
	project := append([]string{name}, linkItems(rest)...)
	// The goal's items were joined by a space of their own: one next to
	// text, which would have joined that text, marks where an item ended.
	// A space beside <br> would read back as an empty span next to a link.
	var goal strings.Builder
	for i, s := range p.Goal {
		switch {
		case s.URL != "":
			goal.WriteString(markdownLink(s.Text, s.URL))
			continue
		case s.Text == " " && (i > 0 && p.Goal[i-1].URL == "" || i+1 < len(p.Goal) && p.Goal[i+1].URL == ""):
			goal.WriteString("<br>")
			continue
		case s.Text == "":
			// What the reader leaves of a space that began or ended an
			// item beside a link: a space there, in an item.
			switch {
			case i == 0:
				goal.WriteString("<br> ")
			case i == len(p.Goal)-1:
				goal.WriteString(" <br>")
			default:
				goal.WriteString(" ")
			}
			continue
		}
		text := mdText(s.Text)
		if i+1 < len(p.Goal) && p.Goal[i+1].URL != "" && strings.HasSuffix(text, "!") {
			text = text[:len(text)-1] + `\!` // not an image
		}
		goal.WriteString(text)
	}
	var maturity []string
	mlinks := links[model.ColumnMaturity]
	for l := range strings.SplitSeq(p.Maturity.Text, "\n") {
		var md string
		md, mlinks = linkedText(l, mlinks)
		maturity = append(maturity, md)
	}
	azure := linkItems(links[model.ColumnAzure])
	for _, n := range p.Notes {
		azure = append(azure, mdText(n))
	}
	return []string{
		mdText(p.Area),
		strings.Join(project, " <br> "),
		goal.String(),
		strings.Join(maturity, " <br> "),
		strings.Join(communication(links[model.ColumnCommunication], borrowed), " <br> "),
		strings.Join(azure, " <br> "),
	}
}

// linkItems writes each link as an item of a cell.
func linkItems(links []model.Link) []string {
	out := make([]string, len(links))
	for i, l := range links {
		out[i] = markdownLink(l.Label, l.URL)
	}
	return out
}

// linkedText writes text as Markdown with the links on their labels, in
// order, as far as the labels are found in it; it returns the links it
// could not place.
func linkedText(text string, links []model.Link) (string, []model.Link) {
	var b strings.Builder
	at := 0
	for len(links) > 0 {
		l := links[0]
		i := strings.Index(text[at:], l.Label)
		if l.Label == "" || i < 0 {
			break
		}
		before := mdText(text[at : at+i])
		if strings.HasSuffix(before, "!") {
			before = before[:len(before)-1] + `\!` // not an image
		}
		b.WriteString(before + markdownLink(l.Label, l.URL))
		at += i + len(l.Label)
		links = links[1:]
	}
	b.WriteString(mdText(text[at:]))
	return b.String(), links
}

// markdownLink writes a link that stays in its table cell and reads back
// as the same label and URL, whatever the URL holds (ui.LinkDestination).
func markdownLink(label, url string) string {
	if label == "" {
		label = " " // what the reader makes an empty label of, at an item's edge
	}
	return "[" + mdText(label) + "](" + ui.LinkDestination(url, false) + ")"
}

// escapedEntity is an escaped & (EscapeMarkdown's) followed by what reads
// as a character reference: a reader resolves the reference all the same.
var escapedEntity = regexp.MustCompile(`\\&((?:\\)?#[0-9]+;|(?:\\)?#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)`)

// mdText is text in a cell of list -o markdown: literal (EscapeMarkdown,
// which escapes | too), and an & that would start a character reference
// written &amp;.
func mdText(s string) string {
	return escapedEntity.ReplaceAllString(ui.EscapeMarkdown(s), "&amp;$1")
}
