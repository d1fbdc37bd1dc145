package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
)

// View draws the whole screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	// No window title: nothing would restore the user's on exit.
	return v
}

// render draws the screen as text, never wider or taller than the terminal.
func (m *Model) render() string {
	l := m.layout()
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	if l.tooSmall {
		msg := fmt.Sprintf("Terminal too small (%dx%d): upstream-tui needs %dx%d.", l.width, l.height, minWidth, minHeight)
		return fit(wrapWords(msg, l.width), l.width, l.height)
	}
	var body []string
	switch m.mode {
	case modeHelp:
		body = m.helpPane.view()
	case modeAbout:
		body = m.view.about.view()
	case modeFacets, modeFacetFilter:
		body = m.view.picker.view(&m.styles, &m.keys, m.mode == modeFacetFilter, m.view.query, l.width, l.bodyH)
	default:
		body = m.viewBody(l)
	}
	lines := make([]string, 0, l.height)
	lines = append(lines, m.viewHeader(l.width)...)
	lines = append(lines, body...) // built to the width already
	lines = append(lines, m.viewStatus(l.width)...)
	lines = append(lines, m.viewHelp(l.width)...)
	return strings.Join(lines[:min(len(lines), l.height)], "\n")
}

// viewHeader is the title and the tab bar, drawn again only when the width,
// the tab, the counts or the theme change.
func (m *Model) viewHeader(width int) []string {
	key := [4]int{width, m.view.active, m.gen, m.view.gen}
	if m.frame.header == nil || m.frame.headerKey != key {
		m.frame.header = []string{fitLine(m.viewTitle(width), width), fitLine(m.viewTabs(width), width)}
		m.frame.headerKey = key
	}
	return m.frame.header
}

// viewHelp is the short help line, drawn again only when the bindings in
// force, the width or the theme change.
func (m *Model) viewHelp(width int) []string {
	filtered := 0
	if m.view.filtered() {
		filtered = 1
	}
	if m.keys.AllMatches.Enabled() {
		filtered = 2
	}
	key := [4]int{width, int(m.mode), filtered, m.gen}
	if m.frame.help == nil || m.frame.helpKey != key {
		m.frame.help = []string{fitLine(m.shortHelp(width), width)}
		m.frame.helpKey = key
	}
	return m.frame.help
}

// shortHelp is the short help line within width: the bindings in force,
// in the short help's order, as many as fit taken by rank, so that a
// binding is dropped whole rather than cut in the middle.
func (m *Model) shortHelp(width int) string {
	h := m.help
	h.SetWidth(0) // measured here; the help model would cut with "…"
	keep := map[*key.Binding]bool{}
	line := func() string {
		var bs []key.Binding
		for _, b := range m.keys.shortHelp() {
			if keep[b] {
				bs = append(bs, *b)
			}
		}
		return h.ShortHelpView(bs)
	}
	for _, b := range m.keys.shortHelpRanked() {
		if !b.Enabled() {
			continue
		}
		keep[b] = true
		if textWidth(line()) > width {
			delete(keep, b)
		}
	}
	return line()
}

// viewTitle is the program's name, the catalog's title and where it came
// from, each cut to the width before it is styled. A rate limit on health
// checks comes first on the right, and the catalog's title gives way to
// it.
func (m *Model) viewTitle(width int) string {
	const name = "upstream-tui"
	text := m.view.origin
	if m.loading {
		text += " · loading…"
	}
	room, textRoom := width-len(name+" · "), width
	if note := m.healthNote(); note != "" {
		text = strings.Join(nonEmpty(note, text), " · ")
		textRoom = max(width-len(name)-2, 0)
		room -= min(textWidth(text), textRoom) + 2
	}
	title := m.styles.Title.Render(name)
	if m.view.cat.Title != "" && room > 0 {
		title += m.styles.TitleInfo.Render(" · " + cut(m.view.cat.Title, max(room, 0), "…"))
	}
	source := m.styles.TitleInfo.Render(cut(text, textRoom, "…"))
	gap := width - textWidth(title) - textWidth(source)
	if text == "" || gap < 2 {
		return title
	}
	return title + strings.Repeat(" ", gap) + source
}

func (m *Model) viewTabs(width int) string {
	s, _ := layoutTabs(&m.styles, m.view.tabs, m.view.active, width)
	return s
}

// viewBody draws the list and the detail, side by side or stacked.
func (m *Model) viewBody(l layout) []string {
	list := block(m.viewList(l), l.listW, l.listH)
	detail := m.view.detail.view()
	if !l.wide {
		sep := m.styles.Separator.Render(strings.Repeat(m.styles.Glyphs.rule, l.width))
		return append(append(list, sep), detail...)
	}
	sep := m.styles.Separator.Render(m.styles.Glyphs.column) + " "
	out := make([]string, l.bodyH)
	for i := range out {
		out[i] = list[i] + sep + detail[i]
	}
	return out
}

