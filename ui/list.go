package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/upstream-tui/upstream-tui/model"
)

// rowHeight is the lines each project takes in the list: name, then goal.
const rowHeight = 2

// projectList is a virtualised list of project indexes: it keeps a cursor
// and a scroll offset and renders only the rows on screen.
type projectList struct {
	items  []int // indexes into the catalog's projects
	cursor int
	offset int // first item on screen
	height int // lines available
}

// setItems replaces the items and selects the project keep when it is
// among them (keep < 0: the first).
func (l *projectList) setItems(items []int, keep int) {
	l.items = items
	l.cursor, l.offset = 0, 0
	if keep >= 0 {
		if i := slices.Index(items, keep); i >= 0 {
			l.cursor = i
		}
	}
	l.clamp()
}

func (l *projectList) selected() (int, bool) {
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return 0, false
	}
	return l.items[l.cursor], true
}

// perPage is how many items fit on screen.
func (l *projectList) perPage() int { return max(1, l.height/rowHeight) }

func (l *projectList) moveBy(n int) {
	l.cursor += n
	l.clamp()
}

func (l *projectList) moveTo(i int) {
	l.cursor = i
	l.clamp()
}

func (l *projectList) setHeight(h int) {
	l.height = h
	l.clamp()
}

// clamp keeps the cursor in range and on screen.
func (l *projectList) clamp() {
	l.cursor = min(max(l.cursor, 0), max(len(l.items)-1, 0))
	per := l.perPage()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+per {
		l.offset = l.cursor - per + 1
	}
	l.offset = min(max(l.offset, 0), max(len(l.items)-per, 0))
}

// itemAt returns the item shown at line y of the list, if any.
func (l *projectList) itemAt(y int) (int, bool) {
	if y < 0 {
		return 0, false
	}
	i := l.offset + y/rowHeight
	if i >= len(l.items) || y/rowHeight >= l.perPage() {
		return 0, false
	}
	return i, true
}

// listRow is what the view needs to draw one project.
type listRow struct {
	project     *model.Project
	matches     []int // rune positions in the name to highlight
	goalMatches []int // rune positions in the goal to highlight
	selected    bool
	marker      string // the repository's health marker (markerOf); "" for none
	// subArea is the project's sub-area in the area on screen (a project
	// listed in several places shows the one of this tab); "" for none.
	subArea string
}

// minMarkedName is the fewest cells a name keeps beside a marker; in a
// row narrower than that, the marker is left out.
const minMarkedName = 6

// renderRow draws one project in two lines of exactly width cells or less.
// Name and goal are cut before they are styled, walked only as far as
// the row. A health marker stays at the right of the first line whatever
// the width, the name giving way to it; the maturity badge follows where
// there is room.
func renderRow(s *styles, r listRow, width int) string {
	p := &s.rows
	cursor := "  "
	nameStyle, goalStyle := p.name, p.goal
	if r.selected {
		cursor = p.cursor.Render(s.Glyphs.cursor)
		nameStyle, goalStyle = p.selectedName, p.selectedGoal
	}
	inner := max(width-2, 0)
	nameRoom, right, rightW := inner, "", 0
	if markW := len(r.marker); markW > 0 && inner >= minMarkedName+1+markW {
		nameRoom, right, rightW = inner-markW-1, p.marker.Render(r.marker), markW
	}
	line1 := cursor + cutHighlighted(r.project.Name, nameRoom, r.matches, nameStyle, p.match)
	nameWidth := fitWidth(r.project.Name, nameRoom)
	if nameWidth < inner {
		badge := r.project.Maturity.Short()
		badgeW := fitWidth(badge, inner)
		if rightW > 0 {
			badgeW++ // the space between marker and badge
		}
		if nameWidth+1+rightW+badgeW <= inner {
			right += spaces(min(rightW, 1)) + p.badgeFor(r.project.Maturity.State).Render(shown(badge))
			rightW += badgeW
			// The sub-area, when the catalog has them, stands before
			// the badge if it fits after the name with room to spare.
			if sub := r.subArea; sub != "" {
				if subW := fitWidth(sub, inner) + 2; nameWidth+2+subW+rightW <= inner {
					right = goalStyle.Render(shown(sub)) + spaces(2) + right
					rightW += subW
				}
			}
		}
	}
	if rightW > 0 {
		line1 += spaces(inner-nameWidth-rightW) + right
	}
	line2 := cursor + cutHighlighted(goalStart(r.project.Goal, inner), inner, r.goalMatches, goalStyle, p.match)
	return line1 + "\n" + line2
}

// cutHighlighted is plain text s cut to w cells with "…", its runes at
// positions highlighted.
func cutHighlighted(s string, w int, positions []int, base, match paint) string {
	const tail = "…"
	prefix, cut := fitPrefix(s, w, 1)
	out := highlight(prefix, positions, base, match)
	if cut && w >= 1 {
		out += base.Render(tail)
	}
	return out
}

// goalStart is the goal as plain text, joined no further than needed to
// fill w cells.
func goalStart(g model.Text, w int) string {
	if len(g) == 1 {
		return g[0].Text
	}
	var b strings.Builder
	room := w
	for _, span := range g {
		prefix, cut := fitPrefix(span.Text, room, 0)
		b.WriteString(prefix)
		if cut {
			// One cluster more, so that the goal shows as cut.
			n, _ := nextCluster(span.Text[len(prefix):])
			b.WriteString(span.Text[len(prefix) : len(prefix)+n])
			break
		}
		room -= fitWidth(prefix, room)
	}
	return b.String()
}

// highlight styles the clusters of plain text s that hold a rune at one
// of the given positions with match, the rest with base, each cluster as
// the screen shows it (shown).
func highlight(s string, positions []int, base, match paint) string {
	if len(positions) == 0 {
		return base.Render(shown(s))
	}
	var b strings.Builder
	var run strings.Builder
	inMatch := false
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if inMatch {
			b.WriteString(match.Render(run.String()))
		} else {
			b.WriteString(base.Render(run.String()))
		}
		run.Reset()
	}
	k, r := 0, 0 // the next position, the rune at i
	for i := 0; i < len(s); {
		n, _ := nextCluster(s[i:])
		c := s[i : i+n]
		end := r + utf8.RuneCountInString(c)
		isMatch := false
		for k < len(positions) && positions[k] < end {
			isMatch = isMatch || positions[k] >= r
			k++
		}
		if isMatch != inMatch {
			flush()
			inMatch = isMatch
		}
		if safe, ok := shownCluster(c); ok {
			c = safe
		}
		run.WriteString(c)
		i, r = i+n, end
	}
	flush()
	return b.String()
}
