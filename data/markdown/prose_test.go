package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

func TestProse(t *testing.T) {
	text := func(s string) model.Inline { return model.Inline{Kind: model.InlineText, Text: s} }
	for _, tc := range []struct {
		src  string
		want model.Prose
	}{
		{"# Title\n\nSome *em*, a [link](https://x.example) and a [trap](javascript:x).\n", model.Prose{
			{Kind: model.BlockHeading, Level: 1, Text: []model.Inline{text("Title")}},
			{Kind: model.BlockParagraph, Text: []model.Inline{text("Some "), {Kind: model.InlineEmphasis, Text: "em", Level: 1},
				text(", a "), {Kind: model.InlineLink, Text: "link", URL: "https://x.example"}, text(" and a trap.")}},
		}},
		// Quotes and lists are flattened one level deep: a block keeps the
		// innermost container around it.
		{"> a\n> > b\n> - c\n\n- d\n  > e\n\n---\n", model.Prose{
			{Kind: model.BlockParagraph, In: model.InQuote, Text: []model.Inline{text("a")}},
			{Kind: model.BlockParagraph, In: model.InQuote, Text: []model.Inline{text("b")}},
			{Kind: model.BlockParagraph, In: model.InListItem, Text: []model.Inline{text("c")}},
			{Kind: model.BlockParagraph, In: model.InListItem, Text: []model.Inline{text("d")}},
			{Kind: model.BlockParagraph, In: model.InQuote, Text: []model.Inline{text("e")}},
			{Kind: model.BlockRule},
		}},
		// Code keeps its lines; HTML is left out; the text around a
		// refused link is trimmed as if it were text.
		{"```\nx  y\n<b>\n```\n\n<div>gone</div>\n\n[](ftp://x) after <i>tag</i>\n", model.Prose{
			{Kind: model.BlockCode, Lines: []string{"x  y", "<b>"}},
			{Kind: model.BlockParagraph, Text: []model.Inline{text("after tag")}},
		}},
		// A character reference cannot smuggle a control character in.
		{"a &#x1b;[2J b\n", model.Prose{{Kind: model.BlockParagraph, Text: []model.Inline{text("a [2J b")}}}},
	} {
		if got := Prose(tc.src); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.src, got, tc.want)
		}
	}
	long := Prose(strings.Repeat("word ", 20_000))
	if len(long) != 1 || !strings.HasSuffix(long[0].Text[0].Text, "…") || len(long[0].Text[0].Text) > maxProse+len("…") {
		t.Errorf("prose past 64 KiB is not cut")
	}
}