// viewList draws the list block: its title, the filter, and the rows on screen.
func (m *Model) viewList(l layout) string {
	var b strings.Builder
	b.WriteString(m.styles.ListTitle.Render(m.view.listTitleWithin(l.listW)))
	if m.mode == modeFilter {
		b.WriteString("\n" + m.input.View())
	} else if m.view.filtered() {
		b.WriteString("\n" + m.styles.Prompt.Render("/ ") + m.view.query)
	}
	if len(m.view.list.items) == 0 {
		msg := "No projects in this area."
		st := m.styles.Empty
		switch {
		case m.view.queryErr != nil:
			msg, st = m.view.queryErr.Error(), m.styles.StatusError
		case m.view.filtered():
			msg = fmt.Sprintf("No projects match %q here.", m.view.query) + m.elsewhereHint()
			if m.health == nil && model.ReadsHealth(m.view.query) {
				msg += " Repository health is off (health = false in the config): every project is is:unknown."
			}
		}
		b.WriteString("\n" + st.Render(wrapWords(msg, l.listW)))
		return b.String()
	}
	end := min(m.view.list.offset+m.view.list.perPage(), len(m.view.list.items))
	for i := m.view.list.offset; i < end; i++ {
		p := m.view.list.items[i]
		row := listRow{project: &m.view.cat.Projects[p], selected: i == m.view.list.cursor}
		row.marker = markerOf(m.view.health, p)
		row.subArea = row.project.PlaceIn(m.view.areaName()).SubArea
		if m.view.filtered() {
			row.matches, row.goalMatches = m.view.index.Positions(p, m.view.query)
		}
		b.WriteString("\n" + renderRow(&m.styles, row, l.listW))
	}
	return b.String()
}

// elsewhereHint says where a filter's matches are when the tab shown has
// none, and the key that goes there while it is typed: " 2 matches in All:
// tab".
func (m *Model) elsewhereHint() string {
	n := m.view.matchesElsewhere()
	if n == 0 {
		return ""
	}
	hint := fmt.Sprintf(" %d matches in %s", n, AllTab)
	if n == 1 {
		hint = fmt.Sprintf(" 1 match in %s", AllTab)
	}
	if m.keys.AllMatches.Enabled() {
		return hint + ": " + m.keys.AllMatches.Help().Key
	}
	return hint + "."
}

// listTitle names the current tab in full, so the area's whole name is on
// screen even when its tab is shortened.
func (v *catalogView) listTitle() string {
	name, rest := v.listTitleParts()
	return name + rest
}

// listTitleWithin is the list title within width: a name too long for it
// is cut so that what follows it (the count) stays on screen where there
// is room for both.
func (v *catalogView) listTitleWithin(width int) string {
	name, rest := v.listTitleParts()
	restW := textWidth(rest)
	if room := width - restW; room >= minTabName {
		return cut(name, room, "…") + rest
	}
	return cut(name+rest, width, "…")
}

// listTitleParts is the list title: the tab's name and what follows it.
func (v *catalogView) listTitleParts() (name, rest string) {
	name = v.tabs[v.active].name
	if v.active == 0 {
		name = "All areas"
	}
	switch {
	case v.searching:
		return name, " · searching…"
	case v.filtered():
		return name, fmt.Sprintf(" · %d of %d match", len(v.list.items), len(v.tabItems[v.active])) + v.sortTitle()
	case v.recentFirst():
		return name, " · " + model.Count(len(v.list.items), "project") + " · recently opened first" + v.sortTitle()
	}
	return name, " · " + model.Count(len(v.list.items), "project") + v.sortTitle()
}

// viewFullHelp draws every binding that works in some mode, each with
// all its keys, in titled sections: a section's groups side by side as far
// as the width allows, in as many rows as it takes.
func (m *Model) viewFullHelp(width int) string {
	keys := m.keys
	keys.enableAll()
	h := m.help
	h.SetWidth(0) // no limit: measure, then start a new row where it is too wide
	var out []string
	for _, s := range keys.helpSections() {
		var rows []string
		var row [][]key.Binding
		for _, g := range withFullLabels(s.groups) {
			if len(row) > 0 && widest(h.FullHelpView(append(row, g))) > width {
				rows = append(rows, h.FullHelpView(row))
				row = nil
			}
			row = append(row, g)
		}
		rows = append(rows, h.FullHelpView(row))
		out = append(out, m.styles.ListTitle.Render(s.title)+"\n\n"+strings.Join(rows, "\n\n"))
	}
	return strings.Join(out, "\n\n")
}

// block cuts or pads s to exactly h lines of at most w cells ("…" ending
// a line cut), padding each
// line with spaces to w so that blocks can be joined side by side.
func block(s string, w, h int) []string {
	lines := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		line := ""
		if i < len(lines) {
			line = truncate(lines[i], w, "…")
		}
		if pad := w - textWidth(line); pad > 0 {
			line += strings.Repeat(" ", pad)
		}
		out[i] = line
	}
	return out
}

// fit cuts s to at most h lines of at most w cells.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, line := range lines {
		lines[i] = fitLine(line, w)
	}
	return strings.Join(lines, "\n")
}

// fitLine cuts a line to at most w cells, ending it with "…" when cut.
func fitLine(line string, w int) string {
	if len(line) <= w { // no rune is wider than its bytes
		return line
	}
	if textWidth(line) > w {
		return truncate(line, w, "…")
	}
	return line
}

// wrapWords wraps plain text to width, breaking long words.
func wrapWords(s string, width int) string {
	return ansi.Wrap(s, max(width, 1), "")
}

// spaces returns n spaces.
func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// widest returns the width of the widest line of s.
func widest(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, textWidth(line))
	}
	return w
}
