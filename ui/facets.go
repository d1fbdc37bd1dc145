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

// facetPicker is the picker's state: its options, counted once per
// catalog, and the cursor.
type facetPicker struct {
	options  []facetOption
	counted  bool   // options hold the catalog's counts
	counting bool   // the counts are under way in a command
	cursor   int    // the option under the cursor
	want     string // the facet to put the cursor on once counted
}

// pickerAction is what a key did to the picker.
type pickerAction int

const (
	pickerStays  pickerAction = iota // moved, or nothing
	pickerClosed                     // closed without a pick
	pickerPicked                     // a facet was picked
)

// facetsCountedMsg brings the options of a catalog's picker, counted in a
// command.
type facetsCountedMsg struct {
	index   *model.Index // whose catalog they count
	options []facetOption
}

// countFacets counts a catalog's facets in a command: at 100,000 projects
// it takes longer than a frame.
func countFacets(cat *model.Catalog, ix *model.Index) tea.Cmd {
	return func() tea.Msg {
		return facetsCountedMsg{index: ix, options: facetOptions(cat, ix)}
	}
}

// openFacets readies the picker, with the cursor on the facet named at if
// it is offered. The options are counted the first time, in a command on
// a large catalog, where a search runs once per option.
func (v *catalogView) openFacets(at string) tea.Cmd {
	p := &v.picker
	if at != "" {
		p.want = at
	}
	switch {
	case p.counted:
		p.clamp()
	case p.counting:
	case len(v.cat.Projects) >= v.asyncFrom:
		p.counting = true
		return countFacets(v.cat, v.index)
	default:
		p.setOptions(facetOptions(v.cat, v.index))
	}
	return nil
}

// handleFacetsCounted takes the counts of this catalog's facets; those of
// a catalog swapped out are dropped.
func (v *catalogView) handleFacetsCounted(msg facetsCountedMsg) {
	if msg.index == v.index && !v.picker.counted {
		v.picker.setOptions(msg.options)
	}
}

// setOptions fills the picker and puts the cursor on the wanted facet.
func (p *facetPicker) setOptions(options []facetOption) {
	p.options, p.counted, p.counting = options, true, false
	for i, o := range options {
		if p.want != "" && o.facet.String() == p.want {
			p.cursor = i
		}
	}
	p.want = ""
	p.clamp()
}

func (p *facetPicker) clamp() {
	p.cursor = min(max(p.cursor, 0), max(len(p.options)-1, 0))
}

// current names the facet under the cursor, or the one wanted there while
// counting; "" when there is none.
func (p *facetPicker) current() string {
	if p.counted && p.cursor < len(p.options) {
		return p.options[p.cursor].facet.String()
	}
	return p.want
}

// update moves the cursor or picks, as a key says; the facet is the one
// picked, negated by PickNegated.
func (p *facetPicker) update(msg tea.KeyPressMsg, k *keyMap) (model.Facet, pickerAction) {
	last := max(len(p.options)-1, 0)
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Facets):
		return model.Facet{}, pickerClosed
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, last)
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = last
	case key.Matches(msg, k.PickFacet), key.Matches(msg, k.PickNegated):
		if len(p.options) == 0 {
			return model.Facet{}, pickerStays
		}
		f := p.options[p.cursor].facet
		f.Negate = key.Matches(msg, k.PickNegated)
		return f, pickerPicked
	}
	return model.Facet{}, pickerStays
}

// view draws the picker: the options around the cursor, under a title
// that names the keys in force.
func (p *facetPicker) view(s *styles, k *keyMap, width, height int) []string {
	title := fmt.Sprintf("Filter by · %s adds · %s leaves out · %s closes",
		k.PickFacet.Help().Key, k.PickNegated.Help().Key, k.Close.Help().Key)
	lines := []string{s.ListTitle.Render(title)}
	rows := max(height-1, 1)
	top := min(max(p.cursor-rows/2, 0), max(len(p.options)-rows, 0))
	for i := top; i < min(top+rows, len(p.options)); i++ {
		o := p.options[i]
		line := fmt.Sprintf("  %-40s %5d", o.facet.String(), o.count)
		if i == p.cursor {
			line = s.Cursor.Render(s.Glyphs.cursor) + s.SelectedName.Render(line[2:])
		}
		lines = append(lines, line)
	}
	switch {
	case p.counting:
		lines = append(lines, s.Empty.Render("Counting the projects of each filter…"))
	case len(p.options) == 0:
		lines = append(lines, s.Empty.Render("This catalog offers nothing to filter by."))
	}
	return block(strings.Join(lines, "\n"), width, height)
}
