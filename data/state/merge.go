package state

import (
	"cmp"
	"slices"

	"github.com/upstream-tui/upstream-tui/model"
)

// merge is what a save writes when the file holds there and the saver
// holds mine: every project either remembers, at the later of its two
// times, most recent first and bounded as model.State bounds it; the last
// tab is the saver's, as it is the one that quit last.
func merge(there, mine model.State) model.State {
	latest := map[string]model.Recent{}
	for _, r := range slices.Concat(there.Recents, mine.Recents) {
		if old, ok := latest[r.Project]; !ok || r.Opened.After(old.Opened) {
			latest[r.Project] = r
		}
	}
	all := make([]model.Recent, 0, len(latest))
	for _, r := range latest {
		all = append(all, r)
	}
	// Oldest first, then each is Opened in turn: the newest ends in front
	// and model.State drops what is over its bound. Equal times keep a
	// fixed order, so that every instance writes the same file.
	slices.SortFunc(all, func(a, b model.Recent) int {
		if c := a.Opened.Compare(b.Opened); c != 0 {
			return c
		}
		return -cmp.Compare(a.Project, b.Project)
	})
	out := model.State{LastTab: mine.LastTab}
	for _, r := range all {
		out.Opened(r.Project, r.Opened)
	}
	return out
}
