package ui

import (
	"fmt"
	"slices"
	"strconv"
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
	count int // the projects of the list on screen it holds for
}

// catalogFacets lists the facets worth offering for a catalog: the link
// kinds, states and organisations it holds, its areas, and with a health
// snapshot its projects' health words (is:), each holding for some
// project. Counting is one pass over the index.
func catalogFacets(cat *model.Catalog, ix *model.Index, health *model.HealthView) []model.Facet {
	var fs []model.Facet
	if health != nil {
		for _, w := range model.HealthWords {
			fs = append(fs, model.Facet{Key: "is", Value: w})
		}
	}
	for _, k := range model.FacetKinds {
		fs = append(fs, model.Facet{Key: "has", Value: k.String()})
	}
	for _, key := range []string{"state", "org"} {
		for _, v := range model.FacetValues(cat, key) {
			fs = append(fs, model.Facet{Key: key, Value: v})
		}
	}
	for _, a := range cat.Areas {
		if !strings.Contains(a.Name, `"`) {
			fs = append(fs, model.Facet{Key: "area", Value: strings.ToLower(a.Name)})
		}
	}
	var out []model.Facet
	for k, n := range ix.CountFacets(fs) {
		if n > 0 {
			out = append(out, fs[k])
		}
	}
	return out
}

// facetOptions counts each facet among the projects of the list on
// screen, so that a count says what adding it would leave.
func facetOptions(ix *model.Index, facets []model.Facet, items []int) []facetOption {
	out := make([]facetOption, len(facets))
	for k, n := range ix.CountFacetsIn(facets, items) {
		out[k] = facetOption{facet: facets[k], count: n}
	}
	return out
}

// facetPicker is the picker's state: the catalog's facets (found once),
// their counts in the list on screen (counted at each opening), what is
// typed to narrow them, and the cursor.
type facetPicker struct {
	facets   []model.Facet // nil until found
	options  []facetOption
	counted  bool   // options hold the counts for this opening
	counting bool   // the counts are under way in a command
	narrow   string // typed to narrow the options
	shown    []int  // the options narrowing keeps, by index
	cursor   int    // in shown
	want     string // the facet to put the cursor on once counted
}

// pickerAction is what a key did to the picker.
type pickerAction int

const (
	pickerStays  pickerAction = iota // moved, or nothing
	pickerClosed                     // closed without a pick
	pickerPicked                     // a facet was picked
	pickerNarrow                     // the narrowing text is to be typed
)

// facetsCountedMsg brings the options of a catalog's picker, counted in a
// command.
type facetsCountedMsg struct {
	index   *model.Index // whose catalog they count
	facets  []model.Facet
	options []facetOption
}

// countFacets finds a catalog's facets, when not yet found, and counts
// them among items in a command: at 100,000 projects it takes longer than
// a frame. items is the command's own copy.
func countFacets(cat *model.Catalog, ix *model.Index, health *model.HealthView, facets []model.Facet, items []int) tea.Cmd {
	return func() tea.Msg {
		if facets == nil {
			facets = catalogFacets(cat, ix, health)
		}
		return facetsCountedMsg{index: ix, facets: facets, options: facetOptions(ix, facets, items)}
	}
}

// openFacets readies the picker, with the cursor on the facet named at if
// it is offered, its counts those of the list on screen. The counts are
// made in a command on a large catalog, where they take a pass each.
func (v *catalogView) openFacets(at string) tea.Cmd {
	p := &v.picker
	if at != "" {
		p.want = at
	} else if !p.counting {
		p.want = p.current()
	}
	p.narrow, p.counted = "", false
	items := v.list.items
	if !v.filtered() && len(items) == len(v.cat.Projects) {
		items = nil // every project: no list to go through
	}
	switch {
	case p.counting:
	case len(v.cat.Projects) >= v.asyncFrom:
		p.counting = true
		return countFacets(v.cat, v.index, v.health, p.facets, slices.Clone(items))
	default:
		if p.facets == nil {
			p.facets = catalogFacets(v.cat, v.index, v.health)
		}
		p.setOptions(facetOptions(v.index, p.facets, items))
	}
	return nil
}

// handleFacetsCounted takes the counts of this catalog's facets; those of
// a catalog swapped out are dropped.
func (v *catalogView) handleFacetsCounted(msg facetsCountedMsg) {
	if msg.index == v.index && v.picker.counting {
		v.picker.facets = msg.facets
		v.picker.setOptions(msg.options)
	}
}

// setOptions fills the picker and puts the cursor on the wanted facet.
func (p *facetPicker) setOptions(options []facetOption) {
	p.options, p.counted, p.counting = options, true, false
	p.refine()
	for i, o := range p.shown {
		if p.want != "" && options[o].facet.String() == p.want {
			p.cursor = i
		}
	}
	p.want = ""
	p.clamp()
}

