package ui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles is every style the views use, built once per theme.
type styles struct {
	Title, TitleInfo             lipgloss.Style
	Tab, ActiveTab, TabArrow     lipgloss.Style
	ListTitle                    lipgloss.Style
	Name, SelectedName, Match    lipgloss.Style
	Goal, SelectedGoal           lipgloss.Style
	Cursor                       lipgloss.Style
	Badge                        map[string]lipgloss.Style
	BadgeDefault                 lipgloss.Style
	Separator                    lipgloss.Style
	Marker                       lipgloss.Style // a repository's health in the list
	Status, StatusError, Counter lipgloss.Style
	Prompt, Empty                lipgloss.Style
	Help                         help.Styles
	Glyphs                       glyphs

	// rows holds the list's styles as painters: drawn on every frame for
	// every row, they are too hot for lipgloss.
	rows rowPaints
}

// rowPaints are the painters of a list row.
type rowPaints struct {
	cursor, name, selectedName, match, goal, selectedGoal paint
	badge                                                 map[string]paint
	badgeDefault                                          paint
	marker                                                paint
}

// glyphs are the characters that draw the frame: box drawing, or ASCII
// in plain mode.
type glyphs struct {
	cursor, rule, column, left, right string
}

var (
	boxGlyphs   = glyphs{cursor: "▌ ", rule: "─", column: "│", left: "‹ ", right: " ›"}
	asciiGlyphs = glyphs{cursor: "> ", rule: "-", column: "|", left: "< ", right: " >"}
)

// paint is a simple style (colours, bold, underline) taken apart once into
// the escape sequences before and after its text.
type paint struct{ open, close string }

func newPaint(st lipgloss.Style) paint {
	out := st.Render("x") // SGR sequences hold no "x"
	i := strings.IndexByte(out, 'x')
	return paint{open: out[:i], close: out[i+1:]}
}

// Render paints s.
func (p paint) Render(s string) string { return p.open + s + p.close }

// newStyles builds the styles for a dark or light background; noColor
// drops every colour (NO_COLOR) and keeps only bold, underline and
// reverse; plain also draws with ASCII and marks the active tab with
// brackets, for screen readers and dumb terminals.
func newStyles(isDark, noColor, plain bool) styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		if noColor || plain {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#5A3FD9", "#A48CFF")
	muted := c("#6B6B6B", "#8A8A8A")
	text := c("#1A1A1A", "#E6E6E6")
	fg := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(col) }

	s := styles{
		Title:        fg(accent).Bold(true),
		TitleInfo:    fg(muted),
		Tab:          fg(muted).Padding(0, 1),
		ActiveTab:    fg(c("#FFFFFF", "#1A1A1A")).Background(accent).Bold(true).Padding(0, 1),
		TabArrow:     fg(accent).Bold(true),
		ListTitle:    fg(text).Bold(true),
		Name:         fg(text),
		SelectedName: fg(accent).Bold(true),
		Match:        fg(c("#C2185B", "#FF79C6")).Underline(true),
		Goal:         fg(muted),
		SelectedGoal: fg(text),
		Cursor:       fg(accent).Bold(true),
		BadgeDefault: fg(muted),
		Separator:    fg(c("#C8C8C8", "#444444")),
		Marker:       fg(c("#C62828", "#FF6B6B")),
		Status:       fg(text),
		StatusError:  fg(c("#C62828", "#FF6B6B")).Bold(true),
		Counter:      fg(muted),
		Prompt:       fg(accent).Bold(true),
		Empty:        fg(muted).Italic(true),
		Help:         help.DefaultStyles(isDark),
	}
	s.Glyphs = boxGlyphs
	switch {
	case plain:
		s.ActiveTab = lipgloss.NewStyle().Bold(true).Transform(func(t string) string { return "[" + t + "]" })
		s.Help = help.Styles{}
		s.Glyphs = asciiGlyphs
	case noColor:
		s.ActiveTab = lipgloss.NewStyle().Reverse(true).Bold(true).Padding(0, 1)
		s.Help = help.Styles{}
	}
	s.Badge = map[string]lipgloss.Style{
		"graduated":  fg(c("#2E7D32", "#7EE787")),
		"stable":     fg(c("#2E7D32", "#7EE787")),
		"incubating": fg(c("#1565C0", "#79C0FF")),
		"beta":       fg(c("#1565C0", "#79C0FF")),
		"sandbox":    fg(c("#B26A00", "#E3B341")),
		"alpha":      fg(c("#B26A00", "#E3B341")),
	}
	s.rows = rowPaints{
		cursor: newPaint(s.Cursor), name: newPaint(s.Name), selectedName: newPaint(s.SelectedName),
		match: newPaint(s.Match), goal: newPaint(s.Goal), selectedGoal: newPaint(s.SelectedGoal),
		badge: map[string]paint{}, badgeDefault: newPaint(s.BadgeDefault), marker: newPaint(s.Marker),
	}
	for state, st := range s.Badge {
		s.rows.badge[state] = newPaint(st)
	}
	return s
}

// badge returns the painter for a maturity state.
func (p rowPaints) badgeFor(state string) paint {
	if b, ok := p.badge[state]; ok {
		return b
	}
	return p.badgeDefault
}
