package ui

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

// recorder is an Opener that records the URLs it is asked to open.
type recorder struct {
	urls []string
	err  error
}

func (r *recorder) open(url string) error {
	r.urls = append(r.urls, url)
	return r.err
}

func testCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newTestModel returns the app on the embedded catalog at a size, with a
// recording opener.
func newTestModel(t testing.TB, w, h int, opts Options) (Model, *recorder) {
	t.Helper()
	rec := &recorder{}
	if opts.Opener == nil {
		opts.Opener = rec.open
	}
	m := newApp(testCatalog(t), opts)
	m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, rec
}

// newApp is New, unless opts says otherwise drawing Markdown as the real
// app does, and with a delayed message (a status message's expiry) coming
// at once, for the test to hold back (runCmd does: tests look at the
// screen as the key left it) or send.
func newApp(cat *model.Catalog, opts Options) Model {
	if opts.Markdown == nil {
		opts.Markdown = render.New
	}
	if opts.After == nil {
		opts.After = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(time.Time{}) }
		}
	}
	return New(cat, opts)
}

// update sends a message, leaving the commands it returns unrun but for
// the renders of the detail and the prose, as if they had arrived.
func update(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := m.Update(msg)
	return rendered(next.(Model))
}

// rendered renders what m asked to render in commands, as if their
// messages had arrived.
func rendered(m Model) Model {
	r := m.view.renderer
	for len(r.requested) > 0 {
		for k, render := range r.requested {
			next, _ := m.Update(renderedMsg{renderer: r, key: k, text: render()})
			m = next.(Model)
		}
	}
	return m
}

// keyMsg turns a key name as bubbletea prints it into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"backspace": {Code: tea.KeyBackspace},
		"ctrl+a":    {Code: 'a', Mod: tea.ModCtrl},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+f":    {Code: 'f', Mod: tea.ModCtrl},
		"ctrl+b":    {Code: 'b', Mod: tea.ModCtrl},
	}
	if msg, ok := special[k]; ok {
		return msg
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys one by one and runs the commands they return, feeding
// their messages back, as the program would. It returns the messages the
// commands produced that the model does not take (quit, clipboard).
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		m, out = runCmd(t, m, cmd, out)
	}
	return m, out
}

func runCmd(t testing.TB, m Model, cmd tea.Cmd, out []tea.Msg) (Model, []tea.Msg) {
	if cmd == nil {
		return m, out
	}
	switch msg := cmd().(type) {
	case statusExpiredMsg:
		return m, out // the time has not come: TestStatusExpires sends it
	case openedMsg, searchDoneMsg, catalogLoadedMsg, facetsCountedMsg, renderedMsg,
		healthLoadedMsg, healthRestedMsg, healthCheckedMsg, healthViewMsg:
		next, cmd := m.Update(msg)
		return runCmd(t, next.(Model), cmd, out)
	case tea.BatchMsg:
		for _, c := range msg {
			m, out = runCmd(t, m, c, out)
		}
		return m, out
	case nil:
		return m, out
	default:
		return m, append(out, msg)
	}
}

func selectedName(m Model) string {
	p, _, ok := m.view.selectedProject()
	if !ok {
		return ""
	}
	return p.Name
}

func screen(m Model) string { return ansi.Strip(m.View().Content) }

