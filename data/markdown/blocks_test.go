package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

// rowsOf writes n project rows.
func rowsOf(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "| | [P%d](https://p%d.example) | goal %d |\n", i, i, i)
	}
	return b.String()
}

// TestBlockCut: leaving rows out of the block parse reads every catalog as
// the whole parse does, and does leave them out of a plain large table.
func TestBlockCut(t *testing.T) {
	const header = "| Project Area | Project | Goal |\n|---|---|---|\n| Area A | | |\n"
	for _, tc := range []struct {
		name, src string
		cuts      bool
	}{
		{"a plain table", "# T\n\n" + header + rowsOf(5) + "\nafter\n", true},
		{"the table right under a heading", "# T\n" + header + rowsOf(5), false},
		{"the table right under prose", "# T\n\nSome prose\n" + header + rowsOf(5), true},
		// A link reference definition's title runs from its first line
		// into a row the cut leaves out: goldmark alone reads no table.
		{"a definition's title over the rows", "[foo]: https://a.example '\n" + header + "| | [P](https://p.example) | x |\n| B'\n" + rowsOf(3), false},
		// An HTML comment ends in a row the cut would leave out.
		{"a comment ending in a row", "<!--\n" + header + "| --> | | |\n" + rowsOf(3) + "\n" + header + rowsOf(2), false},
		{"rows in a fenced block", "```\n" + rowsOf(6) + "```\n\n" + header + rowsOf(4), true},
		{"rows in a quote", "> " + header + rowsOf(5), false},
		// A row of dashes before the header looks like a delimiter row
		// but has no header above it: the table's own comes after.
		{"a dash row above the header", "| --|\n" + header + rowsOf(5), true},
		// A cell past the header's columns with more openers than the
		// bounds: neither path reads it, so neither warns.
		{"openers past the last column", header + rowsOf(3) + "| | [P](https://p.example) | g | x |" + strings.Repeat("<!--", 80) + " |\n" + rowsOf(2), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cut := reading{fastRows: true, minCut: 1}
			d := newDocument([]byte(tc.src), cut, new(atomic.Int64))
			d.parseBlocks()
			if got := d.cut.size > 0; got != tc.cuts {
				t.Errorf("left rows out: %v, want %v (%+v)", got, tc.cuts, d.cut)
			}
			c1, f1, err1 := parseWith("t.md", []byte(tc.src), -1, cut)
			c2, f2, err2 := parseWith("t.md", []byte(tc.src), -1, reading{})
			if fmt.Sprint(err1) != fmt.Sprint(err2) || !reflect.DeepEqual(c1, c2) || !reflect.DeepEqual(f1, f2) {
				t.Fatalf("with the cut:\n%s\nwithout:\n%s", dump(c1, f1, err1), dump(c2, f2, err2))
			}
		})
	}
}

// TestShortcutsInUse: a large synthetic catalog is read with both
// shortcuts, so that a change that quietly stops using them fails here
// rather than only in the benchmarks.
func TestShortcutsInUse(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 1000, 1); err != nil {
		t.Fatal(err)
	}
	src := b.Bytes()
	d := newDocument(src, shortcuts, new(atomic.Int64))
	_, tbl, ok := d.findTable(d.parseBlocks())
	if d.cut.to-d.cut.from+1 < 900 {
		t.Errorf("the block parse left out %+v, want most of the 1,000 rows", d.cut)
	}
	if !ok {
		t.Fatal("no project table")
	}
	c := &chunk{}
	for line := tbl.first; line <= tbl.last; line++ {
		if _, ok := c.fastRow(d.lineText(line), tbl, line); !ok {
			t.Errorf("line %d needs goldmark: %q", line, d.lineText(line))
		}
	}
}
