package ui

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// tab is one entry of the tab bar: "All" or an area, with its count.
type tab struct {
	name  string
	short string // the name without the words other areas share
	count int
}

// shortNames drops from each name the words that appear in other names too
// ("Kubernetes", "Cloud Native"), which tell the tabs apart least; a name
// that would keep no word with a letter ("1") is kept whole.
func shortNames(names []string) []string {
	seen := map[string]int{}
	for _, n := range names {
		for _, w := range uniqueWords(n) {
			seen[w]++
		}
	}
	out := make([]string, len(names))
	for i, n := range names {
		var kept []string
		for _, w := range strings.Fields(n) {
			if seen[strings.ToLower(w)] < 2 {
				kept = append(kept, w)
			}
		}
		out[i] = n
		if strings.IndexFunc(strings.Join(kept, " "), unicode.IsLetter) >= 0 {
			out[i] = strings.Join(kept, " ")
		}
	}
	return out
}

func uniqueWords(s string) []string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// tabSpan is where a tab was drawn on the tab line, for mouse clicks.
type tabSpan struct{ tab, x0, x1 int }

// minTabName is how far inactive tab names shrink before the bar scrolls.
const minTabName = 6

// layoutTabs draws the tab bar within width. Names shrink to fit, all by
// the same rule whichever tab is active, so that moving between tabs never
// moves them (the list title names the active area in full); when even
// that is too wide the bar scrolls around the active tab, with ‹ and ›
// saying that more tabs are off screen. Each name is walked once, no
// further than the width: the limit names are cut to is worked out from
// the widths of their starts.
func layoutTabs(s *styles, tabs []tab, active, width int) (string, []tabSpan) {
	if width <= 0 || len(tabs) == 0 {
		return "", nil
	}
	labels := make([]string, len(tabs))
	counts := make([]string, len(tabs))
	total := 0
	for i, t := range tabs {
		counts[i] = " " + strconv.Itoa(t.count)
		total += fitWidth(t.name, width) + len(counts[i]) + 2
	}
	if total <= width {
		for i, t := range tabs {
			labels[i] = shown(t.name) + counts[i]
		}
		return drawTabs(s, labels, 0, len(tabs), active, width, false, false)
	}
	cuts := make([]cutWidths, len(tabs))
	longest := 0
	for i, t := range tabs {
		cuts[i] = measureCuts(t.short, width)
		longest = max(longest, cuts[i].whole)
	}
	for limit := min(longest, width); limit >= minTabName; limit-- {
		total := 0
		for i := range tabs {
			total += cuts[i].at(limit) + len(counts[i]) + 2
		}
		if total <= width {
			for i, t := range tabs {
				labels[i] = tabLabel(t, limit)
			}
			return drawTabs(s, labels, 0, len(tabs), active, width, false, false)
		}
	}
	// Scroll: grow a window around the active tab while it fits.
	for i, t := range tabs {
		labels[i] = tabLabel(t, minTabName)
	}
	arrows := 4 // "‹ " and " ›"
	lo, hi := active, active+1
	used := textWidth(labels[active]) + 2
	for grew := true; grew; {
		grew = false
		if hi < len(tabs) && used+textWidth(labels[hi])+2+arrows <= width {
			used += textWidth(labels[hi]) + 2
			hi++
			grew = true
		}
		if lo > 0 && used+textWidth(labels[lo-1])+2+arrows <= width {
			lo--
			used += textWidth(labels[lo]) + 2
			grew = true
		}
	}
	return drawTabs(s, labels, lo, hi, active, width, lo > 0, hi < len(tabs))
}

// cutWidths is how wide a name is shown cut to each limit up to a width,
// from one walk over its start.
type cutWidths struct {
	whole int   // the name's width, or the width+1 when wider
	fits  []int // fits[x]: the width of its longest start within x cells
}

// measureCuts walks name no further than width+1 cells.
func measureCuts(name string, width int) cutWidths {
	c := cutWidths{fits: make([]int, width+1)}
	w, i := 0, 0
	for i < len(name) && w <= width {
		n, cw := nextCluster(name[i:])
		for x := w; x < min(w+cw, width+1); x++ {
			c.fits[x] = w
		}
		w += cw
		i += n
	}
	for x := w; x <= width; x++ {
		c.fits[x] = w
	}
	countWalk(i)
	c.whole = min(w, width+1)
	return c
}

// at is the width of the name cut to limit cells with "…", as tabLabel
// cuts it.
func (c cutWidths) at(limit int) int {
	if c.whole <= limit {
		return c.whole
	}
	return c.fits[limit-1] + 1
}

// tabLabel is a tab's short name cut to limit, and its count.
func tabLabel(t tab, limit int) string {
	return cut(t.short, limit, "…") + " " + strconv.Itoa(t.count)
}

func drawTabs(s *styles, labels []string, lo, hi, active, width int, left, right bool) (string, []tabSpan) {
	var b strings.Builder
	var spans []tabSpan
	x := 0
	if left {
		b.WriteString(s.TabArrow.Render(s.Glyphs.left))
		x += 2
	}
	for i := lo; i < hi; i++ {
		st := s.Tab
		if i == active {
			st = s.ActiveTab
		}
		room := width - x
		if right {
			room -= 2
		}
		label := truncate(labels[i], max(room-2, 0), "…")
		cell := st.Render(label)
		w := textWidth(cell)
		if w > room || room <= 0 {
			break
		}
		b.WriteString(cell)
		spans = append(spans, tabSpan{tab: i, x0: x, x1: x + w})
		x += w
	}
	if right && x+2 <= width {
		b.WriteString(s.TabArrow.Render(s.Glyphs.right))
	}
	return b.String(), spans
}