func hasQuit(msgs []tea.Msg) bool {
	for _, msg := range msgs {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestUpdateKeys(t *testing.T) {
	for _, tc := range []struct {
		name     string
		keys     []string
		tab      int
		query    string
		mode     mode
		selected string
		items    int
		status   string // a part of the status line
		opened   []string
		quit     bool
	}{
		{name: "start", tab: 0, selected: "AKS Engine", items: 18},
		{name: "down", keys: []string{"j", "down"}, selected: "In-tree (legacy)", items: 18},
		{name: "up stops at top", keys: []string{"k", "up"}, selected: "AKS Engine", items: 18},
		{name: "bottom and top", keys: []string{"G"}, selected: "Service Mesh Interface (SMI)", items: 18},
		{name: "top", keys: []string{"G", "g"}, selected: "AKS Engine", items: 18},
		{name: "page down", keys: []string{"ctrl+f"}, items: 18, selected: "AAD Pod Identity"},
		{name: "next tab", keys: []string{"tab"}, tab: 1, selected: "AKS Engine", items: 2},
		{name: "right and l", keys: []string{"right", "l"}, tab: 2, selected: "In-tree (legacy)", items: 5},
		{name: "prev tab wraps", keys: []string{"shift+tab"}, tab: 6, selected: "Service Mesh Interface (SMI)", items: 1},
		{name: "left and h", keys: []string{"left", "h"}, tab: 5, selected: "AAD Pod Identity", items: 5},
		{name: "tab keeps the project", keys: []string{"tab", "j", "shift+tab"}, tab: 0, selected: "Cluster API Azure Provider", items: 18},
		{name: "typing a filter", keys: []string{"/", "g", "a", "t", "e", "k"}, query: "gatek", mode: modeFilter, selected: "OPA Gatekeeper", items: 1},
		{name: "fuzzy", keys: []string{"/", "g", "t", "k", "p", "r", "enter"}, query: "gtkpr", selected: "OPA Gatekeeper", items: 1},
		{name: "letters go to the filter", keys: []string{"/", "q", "s", "j", "?"}, query: "qsj?", mode: modeFilter, items: 0},
		{name: "backspace", keys: []string{"/", "c", "s", "i", "x", "backspace"}, query: "csi", mode: modeFilter, selected: "Azure Disk CSI Driver", items: 7},
		{name: "arrows move while filtering", keys: []string{"/", "c", "s", "i", "down"}, query: "csi", mode: modeFilter, selected: "Azure File CSI Driver", items: 7},
		{name: "enter keeps the filter", keys: []string{"/", "c", "s", "i", "enter", "j"}, query: "csi", selected: "Azure File CSI Driver", items: 7},
		{name: "esc clears while typing", keys: []string{"/", "c", "s", "i", "esc"}, selected: "AKS Engine", items: 18},
		{name: "esc clears a kept filter", keys: []string{"/", "c", "s", "i", "enter", "esc"}, selected: "AKS Engine", items: 18},
		{name: "filter within a tab", keys: []string{"tab", "tab", "/", "c", "s", "i"}, tab: 2, query: "csi", mode: modeFilter, selected: "Azure Disk CSI Driver", items: 3},
		{name: "open homepage", keys: []string{"enter"}, selected: "AKS Engine", items: 18, opened: []string{"https://github.com/Azure/aks-engine"}, status: "Opened https://github.com/Azure/aks-engine"},
		{name: "o opens homepage", keys: []string{"o"}, selected: "AKS Engine", items: 18, opened: []string{"https://github.com/Azure/aks-engine"}},
		{name: "slack and issues", keys: []string{"/", "g", "a", "t", "e", "k", "enter", "s", "i"}, query: "gatek", selected: "OPA Gatekeeper", items: 1,
			opened: []string{"https://openpolicyagent.slack.com/archives/CDTN970AX", "https://github.com/open-policy-agent/gatekeeper/issues"}},
		{name: "no mailing list", keys: []string{"/", "g", "a", "t", "e", "k", "enter", "m"}, query: "gatek", selected: "OPA Gatekeeper", items: 1,
			status: "OPA Gatekeeper has no mailing list"},
		{name: "inherited slack", keys: []string{"tab", "tab", "j", "j", "s", "m"}, tab: 2, selected: "Azure Disk CSI Driver", items: 5,
			opened: []string{"https://kubernetes.slack.com/archives/C5HJXTT9Q", "https://groups.google.com/forum/#!forum/kubernetes-provider-azure"}},
		{name: "docs", keys: []string{"d"}, selected: "AKS Engine", items: 18, opened: []string{"https://docs.microsoft.com/en-us/azure/aks/"}},
		{name: "numbered link", keys: []string{"2", "5"}, selected: "AKS Engine", items: 18,
			opened: []string{"https://kubernetes.slack.com/archives/CU3N85WJK", "https://docs.microsoft.com/en-us/azure-stack/user/azure-stack-kubernetes-aks-engine-overview"}},
		{name: "no such number", keys: []string{"9"}, selected: "AKS Engine", items: 18, status: "AKS Engine has no link 9 (it has 5 links)"},
		{name: "help", keys: []string{"?"}, mode: modeHelp, selected: "AKS Engine", items: 18},
		{name: "help closes", keys: []string{"?", "?"}, selected: "AKS Engine", items: 18},
		{name: "help closes with esc", keys: []string{"?", "esc"}, selected: "AKS Engine", items: 18},
		{name: "about", keys: []string{"a"}, mode: modeAbout, selected: "AKS Engine", items: 18},
		{name: "about closes", keys: []string{"a", "a"}, selected: "AKS Engine", items: 18},
		{name: "q quits", keys: []string{"q"}, selected: "AKS Engine", items: 18, quit: true},
		{name: "q closes help", keys: []string{"?", "q"}, selected: "AKS Engine", items: 18},
		{name: "q closes about", keys: []string{"a", "q"}, selected: "AKS Engine", items: 18},
		{name: "q closes the facet picker", keys: []string{"f", "q"}, selected: "AKS Engine", items: 18},
		{name: "ctrl+c quits from help", keys: []string{"?", "ctrl+c"}, mode: modeHelp, selected: "AKS Engine", items: 18, quit: true},
		{name: "ctrl+c quits from the picker", keys: []string{"f", "ctrl+c"}, mode: modeFacets, selected: "AKS Engine", items: 18, quit: true},
		{name: "r on the embedded catalog", keys: []string{"r"}, selected: "AKS Engine", items: 18, status: "Nothing to reload: this is the embedded catalog"},
		{name: "ctrl+c quits while filtering", keys: []string{"/", "x", "ctrl+c"}, query: "x", mode: modeFilter, selected: "Keyvault Flexvol", items: 6, quit: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, rec := newTestModel(t, 100, 30, Options{})
			m, msgs := press(t, m, tc.keys...)
			if m.view.active != tc.tab || m.view.query != tc.query || m.mode != tc.mode {
				t.Errorf("tab %d query %q mode %d, want tab %d query %q mode %d", m.view.active, m.view.query, m.mode, tc.tab, tc.query, tc.mode)
			}
			if got := selectedName(m); got != tc.selected {
				t.Errorf("selected %q, want %q", got, tc.selected)
			}
			if len(m.view.list.items) != tc.items {
				t.Errorf("%d items, want %d", len(m.view.list.items), tc.items)
			}
			if !strings.Contains(m.status.text, tc.status) {
				t.Errorf("status %q, want it to contain %q", m.status.text, tc.status)
			}
			if strings.Join(rec.urls, " ") != strings.Join(tc.opened, " ") {
				t.Errorf("opened %q, want %q", rec.urls, tc.opened)
			}
			if hasQuit(msgs) != tc.quit {
				t.Errorf("quit = %v, want %v", hasQuit(msgs), tc.quit)
			}
		})
	}
}

func TestTabCountsWhileFiltering(t *testing.T) {
	m, _ := newTestModel(t, 200, 30, Options{})
	m, _ = press(t, m, "/", "c", "s", "i")
	want := map[string]int{"All": 7, "Kubernetes Enhancements": 0, "Kubernetes Cluster Management": 1, "Kubernetes Azure Cloud Provider": 3, "Container Runtime": 0, "Cloud Native Governance and Security": 2, "Cloud Native Service Mesh": 1}
	for _, tb := range m.view.tabs {
		if n, ok := want[tb.name]; !ok || tb.count != n {
			t.Errorf("tab %q counts %d, want %d", tb.name, tb.count, n)
		}
	}
	if s := screen(m); !strings.Contains(s, "All 7") || !strings.Contains(s, "Kubernetes Azure Cloud Provider 3") {
		t.Errorf("tab bar does not show the counts:\n%s", s)
	}
}

func TestStartOptions(t *testing.T) {
	m, _ := newTestModel(t, 100, 30, Options{Query: "gatekeeper", Area: "Cloud Native Governance and Security"})
	if m.view.query != "gatekeeper" || m.view.active != 5 || selectedName(m) != "OPA Gatekeeper" || m.mode != modeBrowse {
		t.Errorf("query %q tab %d selected %q mode %d", m.view.query, m.view.active, selectedName(m), m.mode)
	}
}

func TestOpenFailureShowsAndCopiesURL(t *testing.T) {
	rec := &recorder{err: errors.New("xdg-open: not found")}
	m, _ := newTestModel(t, 100, 30, Options{Opener: rec.open})
	m, msgs := press(t, m, "s")
	url := "https://kubernetes.slack.com/archives/CU3N85WJK"
	if !m.status.isErr || !strings.Contains(m.status.text, url) || !strings.Contains(m.status.text, "xdg-open: not found") {
		t.Errorf("status %q", m.status.text)
	}
	if len(msgs) != 1 || !strings.Contains(strings.ToLower(typeName(msgs[0])), "clipboard") {
		t.Errorf("messages %#v, want one clipboard write", msgs)
	}
}

func TestCopyLinks(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string // the URL copied, "" for none
	}{
		{[]string{"y", "y"}, "https://github.com/Azure/aks-engine"},
		{[]string{"y", "o"}, "https://github.com/Azure/aks-engine"},
		{[]string{"y", "s"}, "https://kubernetes.slack.com/archives/CU3N85WJK"},
		{[]string{"y", "i"}, "https://github.com/Azure/aks-engine/issues"},
		{[]string{"y", "2"}, "https://kubernetes.slack.com/archives/CU3N85WJK"},
		{[]string{"y", "x"}, ""},
		{[]string{"y", "m"}, ""}, // no mailing list
	} {
		m, rec := newTestModel(t, 100, 30, Options{})
		m, msgs := press(t, m, tc.keys...)
		if len(rec.urls) != 0 {
			t.Errorf("%v opened %q", tc.keys, rec.urls)
		}
		if tc.want == "" {
			if len(msgs) != 0 || m.copying {
				t.Errorf("%v: msgs %#v, still copying %v", tc.keys, msgs, m.copying)
			}
			continue
		}
		if len(msgs) != 1 || m.status.text != "Copied "+tc.want {
			t.Errorf("%v: msgs %#v, status %q", tc.keys, msgs, m.status.text)
		}
	}
}