// refine keeps the options whose facet holds what is typed ("sla" keeps
// has:slack): a few dozen short strings, where a fuzzy match would keep
// too many.
func (p *facetPicker) refine() {
	p.shown = nil
	want := strings.ToLower(p.narrow)
	for i, o := range p.options {
		if strings.Contains(o.facet.String(), want) {
			p.shown = append(p.shown, i)
		}
	}
	p.clamp()
}

func (p *facetPicker) clamp() {
	p.cursor = min(max(p.cursor, 0), max(len(p.shown)-1, 0))
}

// current names the facet under the cursor, or the one wanted there while
// counting; "" when there is none.
func (p *facetPicker) current() string {
	if p.counted && p.cursor < len(p.shown) {
		return p.options[p.shown[p.cursor]].facet.String()
	}
	return p.want
}

// update moves the cursor or picks, as a key says; the facet is the one
// picked, negated by PickNegated.
func (p *facetPicker) update(msg tea.KeyPressMsg, k *keyMap) (model.Facet, pickerAction) {
	last := max(len(p.shown)-1, 0)
	switch {
	case key.Matches(msg, k.Close):
		return model.Facet{}, pickerClosed
	case key.Matches(msg, k.Filter):
		return model.Facet{}, pickerNarrow
	case key.Matches(msg, k.Up), key.Matches(msg, k.FilterUp):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down), key.Matches(msg, k.FilterDown):
		p.cursor = min(p.cursor+1, last)
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = last
	case key.Matches(msg, k.PickFacet), key.Matches(msg, k.PickNegated):
		if len(p.shown) == 0 {
			return model.Facet{}, pickerStays
		}
		f := p.options[p.shown[p.cursor]].facet
		f.Negate = key.Matches(msg, k.PickNegated)
		return f, pickerPicked
	}
	return model.Facet{}, pickerStays
}

// typeNarrow takes a key while the narrowing text is typed: the text, or
// leaving it (enter keeps it, esc clears it); it reports whether typing
// goes on.
func (p *facetPicker) typeNarrow(msg tea.KeyPressMsg, k *keyMap) bool {
	switch {
	case key.Matches(msg, k.AcceptFilter):
		return false
	case key.Matches(msg, k.CancelFilter):
		p.narrow = ""
		p.refine()
		return false
	case key.Matches(msg, k.FilterUp), key.Matches(msg, k.FilterDown):
		p.update(msg, k)
	case msg.Code == tea.KeyBackspace:
		if r := []rune(p.narrow); len(r) > 0 {
			p.narrow = string(r[:len(r)-1])
		}
	case msg.Text != "":
		p.narrow += msg.Text
	}
	p.refine()
	return true
}

// view draws the picker: the options around the cursor, their counts in
// one column, under a title that names the keys in force.
func (p *facetPicker) view(s *styles, k *keyMap, typing bool, query string, width, height int) []string {
	title := fmt.Sprintf("Filter by · %s adds or takes out · %s leaves out · %s narrows · %s closes",
		k.PickFacet.Help().Key, k.PickNegated.Help().Key, k.Filter.Help().Key, k.Close.Help().Key)
	lines := []string{s.ListTitle.Render(title)}
	if typing || p.narrow != "" {
		lines = append(lines, s.Prompt.Render(k.Filter.Help().Key+" ")+p.narrow)
	}
	rows := max(height-len(lines), 1)
	top := min(max(p.cursor-rows/2, 0), max(len(p.shown)-rows, 0))
	countW, nameW := 1, 0
	for _, o := range p.options {
		countW = max(countW, len(strconv.Itoa(o.count)))
		nameW = max(nameW, fitWidth(o.facet.String(), width))
	}
	// The count's column never moves: the names give way to it.
	nameW = max(min(nameW, width-countW-4), 1)
	inFilter := model.FacetsInQuery(query)
	for i := top; i < min(top+rows, len(p.shown)); i++ {
		o := p.options[p.shown[i]]
		name := cut(o.facet.String(), nameW, "…")
		line := name + spaces(nameW-textWidth(name)) + " " + fmt.Sprintf("%*d", countW, o.count)
		// What the filter holds already is said in words, the same in
		// --plain.
		if held, negated := inFilter(o.facet); held {
			line += "  in filter"
			if negated {
				line += ", left out"
			}
			line = cut(line, max(width-2, 1), "…")
		}
		if i == p.cursor {
			line = s.Cursor.Render(s.Glyphs.cursor) + s.SelectedName.Render(line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	switch {
	case p.counting:
		lines = append(lines, s.Empty.Render("Counting the projects of each filter…"))
	case len(p.options) == 0:
		lines = append(lines, s.Empty.Render("This catalog offers nothing to filter by."))
	case len(p.shown) == 0:
		lines = append(lines, s.Empty.Render(fmt.Sprintf("No filter matches %q.", p.narrow)))
	}
	return block(strings.Join(lines, "\n"), width, height)
}
