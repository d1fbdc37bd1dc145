package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// TestStatusClearsWithAnotherProject: a message about a project goes when
// a key shows another project or tab, and stays while the same one is shown.
func TestStatusClearsWithAnotherProject(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	m, _ = press(t, m, "/", "v", "i", "r", "t", "u", "a", "l", "enter", "m")
	const msg = "Virtual Kubelet has no mailing list"
	if m.status.text != msg {
		t.Fatalf("status %q", m.status.text)
	}
	m, _ = press(t, m, "ctrl+d") // scrolling the detail shows the same project
	if !strings.Contains(screen(m), msg) {
		t.Errorf("the message went while its project is shown:\n%s", screen(m))
	}
	m, _ = press(t, m, "esc", "j")
	if s := screen(m); selectedName(m) == "Virtual Kubelet" || strings.Contains(s, "mailing list") {
		t.Errorf("under %q the screen still says:\n%s", selectedName(m), s)
	}
	m, _ = press(t, m, "m", "tab")
	if m.status.text != "" {
		t.Errorf("another tab, status %q", m.status.text)
	}
}

// TestClearedStatusLaysOutAgain: a message of two lines that another tab
// clears gives its line back to the body in the same update: the layout
// is made after the status is tidied, or the detail pane is a line short
// of the body and side by side drawing panics (found by FuzzUpdate).
func TestClearedStatusLaysOutAgain(t *testing.T) {
	m, _ := newTestModel(t, 101, 26, Options{})
	m = update(t, m, keyMsg("r")) // "Nothing to reload: …", two lines at 101
	if m.statusLines(m.width) != 2 {
		t.Fatalf("status %q takes %d lines", m.status.text, m.statusLines(m.width))
	}
	m = update(t, m, keyMsg("tab"))
	if m.status.text != "" {
		t.Fatalf("status %q", m.status.text)
	}
	if l := m.layout(); m.view.detail.height != l.detailH {
		t.Errorf("the detail is %d lines for a pane of %d", m.view.detail.height, l.detailH)
	}
	checkFits(t, m.View().Content, 101, 26)
}

// TestStatusExpires: a passing message schedules its expiry, which clears
// it unless a newer message has replaced it; a URL to copy by hand has no
// expiry.
func TestStatusExpires(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	next, cmd := m.Update(keyMsg("9"))
	m = next.(Model)
	first := expiries(cmd)
	next, cmd = m.Update(keyMsg("8"))
	m = next.(Model)
	second := expiries(cmd)
	if len(first) != 1 || len(second) != 1 || m.status.text != "AKS Engine has no link 8 (it has 5 links)" {
		t.Fatalf("expiries %v %v, status %q", first, second, m.status.text)
	}
	m = update(t, m, first[0])
	if m.status.text == "" {
		t.Error("the first message's expiry cleared the second")
	}
	m = update(t, m, second[0])
	if m.status.text != "" || strings.Contains(screen(m), "no link") {
		t.Errorf("after its expiry, status %q", m.status.text)
	}

	url := "https://kubernetes.slack.com/archives/CU3N85WJK"
	next, cmd = m.Update(openedMsg{project: "AKS Engine", url: url, err: errors.New("no browser can run here")})
	m = next.(Model)
	if !strings.Contains(m.status.text, url) || len(expiries(cmd)) != 0 {
		t.Errorf("status %q, expiries %v", m.status.text, expiries(cmd))
	}
}

// expiries runs a command and returns the status expiries it brings.
func expiries(cmd tea.Cmd) []statusExpiredMsg {
	var out []statusExpiredMsg
	for _, msg := range flatten(cmd) {
		if e, ok := msg.(statusExpiredMsg); ok {
			out = append(out, e)
		}
	}
	return out
}

