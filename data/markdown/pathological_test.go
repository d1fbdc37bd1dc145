package markdown

import (
	"strings"
	"sync/atomic"
	"testing"
)

// patHeader is a project table's header, its first area and a project, for
// pathological cells to follow.
const patHeader = "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n| Area |  |  |  |  |  |\n| | [P](https://p.example) | g | | | |\n"

// cellOf is a catalog whose one goal cell is s.
func cellOf(s string) string { return patHeader + "| | [Q](https://q.example) | " + s + " | | | |\n" }

// fill repeats unit to about n bytes.
func fill(unit string, n int) string { return strings.Repeat(unit, max(n/len(unit), 1)) }

// pathological makes catalogs of about n bytes on which goldmark, or the
// reader, once did work that grew faster than n: one of each class.
var pathological = map[string]func(n int) string{
	// The three of issue 15.
	"link-openers":   func(n int) string { return cellOf(fill("[x](", n)) },
	"emphasis":       func(n int) string { return cellOf(fill("*a _b ", n)) },
	"nested-list":    nestedList,
	"mixed-emphasis": func(n int) string { return cellOf(fill("_*a", n)) },
	"image-openers":  func(n int) string { return cellOf(fill("![x](", n)) },
	"angle-dest":     func(n int) string { return cellOf(fill("[x](<", n)) },
	"processing":     func(n int) string { return cellOf(fill("<?", n)) },
	"comments":       func(n int) string { return cellOf(fill("<!--", n)) },
	"lt":             func(n int) string { return cellOf(fill("<", n)) },
	"brackets":       func(n int) string { return cellOf(fill("[", n)) },
	"backticks":      func(n int) string { return cellOf(fill("`a ", n)) },
	"pipes":          func(n int) string { return cellOf(fill("|", n)) },
	"entities":       func(n int) string { return cellOf(fill("&#", n)) },
	"backslashes":    func(n int) string { return cellOf(fill("\\", n)) },
	"many-rows":      func(n int) string { return patHeader + fill("| | [x]( *a _b | <? |\n", n) },
	"prose-emphasis": func(n int) string { return fill("_*a", n) + "\n\n" + patHeader },
	"prose-comment":  func(n int) string { return "<!--\n" + fill("x <!-- a\n", n) + "\n\n" + patHeader },
	"delimiters":     func(n int) string { return fill("a|b\n-|-\n", n) + "\n" + patHeader },
	"wide-header": func(n int) string {
		cols := n / 16
		return "| Project Area | Project" + strings.Repeat(" | x", cols) + " |\n|---|---" + strings.Repeat("|---", cols) + "|\n| Area | |\n" + fill("| | [P](https://p.example) *e* |\n", n/2)
	},
	"long-header": func(n int) string {
		return "| Project Area | Project " + fill("x", n/2) + " |\n|---|---|\n| Area | |\n" + fill("| | *P* |\n", n/2)
	},
}

// nestedList is a list nested as deep as n bytes of indentation allow,
// above a table.
func nestedList(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String() + "\n" + patHeader
}

// work is the work counted parsing src with the shortcuts.
func work(src string) int64 {
	var w atomic.Int64
	parseCounted("x.md", []byte(src), -1, shortcuts, &w)
	return w.Load()
}

// TestPathologicalWorkIsLinear parses each pathological class at two sizes,
// 4 times apart, and checks that the work counted grew about 4 times, not
// 16: quadratic work at 64 KiB is 16 times that at 16 KiB.
func TestPathologicalWorkIsLinear(t *testing.T) {
	for name, gen := range pathological {
		t.Run(name, func(t *testing.T) {
			small, large := gen(16<<10), gen(64<<10)
			ws, wl := work(small), work(large)
			ratio := float64(wl) / float64(ws) / (float64(len(large)) / float64(len(small)))
			t.Logf("%d bytes: %d, %d bytes: %d (%.2f per byte, %.2f per byte)", len(small), ws, len(large), wl, float64(ws)/float64(len(small)), float64(wl)/float64(len(large)))
			if ratio > 1.5 {
				t.Errorf("work grew %.1f times faster than the input", ratio)
			}
		})
	}
}

