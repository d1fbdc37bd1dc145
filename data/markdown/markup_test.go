package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

// markupHeader is the head of a catalog whose rows markupRows writes.
const markupHeader = "# Markup\n\n| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n"

// markupCatalog is a catalog of about n bytes of rows whose first cells
// cells after the area hold up to fragments pieces (short rows: 1 and 1)
// of the inline Markdown that catalogs use beyond plain links: emphasis, code spans,
// escapes, autolinks, links with titles. With odd, fragments that
// Markdown reads in surprising ways are mixed in too (unmatched
// delimiters, snake_case, stray brackets and backticks), for the tests
// that compare fastRow with goldmark. The same arguments make the same
// bytes.
func markupCatalog(n, cells, fragments int, seed uint64, odd bool) []byte {
	r := rand.New(rand.NewPCG(seed, seed+1))
	var b strings.Builder
	b.WriteString(markupHeader)
	for row := 0; b.Len() < n; row++ {
		if row%50 == 0 {
			fmt.Fprintf(&b, "| Area %s %d |  |  |  |  |  |\n", markupWord(r), row/50)
		}
		b.WriteString("|")
		for cell := range 5 {
			b.WriteString(" | ")
			if cell >= cells {
				continue
			}
			for k := range 1 + r.IntN(fragments) {
				if k > 0 {
					b.WriteString(" ")
				}
				b.WriteString(markupFragment(r, odd))
			}
		}
		b.WriteString(" |\n")
	}
	return []byte(b.String())
}

var markupWords = []string{"kube", "mesh", "Azure", "operator", "snake_case", "v1.2", "CRD", "naïve", "雲", "API", "e-mail"}

func markupWord(r *rand.Rand) string { return markupWords[r.IntN(len(markupWords))] }

// markupFragment is one piece of a cell.
func markupFragment(r *rand.Rand, odd bool) string {
	w, u := markupWord(r), fmt.Sprintf("https://x.example/%d", r.IntN(1000))
	common := []string{
		w, w + " " + markupWord(r),
		"*" + w + "*", "_" + w + "_", "**" + w + "**", "__" + w + "__", "***" + w + "***",
		"*" + w + " **" + markupWord(r) + "** " + markupWord(r) + "*",
		"`" + w + "`", "`` a`b ``", "` " + w + " `",
		"[" + w + "](" + u + ")", "[" + w + "](" + u + " \"the " + w + "\")", "[" + w + "](" + u + " 'title')",
		"[*" + w + "*](" + u + ")", "[`" + w + "`](" + u + ")", "[**" + w + "** docs](" + u + ")",
		"*[" + w + "](" + u + ")*", "<" + u + ">", "<team@x.example>",
		"\\*not emphasis\\*", "a \\| b", "C:\\\\dir", "&amp;", "&copy; 2024",
		"<br>", "<ul><li>" + w + "</li><li>" + markupWord(r) + "</li></ul>",
		"[" + w + "](" + u + "/(v1))", "1 < 2", "a]b", "!bang",
	}
	if !odd || r.IntN(3) > 0 {
		return common[r.IntN(len(common))]
	}
	weird := []string{
		"*", "_", "**", "***", "*a", "a*", "_a", "a_", "a*b*c", "a_b_c", "*a_", "_a*", "**a*", "*a**", "***a*", "*a***",
		"* a *", "_ a _", "*(a)*", "(*a*)", "*\"a\"*", "_\"a\"_", "*.*", "a**b", "`", "``", "`a", "a`", "``a`", "`a``",
		"` `", "`  `", "[", "]", "[a]", "[a](", "[a]()", "[](u)", "[a](<u>)", "[a](u \"t)", "[a](u 't' x)", "![i](u)",
		"[a](u(v)", "[a](u\\)v)", "\\", "\\a", "\\\\*a*", "&#42;a&#42;", "&#27;[2J", "<", "<a", "<a@b>", "<x:y>",
		"<notatag>", "</br>", "<br/>", "<p>", "*a<br>b*", "`a<br>b`", "[a<br>b](u)", "*[a*](u)", "[*a](u)*", "**[a](u) b*",
		"`[a](u)`", "[a `]` b](u)", "[a `](u)`", "__init__", "foo_bar_baz", "*foo*bar", "_foo_bar", "ü*a*ü", "„*a*“",
		"a*b**c*", "*foo**bar**baz*", "foo***bar***baz", "**foo*bar*baz**", "a**b*c**", "_a__b_", "*a**b*", "\u00a0*a*\u00a0", "*\u00a0a*", "https://a.example/_x_", "[a](u \"t\") [b](v)", "[a][b]", "[a] (u)", "\\|", "`\\`",
	}
	return weird[r.IntN(len(weird))]
}

