package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestPanicNamesLines: a panic while reading rows, on whichever worker,
// is a ParseError at the first line of the chunk it was reading, in the
// words it had before rows were read by parallel.Do.
func TestPanicNamesLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Big\n\n| Project Area | Project |\n|---|---|\n| First |  |\n")
	for i := range 3 * chunkRows {
		fmt.Fprintf(&b, "|  | [P%d](https://p.example/%d) |\n", i, i)
	}
	// The table's rows start on line 5, its area row: the third of its
	// four chunks is lines 5 + 2*chunkRows on.
	from, to := 5+2*chunkRows, 4+3*chunkRows
	panicHook = func(first int) {
		if first == from {
			panic("boom")
		}
	}
	t.Cleanup(func() { panicHook = nil })
	_, err := Parse("big.md", []byte(b.String()))
	pe, ok := errors.AsType[*ParseError](err)
	want := fmt.Sprintf("big.md:%d: internal error reading lines %d-%d: boom", from, from, to)
	if !ok || pe.Line != from || err.Error() != want {
		t.Fatalf("%v, want %s", err, want)
	}
	if f := Lint("big.md", []byte(b.String())); len(f) != 1 || f[0].Line != from {
		t.Errorf("lint: %+v", f)
	}
}