func TestRefusedURLNeverOpens(t *testing.T) {
	c := &model.Catalog{
		Areas: []model.Area{{Name: "A"}},
		Projects: []model.Project{{Name: "Evil", Area: "A", Links: []model.Link{
			{Label: "home", URL: "javascript:alert(1)", Kind: model.KindHome, Column: model.ColumnProject},
			{Label: "chat", URL: "--help", Kind: model.KindSlack, Column: model.ColumnCommunication},
		}}},
	}
	rec := &recorder{}
	m := newApp(c, Options{Opener: rec.open})
	m = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, msgs := press(t, m, "enter", "s", "1", "y", "y", "y", "s")
	if len(rec.urls) != 0 || len(msgs) != 0 {
		t.Errorf("opened %q, msgs %#v", rec.urls, msgs)
	}
	if !m.status.isErr {
		t.Errorf("status %q is not an error", m.status.text)
	}
	if s := screen(m); strings.Contains(s, "1 home") {
		t.Errorf("a refused link is numbered:\n%s", s)
	}
}

func TestBackgroundColour(t *testing.T) {
	var style string // the style the detail is rendered in
	m, _ := newTestModel(t, 100, 30, Options{Markdown: func(s string, noColor bool) func(string, int) string {
		style = s
		return render.New(s, noColor)
	}})
	m = update(t, m, tea.BackgroundColorMsg{Color: lightGrey{}})
	if m.isDark || style != "light" {
		t.Errorf("dark %v style %q after a light background", m.isDark, style)
	}
	if colourSGR(m.View().Content) == "" {
		t.Error("the coloured view has no colour")
	}
	m, _ = newTestModel(t, 100, 30, Options{NoColor: true})
	v := m.View().Content
	if c := colourSGR(v); c != "" {
		t.Errorf("NO_COLOR view has a colour: %q", c)
	}
	if !strings.Contains(v, "\x1b[1m") {
		t.Error("NO_COLOR view lost its bold text too")
	}
}