// BenchmarkParseMarkup parses 5 MiB of short rows that all use inline
// Markdown beyond plain links, 5 MiB of rows with odd Markdown mixed in,
// and, for comparison, 5 MiB of synthetic plain rows.
func BenchmarkParseMarkup(b *testing.B) {
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"markup-5MiB", markupCatalog(5<<20, 1, 1, 1, false)},
		{"odd-5MiB", markupCatalog(5<<20, 5, 3, 1, true)}, // mostly left to goldmark
		{"plain-5MiB", plainCatalog(5 << 20)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.src)))
			for b.Loop() {
				if _, err := Parse(tc.name, tc.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// plainCatalog is a synthetic catalog of plain rows (text, links and
// <br>) of about n bytes.
func plainCatalog(n int) []byte {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, n/500, 1); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestFastRowMatchesGoldmark: catalogs read with fastRow and with goldmark
// alone come out the same: the real catalogs, the hostile ones, and
// generated rows of inline Markdown, odd ones included, each in a catalog
// of its own so that a failure names it.
func TestFastRowMatchesGoldmark(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.md"))
	files = append(files, embeddedPath, filepath.Join("..", "..", "testdata", "upstream-readme.md"), filepath.Join("..", "..", "testdata", "upstream-first-draft.md"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sameReading(t, file, b)
	}
	for seed := range uint64(300) {
		for _, row := range strings.SplitAfter(string(markupCatalog(2<<10, 5, 3, seed, true)), "\n")[4:] {
			sameReading(t, row, []byte(markupHeader+"| Area |  |  |  |  |  |\n"+row))
		}
	}
	sameReading(t, "common rows", markupCatalog(256<<10, 5, 3, 1, false))
}

// sameReading fails t when src reads otherwise with fastRow than with
// goldmark alone.
func sameReading(t *testing.T, name string, src []byte) {
	t.Helper()
	fast, fastFindings, fastErr := parseWith("x.md", src, -1, reading{fastRows: true})
	slow, slowFindings, slowErr := parseWith("x.md", slices.Clone(src), -1, reading{})
	if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) || !reflect.DeepEqual(fast, slow) || !reflect.DeepEqual(fastFindings, slowFindings) {
		t.Errorf("%q: fastRow and goldmark differ:\n%s\n%s", name, dump(fast, fastFindings, fastErr), dump(slow, slowFindings, slowErr))
	}
}

// TestFastRowReadsMarkup: every row of the inline Markdown that catalogs
// use is read by fastRow, not left to goldmark.
func TestFastRowReadsMarkup(t *testing.T) {
	src := markupCatalog(64<<10, 1, 1, 7, false)
	d := newDocument(src, shortcuts, new(atomic.Int64))
	_, tbl, ok := d.findTable(d.parseBlocks())
	if !ok {
		t.Fatal("no table")
	}
	c := &chunk{join: joiner{}}
	for line := tbl.first; line <= tbl.last; line++ {
		if _, ok := c.fastRow(d.lineText(line), tbl, line); !ok {
			t.Errorf("line %d left to goldmark: %s", line, d.lineText(line))
		}
	}
}
