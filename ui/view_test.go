package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
)

// TestGoldenViews compares whole screens, escapes stripped, with the files
// in testdata/ (regenerate with go test ./ui -update).
func TestGoldenViews(t *testing.T) {
	readme, err := data.LoadFile(filepath.Join("..", "testdata", "upstream-readme.md"))
	if err != nil {
		t.Fatal(err)
	}
	landscape, err := data.LoadFile(filepath.Join("..", "testdata", "landscape.yml"))
	if err != nil {
		t.Fatal(err)
	}
	landscape.Origin = model.Origin{Kind: model.OriginFile, Name: "landscape.yml"}
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
		opts Options
		cat  *model.Catalog // nil: the embedded one
	}{
		{"start_80x24", 80, 24, nil, Options{}, nil},
		{"start_140x40", 140, 40, nil, Options{}, nil},
		{"gatekeeper_140x40", 140, 40, []string{"/", "g", "a", "t", "e", "k", "enter"}, Options{}, nil},
		{"shared_slack_80x24", 80, 24, []string{"tab", "tab", "j", "j"}, Options{}, nil},
		{"help_80x24", 80, 24, []string{"?"}, Options{}, nil},
		{"help_140x40", 140, 40, []string{"?"}, Options{}, nil},
		{"about_80x24", 80, 24, []string{"a"}, Options{}, nil},
		{"no_match_80x24", 80, 24, []string{"/", "z", "z", "q", "enter"}, Options{}, nil},
		{"too_small_20x5", 20, 5, nil, Options{}, nil},
		{"facets_80x24", 80, 24, []string{"/", "c", "s", "i", "enter", "f"}, Options{}, nil},
		{"facets_narrowed_140x40", 140, 40, []string{"f", "/", "s", "t"}, Options{}, nil},
		{"no_browser_80x24", 80, 24, []string{"s"}, Options{Opener: func(string) error { return noBrowserError{"this is an SSH session and $BROWSER is not set"} }}, nil},
		{"elsewhere_80x24", 80, 24, []string{"/", "g", "a", "t", "e", "k"}, Options{Area: "Container Runtime"}, nil},
		{"elsewhere_140x40", 140, 40, []string{"/", "g", "a", "t", "e", "k"}, Options{Area: "Container Runtime"}, nil},
		{"elsewhere_kept_80x24", 80, 24, []string{"/", "g", "a", "t", "e", "k", "enter"}, Options{Area: "Container Runtime"}, nil},
		{"mentioned_80x24", 80, 24, []string{"ctrl+d"}, Options{Query: "smi"}, readme},
		{"mentioned_140x40", 140, 40, nil, Options{Query: "blobfuse"}, readme},
		// The CNCF Landscape: 15 areas, sub-areas in the list, dates and
		// a derived link in the detail, a project in several tabs.
		{"landscape_80x24", 80, 24, nil, Options{}, landscape},
		{"landscape_200x50", 200, 50, nil, Options{}, landscape},
		{"landscape_tab_80x24", 80, 24, []string{"tab", "tab", "tab"}, Options{}, landscape},
		{"landscape_akri_200x50", 200, 50, nil, Options{Query: "akri"}, landscape},
		{"landscape_wasm_200x50", 200, 50, []string{"/", "k", "u", "b", "e", "r", "n", "e", "t", "e", "s", "enter"}, Options{Area: "Wasm"}, landscape},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m Model
			if tc.cat != nil {
				m = update(t, newApp(tc.cat, tc.opts), tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			} else {
				m, _ = newTestModel(t, tc.w, tc.h, tc.opts)
			}
			m, _ = press(t, m, tc.keys...)
			out := screen(m)
			checkFits(t, m.View().Content, tc.w, tc.h)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// checkFits fails when the view has a line wider than w or more than h lines.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if view != "" && len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, line := range lines {
		if len(line) <= w {
			continue // no character is wider than its bytes
		}
		if lw := ansi.StringWidth(line); lw > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i, lw, ansi.Strip(line))
			return
		}
	}
}

