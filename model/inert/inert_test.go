package inert

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, ünïcode, 雲, 🧑‍💻", "plain text, ünïcode, 雲, 🧑‍💻"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"clip\x1b]52;c;ZXZpbA==\x07board", "clipboard"},
		{"title\x1b]0;pwned\x1b\\ok", "titleok"},
		{"\x1b]8;;https://evil.example\x07Official docs\x1b]8;;\x07", "Official docs"},
		{"clear\x1b[2Jscreen\x1b[1;31mred\x1b[0m", "clearscreenred"},
		{"over\rwrite", "overwrite"},
		{"back\bspace bell\a del\x7f nul\x00", "backspace bell del nul"},
		{"c1 csi \u009b2J here", "c1 csi  here"},
		{"c1 osc \u009d0;t\u009c done", "c1 osc  done"},
		{"c1 nel \u0085 ind \u0084", "c1 nel  ind "},
		{"dcs \x1bP+q544e\x1b\\ end", "dcs  end"},
		{"apc \x1b_payload\x1b\\ pm \x1b^x\x07 sos \x1bXy\x1b\\", "apc  pm  sos "},
		{"two-byte \x1bc reset \x1b(B charset \x1b7 save", "two-byte  reset  charset  save"},
		{"bidi \u202eevil\u202c \u2066iso\u2069", "bidi evil iso"},
		{"unterminated \x1b]0;title", "unterminated "},
		{"lone esc at end \x1b", "lone esc at end "},
		{"csi broken \x1b[12\x07x", "csi broken x"},
		{"bad utf8 \xff\xfe ok", "bad utf8  ok"},
	} {
		got := Text(tc.in)
		if got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if !IsClean(got) {
			t.Errorf("Text(%q) = %q is not clean", tc.in, got)
		}
		if IsClean(tc.in) != (tc.in == tc.want) {
			t.Errorf("IsClean(%q) = %v", tc.in, IsClean(tc.in))
		}
		if strings.ContainsAny(got, "\x1b\r\a\b") {
			t.Errorf("Text(%q) kept a control: %q", tc.in, got)
		}
	}
}
