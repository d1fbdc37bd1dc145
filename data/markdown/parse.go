package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// ParseError is a catalog that cannot be read, with the file and, where it
// helps, the line.
type ParseError struct {
	File string
	Line int // 0 when no line applies
	Msg  string
}

// Error says FILE:LINE: message, or FILE: message when no line applies.
// The file name is escaped: it comes from outside (a path or a URL), and
// an escape sequence in it must not reach a terminal through the error.
func (e *ParseError) Error() string {
	file := inert.Escape(e.File)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}

// blocks finds the document's block structure only: no inline parsing and
// no tables, so it costs about one small node a line even for a catalog of
// 100,000 rows. A GFM table is a paragraph transform, so the table's rows
// are the lines of its paragraph from the header on.
var blocks = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// Parse reads a catalog in the upstream Markdown format. file names the
// source in errors. The catalog's strings may share src's memory: src must
// not change afterwards.
func Parse(file string, src []byte) (*model.Catalog, error) {
	c, _, err := parse(file, src)
	return c, err
}

// parse reads a catalog and also returns what lint reports about its
// form: rows whose cell count is not the header's, and what it mended or
// could not resolve.
func parse(file string, src []byte) (*model.Catalog, []model.Finding, error) {
	return parseRows(file, src, -1)
}

// PrefixBytes is how much of a catalog ParsePrefix reads, and ParseHead
// expects: a catalog no larger is parsed whole before the first frame.
// It parses in a few milliseconds whatever it holds (0.6 ms of the
// synthetic catalogs' rows, 3-5 ms of rows that all need goldmark, on 2
// busy cores), and holds a screen of rows of any catalog seen (about 65
// of the synthetic ones, 60 of the embedded one's).
const PrefixBytes = 32 << 10

// prefixRows bounds the rows that ParsePrefix and ParseHead read.
const prefixRows = 2 * chunkRows

// ParsePrefix reads only the start of a catalog larger than PrefixBytes,
// its first rows, so that the app can show them at once while the whole is
// parsed. ok is false when the catalog is small enough to parse whole at
// once, or when its project table does not start near the top.
func ParsePrefix(file string, src []byte) (c *model.Catalog, ok bool) {
	if len(src) <= PrefixBytes {
		return nil, false
	}
	return ParseHead(file, src[:PrefixBytes])
}

// ParseHead parses the first rows of head, the start of a catalog (its
// first PrefixBytes, read from a file), cut at its last whole line. ok is
// false when that holds no project.
func ParseHead(file string, head []byte) (c *model.Catalog, ok bool) {
	end := bytes.LastIndexByte(head, '\n')
	if end < 0 {
		return nil, false
	}
	c, _, err := parseRows(file, head[:end+1], prefixRows)
	return c, err == nil && len(c.Projects) > 0
}

// parseRows is parse reading at most maxRows rows of the table (all when
// maxRows < 0).
func parseRows(file string, src []byte, maxRows int) (*model.Catalog, []model.Finding, error) {
	return parseWith(file, src, maxRows, shortcuts)
}

// reading says how parseWith reads a catalog: with the shortcuts that
// make a large one fast, or with goldmark alone.
type reading struct {
	// fastRows reads plain rows directly (fastRow).
	fastRows bool
	// minCut is the shortest run of table rows that the block parse
	// leaves out (parseBlocks); 0: none.
	minCut int
}

var shortcuts = reading{fastRows: true, minCut: 256}

// parseWith is parseRows, reading as told: tests compare the ways.
func parseWith(file string, src []byte, maxRows int, how reading) (*model.Catalog, []model.Finding, error) {
	return parseCounted(file, src, maxRows, how, new(atomic.Int64))
}

// parseCounted is parseWith counting its work in w (see bounds.go): tests
// check that it grows linearly with the input.
func parseCounted(file string, src []byte, maxRows int, how reading, w *atomic.Int64) (*model.Catalog, []model.Finding, error) {
	w.Add(int64(len(src)))
	if line, ok := binaryLine(src); ok {
		return nil, nil, &ParseError{file, line, "not a Markdown catalog (binary data)"}
	}
	src = lineEndings(src)
	src, cleaned := sanitizeSource(src)
	src, findings := normaliseTables(src, w)
	for _, line := range cleaned {
		findings = append(findings, model.Finding{Line: line, Severity: model.SeverityWarning,
			Message: "removed escape sequences or control characters from this line"})
	}
	d := newDocument(src, how, w)
	title, t, ok := d.findTable(d.parseBlocks())
	if !ok {
		return nil, nil, &ParseError{File: file, Msg: `no project table (a table with "Project Area" and "Project" columns)`}
	}
	if maxRows >= 0 {
		t.last = min(t.last, t.first+maxRows-1)
	}
	c, rowFindings, err := d.catalog(t)
	if pe, ok := errors.AsType[*ParseError](err); ok {
		pe.File = file
		return nil, nil, pe
	}
	if err != nil {
		return nil, nil, &ParseError{File: file, Msg: err.Error()}
	}
	c.Title = title
	if t.tamed {
		findings = append(findings, model.Finding{Line: t.header, Severity: model.SeverityWarning, Message: tamedMessage})
	}
	return c, append(findings, rowFindings...), nil
}