// TestEverySizeFits resizes through small and large terminals, up to
// 500x200, in every mode, on the embedded catalog and on one of wide,
// combining and emoji names, and checks that nothing panics and nothing is
// drawn outside.
func TestEverySizeFits(t *testing.T) {
	var sizes [][2]int
	for w := 0; w <= 40; w++ {
		for _, h := range []int{0, 1, 2, 5, 9, 10, 11, 24} {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	for w := 41; w <= 500; w += 23 {
		for h := 0; h <= 200; h += 29 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{99, 30}, [2]int{100, 30}, [2]int{500, 200}, [2]int{1, 1})
	wide, err := data.LoadFile(filepath.Join("..", "testdata", "hostile", "cjk-emoji.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range []*model.Catalog{testCatalog(t), wide} {
		for _, keys := range [][]string{nil, {"/", "c", "s", "i"}, {"/", "a", "enter", "G"}, {"?"}, {"a"}, {"tab", "tab", "j", "j", "j"}} {
			m := newApp(cat, Options{Opener: func(string) error { return nil }})
			m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			m, _ = press(t, m, keys...)
			for _, s := range sizes {
				m = update(t, m, tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				checkFits(t, m.View().Content, s[0], s[1])
			}
		}
	}
}

func TestMouse(t *testing.T) {
	m, _ := newTestModel(t, 140, 40, Options{})
	l := m.layout()
	// Click the second row of the list.
	m = update(t, m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 5, Y: l.listItemsY + rowHeight + 1})
	if got := selectedName(m); got != "Cluster API Azure Provider" {
		t.Errorf("click selected %q", got)
	}
	// The wheel over the list moves the selection.
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 5, Y: l.listItemsY})
	if got := selectedName(m); got != "In-tree (legacy)" {
		t.Errorf("wheel selected %q", got)
	}
	// A click on a tab selects it.
	_, spans := layoutTabs(&m.styles, m.view.tabs, m.view.active, l.width)
	m = update(t, m, tea.MouseClickMsg{Button: tea.MouseLeft, X: spans[3].x0 + 1, Y: l.tabsY})
	if m.view.active != 3 {
		t.Errorf("tab click went to tab %d", m.view.active)
	}
	// The wheel over the detail scrolls it.
	m = update(t, m, tea.WindowSizeMsg{Width: 140, Height: 12})
	l = m.layout()
	m = update(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: l.detailX + 2, Y: l.detailY + 1})
	if m.view.detail.YOffset() == 0 {
		t.Error("the wheel did not scroll the detail")
	}
}

// TestTabsStayPut: the tab bar fits, moving between tabs never moves the
// tabs where they all fit, and the active tab is on the bar and named in
// full in the list title.
func TestTabsStayPut(t *testing.T) {
	s := newStyles(true, false, false)
	m, _ := newTestModel(t, 80, 24, Options{})
	for _, w := range []int{30, 50, 80, 120, 200} {
		var first string
		for active := range m.view.tabs {
			line, spans := layoutTabs(&s, m.view.tabs, active, w)
			plain := ansi.Strip(line)
			if ansi.StringWidth(plain) > w {
				t.Errorf("tab bar %d wide at %d", ansi.StringWidth(plain), w)
			}
			scrolls := strings.Contains(plain, s.Glyphs.left) || strings.Contains(plain, s.Glyphs.right)
			if active == 0 {
				first = plain
			} else if plain != first && !scrolls {
				t.Errorf("width %d: the tabs moved when tab %d became active:\n%q\n%q", w, active, first, plain)
			}
			found := false
			for _, sp := range spans {
				found = found || sp.tab == active
			}
			if !found {
				t.Errorf("active tab %d has no span at width %d", active, w)
			}
		}
	}
	for active := 1; active < len(m.view.tabs); active++ {
		m.view.setTab(active)
		if title, name := m.view.listTitle(), m.view.tabs[active].name; !strings.HasPrefix(title, name) {
			t.Errorf("list title %q does not name %q", title, name)
		}
	}
}

func TestShortNames(t *testing.T) {
	got := shortNames([]string{"Kubernetes Cluster Management", "Kubernetes Azure Cloud Provider", "Container Runtime", "Cloud Native Service Mesh", "Cloud Native", "Storage Mesh 1", "Storage Mesh 2"})
	want := []string{"Cluster Management", "Azure Provider", "Container Runtime", "Service", "Cloud Native", "Storage Mesh 1", "Storage Mesh 2"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("shortNames = %q", got)
	}
}

