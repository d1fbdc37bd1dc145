package linkcheck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// contextLines is how many unchanged lines a hunk shows around a change.
const contextLines = 3

// Diff returns the unified diff from old to fixed, as diff -u and git
// show it ("--- a/NAME", "+++ b/NAME", hunks with 3 lines of context);
// "" when they are equal. Fixes change URLs within lines and never the
// number of lines, so lines are compared one for one. Every line is made
// inert (it comes from the file): the diff is for reading, and --fix
// writes the file itself. name is shown escaped.
func Diff(name string, old, fixed []byte) string {
	a, b := lines(old), lines(fixed)
	if bytes.Equal(old, fixed) || len(a) != len(b) {
		return ""
	}
	var changed []int
	isChanged := make([]bool, len(a))
	for i := range a {
		if !bytes.Equal(old[a[i].start:a[i].next], fixed[b[i].start:b[i].next]) {
			changed = append(changed, i)
			isChanged[i] = true
		}
	}
	var out strings.Builder
	// An absolute path is shown as git shows one, "a/tmp/x.md", so that
	// patch -p1 still applies the diff.
	name = inert.Escape(strings.TrimLeft(name, "/"))
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	text := func(src []byte, l span) string {
		s := inert.Text(string(src[l.start:l.end]))
		if l.next == l.end { // the file's last line, with no newline
			s += "\n\\ No newline at end of file"
		}
		return s
	}
	for h := 0; h < len(changed); {
		// A hunk runs from the context lines before its first change to
		// context lines after its last, taking in changes closer than
		// twice the context.
		last := h
		for last+1 < len(changed) && changed[last+1]-changed[last] <= 2*contextLines {
			last++
		}
		from := max(changed[h]-contextLines, 0)
		to := min(changed[last]+contextLines, len(a)-1)
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", from+1, to-from+1, from+1, to-from+1)
		for i := from; i <= to; {
			if !isChanged[i] {
				fmt.Fprintf(&out, " %s\n", text(old, a[i]))
				i++
				continue
			}
			j := i
			for j <= to && isChanged[j] {
				j++
			}
			for k := i; k < j; k++ {
				fmt.Fprintf(&out, "-%s\n", text(old, a[k]))
			}
			for k := i; k < j; k++ {
				fmt.Fprintf(&out, "+%s\n", text(fixed, b[k]))
			}
			i = j
		}
		h = last + 1
	}
	return out.String()
}
