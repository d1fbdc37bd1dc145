package ui

// The smallest terminal the app draws in; below it a message says so.
const (
	minWidth  = 30
	minHeight = 10
	// wideWidth is where list and detail go side by side.
	wideWidth = 100
)

// Fixed parts of the screen, in lines.
const (
	headerLines = 2 // title, tabs
	helpLines   = 1 // the short help; the status above it takes 1 or more
)

// layout is where each part of the screen goes for the current size and mode.
type layout struct {
	width, height int
	tooSmall      bool
	tabsY         int
	bodyY, bodyH  int
	wide          bool

	listW, listH int // the list block: title, filter line, rows
	listY        int
	listItemsY   int // line of the first row
	listRows     int // lines for rows

	detailX, detailY, detailW, detailH int
}

// layout computes the sizes of the parts from the terminal size. It is
// cheap and pure, so Update and View both call it rather than store it.
func (m *Model) layout() layout {
	l := layout{width: m.width, height: m.height, tabsY: 1}
	if m.width < minWidth || m.height < minHeight {
		l.tooSmall = true
		return l
	}
	l.bodyY = headerLines
	l.bodyH = m.height - headerLines - m.statusLines(m.width) - helpLines
	l.wide = m.width >= wideWidth && !m.opts.Plain // plain: in reading order
	filterLine := 0
	if m.mode == modeFilter || m.view.filtered() {
		filterLine = 1
	}
	l.listY = l.bodyY
	l.listItemsY = l.listY + 1 + filterLine
	if l.wide {
		l.listW = min(max(m.width*2/5, 36), 64)
		l.listH = l.bodyH
		l.detailX = l.listW + 2 // a separator column and a space
		l.detailY = l.bodyY
		l.detailW = m.width - l.detailX
		l.detailH = l.bodyH
	} else {
		l.listW = m.width
		// The detail gets the larger share: its links are what users want.
		l.listH = max(l.bodyH*2/5, 1+filterLine+rowHeight)
		l.detailX = 0
		l.detailY = l.bodyY + l.listH + 1 // a separator line
		l.detailW = m.width
		l.detailH = max(l.bodyH-l.listH-1, 0)
	}
	l.listRows = max(l.listH-1-filterLine, 0)
	return l
}

func (l layout) inList(x, y int) bool {
	return x >= 0 && x < l.listW && y >= l.listItemsY && y < l.listY+l.listH
}

func (l layout) inDetail(x, y int) bool {
	return x >= l.detailX && x < l.detailX+l.detailW && y >= l.detailY && y < l.detailY+l.detailH
}
