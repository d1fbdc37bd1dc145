package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/data"
)

// TestShownForms: each emoji sequence terminals draw at other widths than
// ansi measures is shown as its first character, a lone regional
// indicator as its letter; flags, single emoji and letters joined by a
// script stay as they are.
func TestShownForms(t *testing.T) {
	for in, want := range map[string]string{
		"🧑‍💻 dev":          "🧑 dev",
		"👨‍👩‍👧‍👦":          "👨",
		"🏳️‍🌈":             "🏳",
		"❤️ ✌️ ⚠️ ❤︎":      "❤ ✌ ⚠ ❤",
		"👍🏽👋🏿":             "👍👋",
		"#️⃣1️⃣":           "#1",
		"🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴‍☠️":     "🏴 🏴",
		"🇩 🇩🇪 🇺🇸🇯":         "D 🇩🇪 🇺🇸J",
		"🙂 中 é ñ":          "🙂 中 é ñ",
		"ക്\u200d":         "ക്\u200d", // Malayalam: ZWJ joins letters
		"plain ASCII text": "plain ASCII text",
	} {
		got := shown(in)
		if got != want {
			t.Errorf("shown(%q) = %q, want %q", in, got, want)
		}
		if ansi.StringWidth(got) != ansi.StringWidthWc(got) {
			t.Errorf("shown(%q) = %q is %d cells as a cluster, %d as characters", in, got, ansi.StringWidth(got), ansi.StringWidthWc(got))
		}
	}
}

// TestCutAgreesWithTruncate: cut, walking no further than the width, cuts
// text without emoji sequences where ansi.Truncate does.
func TestCutAgreesWithTruncate(t *testing.T) {
	texts := []string{"", "a", "AKS Engine", "雲原生プロジェクト管理ツール", "Café Ñandú combining", "é ñ à́̂ stacked",
		"한국어 프로젝트 이름이", "mixed 中文 and ASCII 🙂 emoji", "tab\there", "\r\nline", strings.Repeat("ab中", 40)}
	for _, s := range texts {
		for w := 0; w <= 40; w++ {
			for _, tail := range []string{"", "…"} {
				if got, want := cut(s, w, tail), ansi.Truncate(s, w, tail); got != want {
					t.Errorf("cut(%q, %d, %q) = %q, ansi.Truncate: %q", s, w, tail, got, want)
				}
			}
			if got, want := fitWidth(s, w), min(ansi.StringWidth(s), w+1); got != want {
				t.Errorf("fitWidth(%q, %d) = %d, want %d", s, w, got, want)
			}
		}
	}
}

// TestScreenHoldsNoEmojiSequence: on a catalog of ZWJ sequences, skin
// tones, keycaps and variation selectors in every field, no such sequence
// reaches the screen (tabs, list, title, detail, status), so that every
// line is as wide drawn character by character as measured.
func TestScreenHoldsNoEmojiSequence(t *testing.T) {
	cat, err := data.LoadFile(filepath.Join("..", "testdata", "hostile", "cjk-emoji.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		m := newApp(cat, Options{Opener: func(string) error { return nil }})
		m = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, keys := range [][]string{nil, {"j", "j", "j"}, {"j", "m"}, {"G", "k"}, {"G"}, {"l", "l"}, {"l", "l", "j", "x"}, {"a"}} {
			m, _ := press(t, m, keys...)
			for i, line := range strings.Split(screen(m), "\n") {
				if strings.ContainsAny(line, "\u200d\ufe0e\ufe0f\u20e3🏻🏼🏽🏾🏿") || ansi.StringWidth(line) != ansi.StringWidthWc(line) {
					t.Errorf("%dx%d after %v: line %d holds a sequence: %q", size[0], size[1], keys, i, line)
				}
			}
		}
	}
}
