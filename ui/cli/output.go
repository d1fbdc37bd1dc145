package cli

import (
	"bufio"
	"encoding/json"
	"io"
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
	// Opened is when a link of the project was last opened (list --recent).
	Opened *time.Time `json:"opened,omitempty"`
}

type maturityJSON struct {
	Text      string `json:"text"`
	Org       string `json:"org"`
	State     string `json:"state"`
	API       string `json:"api"`
	Tentative bool   `json:"tentative,omitempty"`
}

type linkJSON struct {
	Label      string `json:"label"`
	URL        string `json:"url"`
	Kind       string `json:"kind"`
	Column     string `json:"column"`
	SharedFrom string `json:"shared_from,omitempty"`
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
		Links: make([]linkJSON, len(p.Links)),
		Notes: append([]string{}, p.Notes...),
	}
	for i, l := range p.Links {
		out.Links[i] = linkJSON{Label: l.Label, URL: l.URL, Kind: l.Kind.String(), Column: l.Column.String(), SharedFrom: l.SharedFrom}
	}
	return out
}

func projectsJSON(ps []*model.Project) []projectJSON {
	out := make([]projectJSON, len(ps))
	for i, p := range ps {
		out[i] = toJSON(p)
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
	return []string{oneLine(p.Name), oneLine(p.Area), oneLine(p.Maturity.Short()), oneLine(p.Goal.Plain())}
}

// oneLine turns tabs and line breaks into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeTSV writes tab-separated values with a header line, and the
// homepage URL as a last column.
func writeTSV(w io.Writer, ps []*model.Project) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(append(append([]string{}, tableColumns...), "HOMEPAGE"), "\t") + "\n")
	for _, p := range ps {
		home, _ := p.Homepage()
		bw.WriteString(strings.Join(append(tableRow(p), oneLine(home.URL)), "\t") + "\n")
	}
	return bw.Flush()
}

// writeMarkdownTable writes a GFM table, the name linked to the homepage.
func writeMarkdownTable(w io.Writer, ps []*model.Project) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("| Name | Area | Maturity | Goal |\n|---|---|---|---|\n")
	for _, p := range ps {
		r := tableRow(p)
		name := ui.EscapeMarkdown(r[0]) // EscapeMarkdown escapes | too
		if home, ok := p.Homepage(); ok && model.CheckURL(home.URL) == nil {
			name = ui.LinkMarkdown(r[0], home.URL)
		}
		bw.WriteString("| " + name + " | " + ui.EscapeMarkdown(r[1]) + " | " + ui.EscapeMarkdown(r[2]) + " | " + ui.EscapeMarkdown(r[3]) + " |\n")
	}
	return bw.Flush()
}
