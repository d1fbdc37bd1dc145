package markdown

import (
	"bytes"
	"math"
	"strings"

	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// columns holds the index of each known column in the project table, -1 when absent.
type columns struct {
	area, project, goal, maturity, communication, azure int
}

// headerColumns parses the table's header and delimiter rows and maps the
// header's names to columns; ok when there is both a "Project Area" and a
// "Project" column. tamed reports a header cell read literally (bounds.go).
func (d *document) headerColumns(t table) (cols columns, cells int, tamed, ok bool) {
	header, tamed := tameRow(withNewline(d.line(t.header)), math.MaxInt, d.work)
	src := append(append([]byte{}, header...), withNewline(d.line(t.delimiter))...)
	tbl, ok := tables.Parser().Parse(text.NewReader(src)).FirstChild().(*extast.Table)
	if !ok {
		return columns{}, 0, false, false
	}
	c := &chunk{src: src, join: joiner{work: d.work}}
	cols = columns{-1, -1, -1, -1, -1, -1}
	i := 0
	head := tbl.FirstChild()
	for cell := head.FirstChild(); cell != nil; cell = cell.NextSibling() {
		name := strings.ToLower(strings.Join(strings.Fields(plainItems(c.items(cell))), " "))
		set := func(dst *int) {
			if *dst < 0 {
				*dst = i
			}
		}
		switch {
		case strings.Contains(name, "area"):
			set(&cols.area)
		case strings.Contains(name, "maturity") || strings.Contains(name, "state"):
			set(&cols.maturity)
		case strings.HasPrefix(name, "project"):
			set(&cols.project)
		case strings.Contains(name, "goal"):
			set(&cols.goal)
		case strings.Contains(name, "communication") || strings.Contains(name, "contact"):
			set(&cols.communication)
		case strings.Contains(name, "azure"):
			set(&cols.azure)
		}
		i++
	}
	return cols, head.ChildCount(), tamed, cols.area >= 0 && cols.project >= 0
}

func withNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return b
	}
	return append(append([]byte{}, b...), '\n')
}

// maxHeader is the longest header and delimiter that goldmarkRows writes
// above each chunk's rows as they are; a longer pair is written as short
// cells, the same count, so that a long header is not parsed again for
// every chunk.
const maxHeader = 4 << 10

// writeHeader writes the table's header and delimiter rows for goldmark
// to read rows under.
func (d *document) writeHeader(buf *bytes.Buffer, t table) {
	header, delimiter := withNewline(d.line(t.header)), withNewline(d.line(t.delimiter))
	if len(header)+len(delimiter) <= maxHeader && !t.tamed {
		buf.Write(header)
		buf.Write(delimiter)
		return
	}
	buf.WriteString("|" + strings.Repeat(" h |", t.headerCells) + "\n")
	buf.WriteString("|" + strings.Repeat("-|", t.headerCells) + "\n")
}
