package linkcheck

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
)

// FuzzApply: a fix changes a file at its URLs' bytes alone. Every URL
// found on a line is fixed to one of its own, then fixed back: the file
// comes back byte for byte, with as many lines, and the diff between the
// two is empty only when nothing changed.
func FuzzApply(f *testing.F) {
	f.Add([]byte("| [a](https://a.test/x) | <https://b.test/> |\r\n| [c](https://a.test/x#f) |"), "new.test/y")
	f.Add([]byte("[x](https://a.test/x)\r[y](<https://a.test/ y>)\n\n"), "n.test")
	f.Fuzz(func(t *testing.T, src []byte, fix string) {
		fix = "https://" + fix // what a fix is: a URL the checker reached
		if !safeURL(fix) || bytes.Contains(src, []byte(fix)) {
			return // such a fix is never made (safeURL), or could not be told from the file's own text
		}
		var fwd, back []model.LinkFinding
		for n, l := range lines(src) {
			line := src[l.start:l.end]
			for k, sp := range markdown.URLSpans(line) {
				url, to := string(line[sp[0]:sp[1]]), fix+"/"+strconv.Itoa(k)
				fwd = append(fwd, fixOn(n+1, url, to))
				back = append(back, fixOn(n+1, to, url))
			}
		}
		fixed, _ := Apply(src, fwd, nil)
		if len(lines(fixed)) != len(lines(src)) {
			t.Fatalf("%q: %d lines after the fixes, %d before", fixed, len(lines(fixed)), len(lines(src)))
		}
		if got, _ := Apply(fixed, back, nil); !bytes.Equal(got, src) {
			t.Fatalf("fixed back:\n%q\nwant:\n%q", got, src)
		}
		if d := Diff("f", src, fixed); (d == "") != bytes.Equal(src, fixed) {
			t.Fatalf("diff %q for a change %v", d, !bytes.Equal(src, fixed))
		}
	})
}