// TestEndToEnd runs the app in a Bubble Tea program, types /gatek, enter,
// s, and checks what the injected opener was asked to open.
func TestEndToEnd(t *testing.T) {
	opened := make(chan string, 1)
	m := newApp(testCatalog(t), Options{Opener: func(url string) error {
		opened <- url
		return nil
	}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	tm.Type("/gatek")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("s")
	select {
	case url := <-opened:
		if url != "https://openpolicyagent.slack.com/archives/CDTN970AX" {
			t.Errorf("opened %q", url)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the opener was never called")
	}
	// The status line is checked by the Update tests: the renderer writes
	// only changed cells, so screen text cannot be matched whole here.
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if selectedName(final) != "OPA Gatekeeper" || final.view.query != "gatek" {
		t.Errorf("final selection %q, query %q", selectedName(final), final.view.query)
	}
}

func TestDetailScrolls(t *testing.T) {
	m, _ := newTestModel(t, 140, 14, Options{})
	for _, tc := range []struct {
		key  string
		down bool // scrolled down after it, or back at the top
	}{{"ctrl+d", true}, {"ctrl+u", false}, {"pgdown", true}, {"pgup", false}} {
		m, _ = press(t, m, tc.key)
		if got := m.view.detail.YOffset() > 0; got != tc.down {
			t.Errorf("after %s the detail is at offset %d", tc.key, m.view.detail.YOffset())
		}
	}
	// Moving to another project shows its detail from the top.
	m, _ = press(t, m, "ctrl+d", "j")
	if m.view.detail.YOffset() != 0 {
		t.Errorf("a new project's detail starts at offset %d", m.view.detail.YOffset())
	}
}

func TestHighlight(t *testing.T) {
	base, match := newPaint(lipgloss.NewStyle()), newPaint(lipgloss.NewStyle().Bold(true))
	got := highlight("OPA Gatekeeper", []int{4, 5, 13}, base, match)
	if ansi.Strip(got) != "OPA Gatekeeper" {
		t.Errorf("text changed: %q", ansi.Strip(got))
	}
	if want := match.Render("Ga"); !strings.Contains(got, want) || !strings.HasSuffix(got, match.Render("r")) {
		t.Errorf("highlight = %q, want %q and a bold r", got, want)
	}
	// Positions are runes, not bytes.
	if got := highlight("Ærø CSI", []int{1}, base, match); !strings.Contains(got, match.Render("r")) {
		t.Errorf("rune highlight = %q", got)
	}
}

// TestCutTextEndsWithEllipsis: the header and the list title, cut for the
// width, end with "…".
func TestCutTextEndsWithEllipsis(t *testing.T) {
	st := model.State{Recents: []model.Recent{{Project: "Containerd", Opened: time.Now()}}}
	m, _ := newTestModel(t, 40, 24, Options{RecentFirst: true, State: st})
	lines := strings.Split(screen(m), "\n")
	for _, i := range []int{0, 2} { // the title, the list title
		if line := strings.TrimRight(lines[i], " "); !strings.HasSuffix(line, "…") {
			t.Errorf("line %d cut without …: %q", i, line)
		}
	}
}

// TestListTitleCountsInEnglish: an area of one project says so.
func TestListTitleCountsInEnglish(t *testing.T) {
	m, _ := newTestModel(t, 100, 30, Options{Area: "Cloud Native Service Mesh"})
	if s := screen(m); !strings.Contains(s, "· 1 project") || strings.Contains(s, "1 projects") {
		t.Errorf("list title:\n%s", s)
	}
}

// TestRowShowsThePlaceOfItsTab: a project listed in two areas shows, on
// each area's tab, its sub-area there (Kyverno is under Security &
// Compliance first, and under AI Native Infra's Governance, Policy &
// Security too).
func TestRowShowsThePlaceOfItsTab(t *testing.T) {
	cat, err := data.LoadFile(filepath.Join("..", "testdata", "landscape.yml"))
	if err != nil {
		t.Fatal(err)
	}
	m := newApp(cat, Options{})
	m = update(t, m, tea.WindowSizeMsg{Width: 200, Height: 60})
	kyverno := func(m Model) string {
		for _, line := range strings.Split(ansi.Strip(m.View().Content), "\n") {
			if strings.Contains(line, "Kyverno ") {
				return line
			}
		}
		return ""
	}
	for _, tc := range []struct{ area, sub string }{
		{"Provisioning", "Security & Compliance"},
		{"AI Native Infra", "Governance, Policy & Security"},
	} {
		m.view.setTab(m.view.areaTab[tc.area])
		m.view.refreshList(false)
		if line := kyverno(m); !strings.Contains(line, tc.sub) {
			t.Errorf("on %s, Kyverno's row %q; want its sub-area there, %q", tc.area, line, tc.sub)
		}
	}
}
