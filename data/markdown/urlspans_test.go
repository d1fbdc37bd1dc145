package markdown

import (
	"slices"
	"testing"
)

func TestURLSpans(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"| [Moby](https://mobyproject.org/) | x |", []string{"https://mobyproject.org/"}},
		{"[a](https://a.example/x_(y)) and [b](<https://b.example/ c>)", []string{"https://a.example/x_(y)", "https://b.example/ c"}},
		{`[t](https://t.example/p "title")`, []string{"https://t.example/p"}},
		{"see <https://auto.example/x> and <notalink>", []string{"https://auto.example/x"}},
		{"[a] (not a link) and ](", nil},
		{"[empty](<>) [none]()", nil},
		{"[x](https://x.example/a#frag)\r\n", []string{"https://x.example/a#frag"}},
		{`[e](https://e.example/a\)b)`, []string{`https://e.example/a\)b`}},
	} {
		var got []string
		for _, s := range URLSpans([]byte(tc.line)) {
			got = append(got, tc.line[s[0]:s[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("URLSpans(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}
