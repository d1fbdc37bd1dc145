// Command minimal is the baseline that issue 5 compares upstream-tui with:
// a bubbles list of a Markdown file's lines and a glamour render of the
// selected one, with nothing else. BenchmarkStartup times its first frame
// beside the app's, on the same machine. It is a module of its own, so
// that upstream-tui does not depend on bubbles' list.
package main

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
)

type item string

func (i item) Title() string       { return string(i) }
func (i item) Description() string { return "" }
func (i item) FilterValue() string { return string(i) }

type app struct {
	list   list.Model
	glam   *glamour.TermRenderer
	detail string
}

func (a app) Init() tea.Cmd { return nil }

func (a app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.list.SetSize(msg.Width/2, msg.Height)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" || msg.String() == "q" {
			return a, tea.Quit
		}
	}
	var cmd tea.Cmd
	a.list, cmd = a.list.Update(msg)
	if it, ok := a.list.SelectedItem().(item); ok {
		a.detail, _ = a.glam.Render("## Detail\n\n" + string(it))
	}
	return a, cmd
}

func (a app) View() tea.View {
	return tea.NewView(lipgloss.JoinHorizontal(lipgloss.Top, a.list.View(), strings.TrimSpace(a.detail)))
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: minimal FILE.md")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var items []list.Item
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) != "" {
			items = append(items, item(line))
		}
	}
	glam, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(60))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	l := list.New(items, list.NewDefaultDelegate(), 70, 40)
	l.Title = "Projects"
	if _, err := tea.NewProgram(app{list: l, glam: glam}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