// BenchmarkPathological parses each pathological class at 5 MiB.
func BenchmarkPathological(b *testing.B) {
	for name, gen := range pathological {
		src := []byte(gen(5 << 20))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				parseWith("x.md", src, -1, shortcuts)
			}
		})
	}
}

// FuzzLinearWork: the work counted parsing an input repeated k times is
// at most c·k times the work one more repetition adds: work counted, not time, so that a slow machine cannot
// fail it nor a fast one hide a quadratic. c is the bounds' constant
// (bounds.go: a byte of a cell or of prose counts at most 1+maxOpeners
// times), so k runs up to 1,025, far past c, where a quadratic shows.
func FuzzLinearWork(f *testing.F) {
	for _, gen := range pathological {
		f.Add([]byte(gen(0)), uint16(1000))
	}
	for _, unit := range []string{"[x](", "*a _b ", "_*a", "<?", "[", "`a ", "  - x\n", "a|b\n-|-\n", "x <!-- a\n"} {
		f.Add([]byte(unit), uint16(1000))
	}
	const c = 2 * (1 + maxOpeners)
	f.Fuzz(func(t *testing.T, unit []byte, k uint16) {
		if len(unit) == 0 || len(unit) > 256 {
			return
		}
		reps := int64(k%1024) + 2
		// The unit alone, and the unit inside a project table's cell. The
		// unit's own work is what a second copy adds: the first also pays
		// for what is done once (goldmark taking the row, say).
		for _, wrap := range []func(string) string{func(s string) string { return s }, cellOf} {
			once := work(wrap(string(unit)))
			unitWork := max(work(wrap(strings.Repeat(string(unit), 2)))-once, int64(len(unit)))
			many := work(wrap(strings.Repeat(string(unit), int(reps)))) - once
			if bound := c*(reps-1)*unitWork + 4<<10; many > bound {
				t.Fatalf("%d repetitions: work %d more than once, a unit %d (bound %d)", reps, many, unitWork, bound)
			}
		}
	})
}

// issueInputs are the three inputs of issue 15 at its sizes: "[x](" and
// "*a _b " repeated 40,000 times in a cell, a list nested 2,000 deep.
func issueInputs() map[string]string {
	var list strings.Builder
	for i := range 2000 {
		list.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return map[string]string{
		"link-openers": cellOf(strings.Repeat("[x](", 40000)),
		"emphasis":     cellOf(strings.Repeat("*a _b ", 40000)),
		"nested-list":  list.String() + "\n" + patHeader,
	}
}

// BenchmarkIssue15 parses the inputs of issue 15.
func BenchmarkIssue15(b *testing.B) {
	for name, src := range issueInputs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				parseWith("x.md", []byte(src), -1, shortcuts)
			}
		})
	}
}

// TestPastBoundsReadLiterally: a cell with more openers than maxOpeners is
// its text as written, still split at <br>, and lint names its line.
func TestPastBoundsReadLiterally(t *testing.T) {
	cell := strings.Repeat("[x](", 40) + " <br> " + strings.Repeat("*a _b ", 20)
	src := cellOf(cell)
	c, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	goal := c.Projects[1].Goal.Plain()
	if want := strings.Repeat("[x](", 40) + " " + strings.TrimSpace(strings.Repeat("*a _b ", 20)); goal != want {
		t.Errorf("goal %q, want %q", goal, want)
	}
	var warned bool
	for _, f := range Lint("x.md", []byte(src)) {
		warned = warned || f.Line == 5 && f.Message == tamedMessage
	}
	if !warned {
		t.Errorf("no warning on line 5: %v", Lint("x.md", []byte(src)))
	}
}
