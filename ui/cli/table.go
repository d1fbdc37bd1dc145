package cli

import (
	"bufio"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
)

// tableColumn is one column of list's table: its cells, header first, and
// the width it is given.
type tableColumn struct {
	cells []string
	width int
}

// The columns of the table by name, so that the shrink steps read.
const (
	colName = iota
	colArea
	colMaturity
	colGoal
	colOpened // only with --recent
	colSorted // only with --sort stars|pushed
)

// shrinkStep narrows one column to a floor, as far as the terminal needs.
// A column narrowed to nothing leaves the table (with floor 0), and so
// does a column with drop set, whole: a number or a date is never cut.
// distinct keeps the column wide enough that cells that differ still
// differ; shorten, when set, rewrites the cells (and narrows the column
// to the widest) instead of cutting them.
type shrinkStep struct {
	column, floor int
	drop          bool
	distinct      bool
	shorten       func(cells []string) []string
}

// listPlan says how list's table fits a terminal: names stay whole
// longest, as they are what show and open take. The goal is cut first,
// then the area (to its distinctive words, then shorter, never so short
// that two areas read the same), then the goal goes, and only then the
// maturity and the name.
var listPlan = []shrinkStep{
	{column: colGoal, floor: 20}, {column: colArea, shorten: shortNames}, {column: colArea, floor: 12, distinct: true},
	{column: colGoal}, {column: colArea, floor: 1, distinct: true}, {column: colMaturity, floor: 8}, {column: colName, floor: 16},
}

const tableGap = 2

// writeTable writes an aligned table, with an OPENED column when opened is
// given (list --recent) and the column of the order it is sorted by when
// there is one. With width > 0 (a terminal) it fits the width by the
// listPlan; piped, nothing is cut.
func writeTable(w io.Writer, ps []*model.Project, width int, opened []time.Time, now time.Time, sorted sortColumn) error {
	cols := make([]tableColumn, colSorted+1)
	for c, title := range append(append([]string{}, tableColumns...), "OPENED", sorted.title) {
		cols[c].cells = []string{title}
	}
	for i, p := range ps {
		for c, cell := range tableRow(p) {
			cols[c].cells = append(cols[c].cells, cell)
		}
		if i < len(opened) {
			cols[colOpened].cells = append(cols[colOpened].cells, model.Ago(now.Sub(opened[i])))
		}
		if sorted.cell != nil {
			cols[colSorted].cells = append(cols[colSorted].cells, sorted.cell(p))
		}
	}
	order := []int{colName}
	if opened != nil {
		order = append(order, colOpened)
	}
	if sorted.cell != nil {
		order = append(order, colSorted)
	}
	order = append(order, colArea, colMaturity, colGoal)
	for _, c := range order {
		cols[c].width = widest(cols[c].cells)
	}
	if width > 0 {
		fit(cols, order, width, listPlan)
	}
	return writeAligned(w, cols, order, width)
}

// writeAligned writes the columns in order, each cell cut to its
// column's width and padded to it, tableGap apart; a column of width 0
// is left out. With width > 0 each line is cut to it.
func writeAligned(w io.Writer, cols []tableColumn, order []int, width int) error {
	bw := bufio.NewWriter(w)
	for r := range cols[order[0]].cells {
		var line strings.Builder
		for _, c := range order {
			if cols[c].width == 0 {
				continue
			}
			if line.Len() > 0 {
				line.WriteString(strings.Repeat(" ", tableGap))
			}
			cell := ansi.Truncate(cols[c].cells[r], cols[c].width, "…")
			line.WriteString(cell + strings.Repeat(" ", cols[c].width-ansi.StringWidth(cell)))
		}
		text := line.String()
		if width > 0 {
			text = ansi.Truncate(text, width, "")
		}
		bw.WriteString(strings.TrimRight(text, " ") + "\n")
	}
	return bw.Flush()
}

// fit narrows the columns by the plan's steps until the table is width
// columns wide, or as narrow as the steps go.
func fit(cols []tableColumn, order []int, width int, plan []shrinkStep) {
	total := func() int {
		n, shown := 0, 0
		for _, c := range order {
			if cols[c].width > 0 {
				n += cols[c].width
				shown++
			}
		}
		return n + tableGap*max(shown-1, 0)
	}
	for _, step := range plan {
		over := total() - width
		if over <= 0 {
			return
		}
		col := &cols[step.column]
		switch {
		case step.shorten != nil:
			col.cells = append(col.cells[:1:1], step.shorten(col.cells[1:])...)
			col.width = min(col.width, widest(col.cells))
			continue
		case step.drop:
			col.width = 0
			continue
		}
		floor := step.floor
		if step.distinct {
			floor = max(floor, distinctWidth(col.cells[1:]))
		}
		if col.width-over <= 0 && floor == 0 {
			col.width = 0 // the column leaves the table, and its gap with it
			continue
		}
		col.width -= min(over, max(col.width-floor, 0))
	}
}

// shortNames drops from each area name the words the others share, as the
// tabs do; the same name gives the same short name.
func shortNames(cells []string) []string {
	var names []string
	seen := map[string]int{}
	for _, c := range cells {
		if _, ok := seen[c]; !ok {
			seen[c] = len(names)
			names = append(names, c)
		}
	}
	short := ui.ShortAreaNames(names)
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = short[seen[c]]
	}
	return out
}

// distinctWidth is the narrowest width at which cells that differ still
// differ once cut with "…": three areas never all read "Kubernetes …".
func distinctWidth(cells []string) int {
	widest := widest(cells)
	for w := 1; w < widest; w++ {
		cut := map[string]string{}
		clash := false
		for _, c := range cells {
			t := ansi.Truncate(c, w, "…")
			if other, ok := cut[t]; ok && other != c {
				clash = true
				break
			}
			cut[t] = c
		}
		if !clash {
			return w
		}
	}
	return widest
}

func widest(cells []string) int {
	n := 0
	for _, c := range cells {
		n = max(n, ansi.StringWidth(c))
	}
	return n
}