type lightGrey struct{}

func (lightGrey) RGBA() (r, g, b, a uint32) { return 0xeeee, 0xeeee, 0xeeee, 0xffff }

func typeName(v any) string { return fmt.Sprintf("%T", v) }

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourSGR returns the first SGR sequence in s that sets a colour.
func colourSGR(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if 30 <= n && n <= 49 || 90 <= n && n <= 107 {
				return m[0]
			}
		}
	}
	return ""
}

// TestAsyncSearch runs searches in commands, as on a large catalog: the
// results are the same as in Update, and a newer keystroke supersedes an
// older search, whose results never show.
func TestAsyncSearch(t *testing.T) {
	m, _ := newTestModel(t, 100, 30, Options{AsyncSearchFrom: 1})
	m, _ = press(t, m, "/", "c", "s", "i")
	if m.view.searching || len(m.view.list.items) != 7 || selectedName(m) != "Azure Disk CSI Driver" {
		t.Fatalf("searching %v, %d items, selected %q", m.view.searching, len(m.view.list.items), selectedName(m))
	}

	// Type "x" and keep its search; then backspace before it runs.
	next, stale := m.Update(keyMsg("x"))
	m = next.(Model)
	if !m.view.searching || !strings.Contains(screen(m), "searching…") {
		t.Errorf("no sign of the search under way:\n%s", screen(m))
	}
	m, _ = press(t, m, "backspace")
	if m.view.searching || m.view.query != "csi" || len(m.view.list.items) != 7 {
		t.Fatalf("after backspace: searching %v, query %q, %d items", m.view.searching, m.view.query, len(m.view.list.items))
	}
	// The superseded search sends nothing, or results that are dropped.
	if stale != nil {
		for _, msg := range flatten(stale) {
			m = update(t, m, msg)
		}
	}
	if m.view.query != "csi" || len(m.view.list.items) != 7 {
		t.Errorf("a superseded search changed the list: %d items", len(m.view.list.items))
	}

	// An initial query on a large catalog is searched from Init.
	m2 := newApp(testCatalog(t), Options{Query: "gatekeeper", AsyncSearchFrom: 1, Opener: func(string) error { return nil }})
	m2 = update(t, m2, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, msg := range flatten(m2.Init()) {
		m2 = update(t, m2, msg)
	}
	if selectedName(m2) != "OPA Gatekeeper" || len(m2.view.list.items) != 1 {
		t.Errorf("initial query: %d items, selected %q", len(m2.view.list.items), selectedName(m2))
	}
}

// TestAsyncSearchReusesResults types and deletes letters on a catalog
// searched in commands: each list is what a search in Update gives, and
// the results' buffers go round instead of one being made per keystroke.
func TestAsyncSearchReusesResults(t *testing.T) {
	async, _ := newTestModel(t, 100, 30, Options{AsyncSearchFrom: 1})
	inUpdate, _ := newTestModel(t, 100, 30, Options{})
	async, _ = press(t, async, "/")
	inUpdate, _ = press(t, inUpdate, "/")
	buffers := map[*model.Match]bool{}
	for _, k := range []string{"a", "z", "backspace", "k", "s", "backspace", "backspace", "e", "backspace", "backspace", "c", "s", "i"} {
		async, _ = press(t, async, k)
		inUpdate, _ = press(t, inUpdate, k)
		if !reflect.DeepEqual(async.view.list.items, inUpdate.view.list.items) {
			t.Fatalf("after %q (query %q): %v in commands, %v in Update", k, async.view.query, async.view.list.items, inUpdate.view.list.items)
		}
		if len(async.view.results) > 0 {
			buffers[&async.view.results[:1][0]] = true
		}
	}
	if len(buffers) > 3 {
		t.Errorf("%d result buffers for 13 keystrokes; want at most 3", len(buffers))
	}
	// A search under way never writes into the results on screen.
	shown := slices.Clone(async.view.results)
	next, cmd := async.Update(keyMsg("backspace"))
	flatten(cmd) // searches, and drops the results
	if got := next.(Model).view.results; !reflect.DeepEqual(got, shown) {
		t.Errorf("results on screen changed under a search: %v, were %v", got, shown)
	}
}

// flatten runs a command and the commands of a batch, except the terminal
// query, and returns their messages.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, flatten(c)...)
		}
		return out
	case nil:
		return nil
	default:
		if fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg" {
			return nil
		}
		return []tea.Msg{msg}
	}
}