// TestNoBrowserShowsWholeURL: when no browser can run, the longest URL of
// the catalog is on screen whole, wrapped in the status area, at every
// width, and copied.
func TestNoBrowserShowsWholeURL(t *testing.T) {
	const url = "https://docs.microsoft.com/en-us/azure/aks/developer-best-practices-pod-security#use-azure-key-vault-with-flexvol"
	for w := minWidth; w <= 200; w += 7 {
		m, _ := newTestModel(t, w, 24, Options{})
		next, cmd := m.Update(openedMsg{project: "Keyvault Flexvol", url: url, err: noBrowserError{"this is an SSH session and $BROWSER is not set"}})
		m = next.(Model)
		checkFits(t, m.View().Content, w, 24)
		var joined strings.Builder
		for _, line := range strings.Split(screen(m), "\n") {
			joined.WriteString(strings.TrimRight(line, " "))
		}
		if !strings.Contains(joined.String(), url) {
			t.Errorf("%dx24: the URL is not whole on screen:\n%s", w, screen(m))
		}
		if msgs := flatten(cmd); len(msgs) != 1 || typeName(msgs[0]) != "tea.setClipboardMsg" {
			t.Errorf("%dx24: messages %#v, want the clipboard write", w, msgs)
		}
	}
}

// TestNoSuchLinkSaysHowMany: asking for a link number past the last says
// how many links the project has, in words: "1 link", "12 links".
func TestNoSuchLinkSaysHowMany(t *testing.T) {
	one := manyLinks()
	one.Projects[0].Links = one.Projects[0].Links[:1]
	for _, tc := range []struct {
		cat  *model.Catalog
		keys []string
		want string
	}{
		{one, []string{"2"}, "Many has no link 2 (it has 1 link)"},
		{manyLinks(), []string{"1", "3"}, "Many has no link 13 (it has 12 links)"},
	} {
		m := update(t, newApp(tc.cat, Options{Opener: func(string) error { return nil }}), tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = press(t, m, tc.keys...)
		if m.status.text != tc.want || !strings.Contains(screen(m), tc.want) {
			t.Errorf("keys %v: status %q, want %q, screen:\n%s", tc.keys, m.status.text, tc.want, screen(m))
		}
	}
}

// TestStatusCutAtAWord: a message longer than the status area may take is
// cut after a whole word, with " …", at every width: no word is shown
// cut short.
func TestStatusCutAtAWord(t *testing.T) {
	var words []string
	for i := range 300 { // more than 10 lines of 140 columns hold
		words = append(words, fmt.Sprintf("reason%d", i*7919%1000)) // lengths vary
	}
	msg := strings.Join(words, " ")
	for w := minWidth; w <= 140; w += 3 {
		for _, h := range []int{minHeight, 13, 24} {
			m, _ := newTestModel(t, w, h, Options{})
			m.setNotice(msg, true)
			lines := m.statusText(w)
			if len(lines) != maxStatusLines(h) {
				t.Fatalf("%dx%d: %d status lines, want %d", w, h, len(lines), maxStatusLines(h))
			}
			last := lines[len(lines)-1]
			if !strings.HasSuffix(last, " …") {
				t.Errorf("%dx%d: the last status line %q does not end with \" …\"", w, h, last)
			}
			shown := strings.Fields(strings.Join(lines, " "))
			for i, word := range shown[:len(shown)-1] {
				if word != words[i] {
					t.Errorf("%dx%d: word %d shown as %q, want %q (status %q)", w, h, i, word, words[i], lines)
					break
				}
			}
			checkFits(t, m.View().Content, w, h)
		}
	}
}

func TestWrapAtSpaces(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"Nothing to reload: built in (--catalog FILE|URL reads another)", 30,
			[]string{"Nothing to reload: built in", "(--catalog FILE|URL reads", "another)"}},
		{"Opened https://kubernetes.io/docs/setup/production-environment/windows/ ok", 40,
			[]string{"Opened", "https://kubernetes.io/docs/setup/product", "ion-environment/windows/ ok"}},
		{"a b c", 80, []string{"a b c"}},
		{"", 10, []string{""}},
	} {
		got := wrapAtSpaces(tc.text, tc.width)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("wrapAtSpaces(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
		for _, line := range got {
			if textWidth(line) > tc.width {
				t.Errorf("line %q is wider than %d", line, tc.width)
			}
		}
	}
}

// TestStatusNeverSplitsAtAHyphen: the embedded catalog's answer to r names
// a flag, which stays whole on screen at 80 columns.
func TestStatusNeverSplitsAtAHyphen(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	m, _ = press(t, m, "r")
	if s := screen(m); !strings.Contains(s, "--catalog FILE") {
		t.Errorf("the flag is split:\n%s", s)
	}
}
