package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// What a catalog view does with a health snapshot (health.go makes them):
// its searches and facet counts read the is: facets from it, the list can
// be sorted by its stars and last pushes, and the list's markers and the
// detail show it.

// setHealth shows a new snapshot: the index searches with it, and a query
// that reads it (is:), or a search it would leave behind, is searched
// again, the selection kept; a sorted list is sorted again; facets being
// counted with the old index are counted again.
func (v *catalogView) setHealth(hv *model.HealthView) tea.Cmd {
	v.health = hv
	v.index = v.index.WithHealth(hv)
	v.searcher = v.index.NewSearcher()
	v.picker.facets = nil // the is: facets offered change
	v.gen++
	var cmd tea.Cmd
	if v.picker.counting {
		v.picker.counting = false
		cmd = v.openFacets(v.picker.want)
	}
	if !v.searching && !model.ReadsHealth(v.query) {
		v.refreshList(true)
		return cmd
	}
	if p, ok := v.list.selected(); ok {
		v.pendingSelect = p
	}
	cmd = tea.Batch(cmd, v.applyQuery(v.query))
	v.selectPending()
	return cmd
}

// sortOrders are the orders the sort key cycles through.
var sortOrders = []model.SortOrder{model.SortCatalog, model.SortStars, model.SortPushed}

// cycleSort shows the list in the next order, keeping the selection.
func (v *catalogView) cycleSort() {
	for i, o := range sortOrders {
		if o == v.sort {
			v.sort = sortOrders[(i+1)%len(sortOrders)]
			break
		}
	}
	v.refreshList(true)
}

// sorted returns items in the view's order: as they are for SortCatalog
// (the catalog's order, or a filter's ranking), else sorted in a buffer
// of the view's.
func (v *catalogView) sorted(items []int) []int {
	if v.sort == model.SortCatalog {
		return items
	}
	v.sortBuf = append(v.sortBuf[:0], items...)
	model.SortProjects(v.sortBuf, v.cat, v.health, v.sort)
	return v.sortBuf
}

// sortTitle is what the list title says of the order: "" for the
// catalog's.
func (v *catalogView) sortTitle() string {
	switch v.sort {
	case model.SortStars:
		return " · by stars"
	case model.SortPushed:
		return " · by last push"
	}
	return ""
}

// markerOf is the list's marker for project p's health in a snapshot: the
// words a user scanning the list must see (archived, missing, moved,
// stale), in ASCII, the same at every width and in plain mode; "" for
// the rest.
func markerOf(v *model.HealthView, p int) string {
	switch st := v.Status(p); {
	case st == model.StatusArchived:
		return "[archived]"
	case st == model.StatusMissing:
		return "[missing]"
	case v.Moved(p):
		return "[moved]"
	case st == model.StatusStale:
		return "[stale]"
	}
	return ""
}
