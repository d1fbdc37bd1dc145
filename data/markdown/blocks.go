package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The block parse finds the project table, but goldmark spends about 4 µs
// on each line of a paragraph, most of a second for a catalog of 100,000
// rows. parseBlocks therefore leaves out the inside of the longest run of
// lines that start with '|'. A line starting with '|' cannot start a
// block, so inside a paragraph of the document itself every such line only
// continues the paragraph, and the lines left out change nothing else.
// Whether the run does lie inside such a paragraph is checked on the
// result (cutIsSafe); when it does not, the whole source is parsed.

// cut is a range of lines (1-based, inclusive) that the block parse left
// out, and the bytes it spans.
type cut struct {
	from, to    int // lines
	start, size int // bytes
}

// parseBlocks parses the document's block structure, with d.cut set when
// lines were left out.
func (d *document) parseBlocks() ast.Node {
	src := flattenDeep(d.src, d.work) // lists nest only so deep (bounds.go)
	if c, ok := d.rowRun(); ok {
		d.cut = c
		d.blockSrc = append(src[:c.start:c.start], src[c.start+c.size:]...)
		ctx := parser.NewContext()
		doc := blocks.Parse(text.NewReader(d.blockSrc), parser.WithContext(ctx))
		if d.cutIsSafe(doc) {
			d.ctx = ctx
			return doc
		}
	}
	d.cut, d.blockSrc = cut{}, src
	return blocks.Parse(text.NewReader(src), parser.WithContext(d.ctx))
}

// rowRun finds the longest run of lines that start with '|' and returns
// the part of it to leave out: all but its first lines, up to the line
// after its first delimiter row (so that the table's header and delimiter
// stay), and its last line.
func (d *document) rowRun() (cut, bool) {
	best, from := cut{}, 0
	for n := 1; n <= len(d.lines)+1; n++ {
		if n <= len(d.lines) && bytes.HasPrefix(d.line(n), []byte("|")) {
			if from == 0 {
				from = n
			}
			continue
		}
		if from > 0 && n-from > best.to-best.from {
			best.from, best.to = from, n-1
		}
		from = 0
	}
	if best.from == 0 {
		return cut{}, false
	}
	keep := best.from + 1
	for n := best.from; n <= best.to; n++ {
		// A delimiter row needs a header line above it: one that looks
		// like a delimiter on the file's first line, or under a blank
		// line, is text, and the table's own comes later.
		if isDelimiterRow(string(d.line(n))) && n > 1 && bytes.ContainsRune(d.line(n-1), '|') {
			keep = n + 1
			break
		}
	}
	c := cut{from: keep + 1, to: best.to - 1}
	if d.reading.minCut == 0 || c.to-c.from+1 < d.reading.minCut {
		return cut{}, false
	}
	c.start = d.lines[c.from-1]
	c.size = d.lines[c.to] - c.start
	return c, true
}

// cutIsSafe reports whether the lines left out lay inside a paragraph of
// the document itself: one that holds the lines on both sides of the cut,
// starts after a blank line (or the file's start) and does not start with
// "[", so that no link reference definition, which goldmark reads from
// a paragraph's start and can run over lines, reached into the cut.
func (d *document) cutIsSafe(doc ast.Node) bool {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		p, ok := n.(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		lines := p.Lines()
		first := d.blockLine(lines.At(0).Start)
		last := d.blockLine(lines.At(lines.Len() - 1).Start)
		if first >= d.cut.from || last <= d.cut.to {
			continue
		}
		blankBefore := first == 1 || len(bytes.TrimSpace(d.line(first-1))) == 0
		return blankBefore && !bytes.HasPrefix(bytes.TrimLeft(d.line(first), " \t"), []byte("["))
	}
	return false
}

// blockLine returns the line, in the whole source, of an offset in what
// the block parse read.
func (d *document) blockLine(offset int) int {
	if d.cut.size > 0 && offset >= d.cut.start {
		offset += d.cut.size
	}
	return d.lineOf(offset)
}
