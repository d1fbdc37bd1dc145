package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// The facet picker (f) lists the key:value filters the catalog can answer,
// with how many projects each holds for, so nobody has to remember them.
// Enter adds the one under the cursor to the filter; "-" adds it negated.

// facetOption is one line of the picker.
type facetOption struct {
	facet model.Facet
	count int
}

// facetOptions lists the facets worth offering for a catalog, with how
// many projects each holds for: the link kinds, states and organisations
// it holds, and its areas. Counting is one pass over the index.
func facetOptions(cat *model.Catalog, ix *model.Index) []facetOption {
	var fs []model.Facet
	for _, k := range model.FacetKinds {
		fs = append(fs, model.Facet{Key: "has", Value: k.String()})
	}
	for _, s := range distinctLower(cat, func(m model.Maturity) []string { return []string{m.State, m.API} }) {
		fs = append(fs, model.Facet{Key: "state", Value: s})
	}
	for _, o := range distinctLower(cat, func(m model.Maturity) []string { return []string{m.Org} }) {
		fs = append(fs, model.Facet{Key: "org", Value: o})
	}
	for _, a := range cat.Areas {
		if !strings.Contains(a.Name, `"`) {
			fs = append(fs, model.Facet{Key: "area", Value: strings.ToLower(a.Name)})
		}
	}
	var out []facetOption
	for k, n := range ix.CountFacets(fs) {
		if n > 0 {
			out = append(out, facetOption{facet: fs[k], count: n})
		}
	}
	return out
}

// distinctLower returns the distinct maturity values of a catalog, lower
// case, sorted, without those a facet cannot be typed for (white space,
// quotes). Each distinct value is lower-cased once.
func distinctLower(cat *model.Catalog, values func(model.Maturity) []string) []string {
	seen := map[string]bool{}
	var out []string
	for i := range cat.Projects {
		for _, v := range values(cat.Projects[i].Maturity) {
			if v == "" || seen[v] {
				continue
			}
			seen[v] = true
			if v = strings.ToLower(v); !slices.Contains(out, v) && !strings.ContainsAny(v, " \t\"") {
				out = append(out, v)
			}
		}
	}
	slices.Sort(out)
	return out
}

// openFacets shows the picker.
func (m *Model) openFacets() {
	if m.facets == nil {
		m.facets = facetOptions(m.cat, m.index) // once per catalog: it searches once per option
	}
	m.facetCursor = min(m.facetCursor, max(len(m.facets)-1, 0))
	m.mode = modeFacets
}

// handleFacetKey drives the picker.
func (m *Model) handleFacetKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Facets):
		m.mode = modeBrowse
	case key.Matches(msg, k.Up):
		m.facetCursor = max(m.facetCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.facetCursor = min(m.facetCursor+1, max(len(m.facets)-1, 0))
	case key.Matches(msg, k.Top):
		m.facetCursor = 0
	case key.Matches(msg, k.Bottom):
		m.facetCursor = max(len(m.facets)-1, 0)
	case key.Matches(msg, k.PickFacet), key.Matches(msg, k.PickNegated):
		if len(m.facets) == 0 {
			return nil
		}
		f := m.facets[m.facetCursor].facet
		f.Negate = key.Matches(msg, k.PickNegated)
		q := strings.TrimSpace(m.query + " " + f.String())
		m.mode = modeBrowse
		m.input.SetValue(q)
		return m.applyQuery(q)
	case key.Matches(msg, k.Quit):
		return m.quit()
	}
	return nil
}

// viewFacets draws the picker: the options around the cursor.
func (m *Model) viewFacets(width, height int) []string {
	lines := []string{m.styles.ListTitle.Render("Filter by · enter adds · - leaves out · esc closes")}
	rows := max(height-1, 1)
	top := min(max(m.facetCursor-rows/2, 0), max(len(m.facets)-rows, 0))
	for i := top; i < min(top+rows, len(m.facets)); i++ {
		o := m.facets[i]
		line := fmt.Sprintf("  %-40s %5d", o.facet.String(), o.count)
		if i == m.facetCursor {
			line = m.styles.Cursor.Render(m.styles.Glyphs.cursor) + m.styles.SelectedName.Render(line[2:])
		}
		lines = append(lines, line)
	}
	if len(m.facets) == 0 {
		lines = append(lines, m.styles.Empty.Render("This catalog offers nothing to filter by."))
	}
	return block(strings.Join(lines, "\n"), width, height)
}