// lineEndings makes every line end in "\n": CommonMark's line endings are
// "\n", "\r\n" and a "\r" alone (old Mac files), and goldmark reads only
// the first two. The line count stays, so line numbers hold.
func lineEndings(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src
}

// tamedMessage is lint's warning for a row read literally (bounds.go).
const tamedMessage = "a cell has more than 64 link, HTML, code or emphasis openers: read as literal text"

// findTable finds the project table among the document's blocks, and the
// title: the last level-1 heading above it.
func (d *document) findTable(doc ast.Node) (title string, t table, ok bool) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				title = d.blockText(n)
			}
		case *ast.Paragraph:
			if t, ok := d.projectTable(n); ok {
				return title, t, true
			}
		}
	}
	return "", table{}, false
}

// binaryLine reports the line of the first NUL byte or invalid UTF-8.
func binaryLine(src []byte) (int, bool) {
	bad := bytes.IndexByte(src, 0)
	if !utf8.Valid(src) {
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				if bad < 0 || i < bad {
					bad = i
				}
				break
			}
			i += size
		}
	}
	if bad < 0 {
		return 0, false
	}
	return bytes.Count(src[:bad], []byte("\n")) + 1, true
}

// document is a catalog's source during parsing.
type document struct {
	src []byte
	// text is src as a string without a copy: the catalog's strings read
	// by fastRow are substrings of it, so src must never change (Parse's
	// contract).
	text    string
	lines   []int // byte offset of the start of each line
	ctx     parser.Context
	reading reading
	work    *atomic.Int64 // what parsing did, for tests (bounds.go)

	// blockSrc is what the block parse read: src, or src with the lines of
	// cut left out (see parseBlocks).
	blockSrc []byte
	cut      cut
}

func newDocument(src []byte, how reading, w *atomic.Int64) *document {
	return &document{src: src, text: readOnlyString(src), lines: lineStarts(src), ctx: parser.NewContext(), reading: how, work: w}
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := 0; ; {
		n := bytes.IndexByte(src[i:], '\n')
		if n < 0 {
			return starts
		}
		i += n + 1
		starts = append(starts, i)
	}
}

// readOnlyString is b as a string, sharing its memory: b must not change
// while the string is in use.
func readOnlyString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// line returns the text of a 1-based line, with its newline.
func (d *document) line(n int) []byte {
	end := len(d.src)
	if n < len(d.lines) {
		end = d.lines[n]
	}
	return d.src[d.lines[n-1]:end]
}

// lineText is line as a string, sharing the source's memory.
func (d *document) lineText(n int) string {
	end := len(d.text)
	if n < len(d.lines) {
		end = d.lines[n]
	}
	return d.text[d.lines[n-1]:end]
}

// lineOf returns the 1-based line of a byte offset.
func (d *document) lineOf(offset int) int {
	lo, hi := 0, len(d.lines)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.lines[mid] <= offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// blockText is a block's text as written, unescaped and on one line.
func (d *document) blockText(n ast.Node) string {
	var parts []string
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		parts = append(parts, string(unescape(seg.Value(d.blockSrc))))
	}
	return inert.Text(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
}

// table is where the project table stands: its header and delimiter rows
// and the lines of its rows, 1-based.
type table struct {
	header, delimiter int
	first, last       int // the rows
	cols              columns
	headerCells       int
	tamed             bool // the header had a cell read literally
}

// projectTable reports whether a paragraph holds the project table: GFM
// takes the first delimiter-like line of a paragraph and the line above it
// as a table's header, and the rest of the paragraph as its rows.
func (d *document) projectTable(p *ast.Paragraph) (table, bool) {
	lines := p.Lines()
	if lines.Len() < 2 {
		return table{}, false
	}
	for i := 1; i < lines.Len(); i++ {
		if seg := lines.At(i); !isDelimiterRow(string(seg.Value(d.blockSrc))) {
			continue
		}
		t := table{
			header:    d.blockLine(lines.At(i - 1).Start),
			delimiter: d.blockLine(lines.At(i).Start),
			last:      d.blockLine(lines.At(lines.Len() - 1).Start),
		}
		t.first = t.delimiter + 1
		cols, cells, tamed, ok := d.headerColumns(t)
		t.cols, t.headerCells, t.tamed = cols, cells, tamed
		return t, ok && cells <= maxColumns
	}
	return table{}, false
}

// about returns the prose before and after the table.
func (d *document) about(t table) string {
	before := strings.TrimSpace(string(d.src[:d.lines[t.header-1]]))
	after := ""
	if t.last < len(d.lines) {
		after = strings.TrimSpace(string(d.src[d.lines[t.last]:]))
	}
	return inert.Text(strings.TrimSpace(before + "\n\n" + after))
}

// references returns the link reference definitions of the document, so
// that rows parsed apart from it still resolve [label][ref] links.
func (d *document) references() []parser.Reference {
	return d.ctx.References()
}

// newChunkContext is a parser context that knows the document's link
// reference definitions.
func newChunkContext(refs []parser.Reference) parser.Context {
	ctx := parser.NewContext()
	for _, r := range refs {
		ctx.AddReference(r)
	}
	return ctx
}

// unescape resolves backslash escapes and character references.
func unescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}
