package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/parallel"
)

// tables parses the table's rows: GFM tables and nothing else (linkify
// would change what a cell means), with a fast path for the few inline
// tags that split cells.
var tables = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(cellTagParser{}, 350))),
)

// chunkRows is how many rows one goldmark parse takes: few enough to keep
// its syntax tree small, enough to make the repeated header cheap.
const chunkRows = 512

// row is one parsed row of the project table.
type row struct {
	line    int
	cells   int // cells as written, for lint
	area    string
	project model.Project
	isProj  bool
	share   int  // index in the project's Links for shared links, or -1
	cleaned bool // the sanitiser removed something from the parsed text
	tamed   bool // a cell was read literally (bounds.go)
}

// catalog parses the table's rows, in chunks on every core, and puts the
// catalog together in order: areas, projects, shared links.
func (d *document) catalog(t table) (*model.Catalog, []model.Finding, error) {
	n := max(t.last-t.first+1, 0)
	chunks := (n + chunkRows - 1) / chunkRows
	results := make([][]row, chunks)
	errs := make([]error, chunks)
	refs := d.references()
	// Workers take the next chunk as they finish one: rows that need
	// goldmark make some chunks far slower than others. Each notes the
	// chunk it is on, so that a panic, which parallel.Do reports by
	// worker, can name the lines it was reading.
	var next atomic.Int64
	workers := parallel.Workers(chunks)
	on := make([]int, workers)
	err := parallel.Do(workers, func(w int) {
		for i := int(next.Add(1)) - 1; i < chunks; i = int(next.Add(1)) - 1 {
			on[w] = i
			from, to := t.chunkLines(i)
			results[i], errs[i] = d.parseChunk(t, from, to, refs)
		}
	})
	if p, ok := errors.AsType[*parallel.PanicError](err); ok {
		from, to := t.chunkLines(on[p.Part])
		return nil, nil, &ParseError{Line: from, Msg: fmt.Sprintf("internal error reading lines %d-%d: %v", from, to, p.Value)}
	}
	if err != nil {
		return nil, nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}

	c := &model.Catalog{Projects: make([]model.Project, 0, n)}
	var findings []model.Finding
	warn := func(line int, format string, args ...any) {
		findings = append(findings, model.Finding{Line: line, Severity: model.SeverityWarning, Message: fmt.Sprintf(format, args...)})
	}
	var shares []pendingShare
	var filled []bool // the area of each index in c.Areas has a project
	for _, rows := range results {
		for i := range rows {
			r := &rows[i]
			if r.cells != t.headerCells {
				cells := "cells"
				if r.cells == 1 {
					cells = "cell" // a row of one cell is the likely mistake
				}
				warn(r.line, "row has %d %s; the header has %d", r.cells, cells, t.headerCells)
			}
			if r.area != "" {
				c.Areas = append(c.Areas, model.Area{Name: r.area, Line: r.line})
				filled = append(filled, false)
			}
			if r.isProj {
				if len(c.Areas) == 0 {
					warn(r.line, "project before any area row; it goes in area \"Other\"")
					c.Areas = append(c.Areas, model.Area{Name: "Other", Line: r.line})
					filled = append(filled, false)
				}
				r.project.Area = c.Areas[len(c.Areas)-1].Name
				filled[len(filled)-1] = true
				c.Projects = append(c.Projects, r.project)
				if r.share >= 0 {
					shares = append(shares, pendingShare{project: len(c.Projects) - 1, at: r.share})
				}
			}
			if r.cleaned {
				warn(r.line, "removed control characters written as character references from this row")
			}
			if r.tamed {
				warn(r.line, "%s", tamedMessage)
			}
		}
	}
	for _, s := range resolveShares(c.Projects, shares) {
		p := &c.Projects[s.project]
		findings = append(findings, model.Finding{Line: p.Line, Severity: model.SeverityError,
			Message: fmt.Sprintf("%s says \"same slack and email\" but no project above it in %q has a Slack channel or mailing list", p.Name, p.Area)})
	}
	c.Areas = dropEmptyAreas(c.Areas, filled)
	c.About = prose(d.about(t), d.work)
	return c, findings, nil
}

// chunkLines returns the first and last lines of the table's chunk i.
func (t table) chunkLines(i int) (from, to int) {
	from = t.first + i*chunkRows
	return from, min(from+chunkRows-1, t.last)
}

// panicHook, when a test sets it, runs at the start of each chunk: there
// is no input known to make the parser panic.
var panicHook func(from int)

// parseChunk parses rows from to to (lines, inclusive): each row in the
// plain Markdown that catalogs use is read directly (fastRow), and the
// others by goldmark, as a table of their own under the table's header. A
// panic here comes back from parallel.Do, and catalog names its lines.
func (d *document) parseChunk(t table, from, to int, refs []parser.Reference) ([]row, error) {
	if panicHook != nil {
		panicHook(from)
	}
	c := &chunk{join: joiner{work: d.work}, refs: len(refs) > 0}
	rows := make([]row, to-from+1)
	var slow []int
	scanned := 0
	defer func() { d.work.Add(int64(scanned)) }() // once: chunks run on every core
	for line := from; line <= to; line++ {
		if d.reading.fastRows {
			scanned += len(d.line(line))
			if r, ok := c.fastRow(d.lineText(line), t, line); ok {
				rows[line-from] = r
				continue
			}
		}
		slow = append(slow, line)
	}
	if len(slow) == 0 {
		return rows, nil
	}
	parsed, err := d.goldmarkRows(t, slow, refs)
	if err != nil {
		return nil, err
	}
	for i, line := range slow {
		rows[line-from] = parsed[i]
	}
	return rows, nil
}

// goldmarkRows parses the given lines with goldmark, as a table of their
// own under the table's header.
func (d *document) goldmarkRows(t table, lines []int, refs []parser.Reference) ([]row, error) {
	var buf bytes.Buffer
	d.writeHeader(&buf, t)
	tamed := make([]bool, len(lines))
	for k, l := range lines {
		line, ok := tameRow(withNewline(d.line(l)), t.headerCells, d.work)
		buf.Write(line)
		tamed[k] = ok
	}
	src := buf.Bytes()
	// goldmark reads the header again for each chunk, and makes every row
	// as many cells as the header has.
	d.work.Add(int64(buf.Len() + len(lines)*t.headerCells))
	doc := tables.Parser().Parse(text.NewReader(src), parser.WithContext(newChunkContext(refs)))
	tbl, ok := doc.FirstChild().(*extast.Table)
	if !ok {
		return nil, fmt.Errorf("lines %d-%d do not read as rows of the table on line %d", lines[0], lines[len(lines)-1], t.header)
	}
	var trs []*extast.TableRow
	for n := tbl.FirstChild(); n != nil; n = n.NextSibling() {
		if tr, ok := n.(*extast.TableRow); ok {
			trs = append(trs, tr)
		}
	}
	if len(trs) != len(lines) {
		return nil, fmt.Errorf("lines %d-%d read as %d rows", lines[0], lines[len(lines)-1], len(trs))
	}
	c := &chunk{src: src, join: joiner{work: d.work}}
	rows := make([]row, len(lines))
	for k, tr := range trs {
		var cells []ast.Node
		for cell := tr.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, cell)
		}
		read := make([][]item, len(cells))
		done := make([]bool, len(cells))
		cell := func(i int) []item {
			if i < 0 || i >= len(cells) {
				return nil
			}
			if !done[i] {
				read[i], done[i] = c.items(cells[i]), true
			}
			return read[i]
		}
		rows[k] = c.row(cell, t.cols, lines[k], cellCount(string(d.line(lines[k]))))
		rows[k].tamed = tamed[k]
	}
	return rows, nil
}

// chunk is the source of rows being read.
type chunk struct {
	src   []byte // what goldmark parsed, for its nodes' segments
	dirty bool   // the sanitiser removed something from the current row
	join  joiner // builds spans whose text comes in pieces
	// fastRow's buffers, reused from row to row: a row's items and
	// cells live only until its project is made.
	spanBuf []model.Span
	itemBuf []item
	cellBuf [][]item
	pieces  []piece
	delims  delimiters
	refs    bool // the document defines link references
}

// cellItems returns the items of a row's cell by column index; nil for a
// column that is absent. Reading a cell may set the chunk's dirty flag.
type cellItems func(i int) []item

// row reads one table row: an area, a project, or both. cells is how many
// cells the row has as written, for lint.
func (c *chunk) row(cell cellItems, cols columns, line, cells int) row {
	c.dirty = false
	r := row{line: line, cells: cells, share: -1}
	r.area = plainItems(cell(cols.area))
	if len(cell(cols.project)) > 0 { // items are never blank: appendItem drops those
		r.project, r.share = c.project(cell, cols, line)
		r.isProj = true
	}
	r.cleaned = c.dirty
	return r
}

// dropEmptyAreas removes the areas without projects, such as a trailing
// empty row, filled[i] saying whether areas[i] has any. An area written
// twice is kept once, where its first project is, so that areas come in
// the order of their projects: an empty "A", then "B" with a project, then
// "A" with one, is B then A.
func dropEmptyAreas(areas []model.Area, filled []bool) []model.Area {
	seen := map[string]bool{}
	var kept []model.Area
	for i, a := range areas {
		if filled[i] && !seen[a.Name] {
			kept = append(kept, a)
			seen[a.Name] = true
		}
	}
	return kept
}

// sameSlack marks a Communication item that borrows another project's links.
var sameSlack = regexp.MustCompile(`(?i)^same\s+slack\s+(and|&)\s+e-?mail$`)

// pendingShare is a "same slack and email" item to resolve once all rows are read.
type pendingShare struct {
	project int
	at      int // index in the project's Links where the shared links go
}

// project reads one project row. share is the index in Links where links
// shared through "same slack and email" go, or -1.
func (c *chunk) project(cell cellItems, cols columns, line int) (model.Project, int) {
	proj := model.Project{Line: line}
	share := -1
	links := 0
	for _, i := range []int{cols.project, cols.goal, cols.maturity, cols.communication, cols.azure} {
		for _, it := range cell(i) {
			for _, s := range it {
				if s.URL != "" {
					links++
				}
			}
		}
	}
	if links > 0 {
		proj.Links = make([]model.Link, 0, links)
	}
	// Project cell: the first item is the name, its first link the homepage.
	for i, it := range cell(cols.project) {
		if i == 0 {
			proj.Name = it.plain()
		}
		for l := range it.links() {
			kind := model.ClassifyLink(model.ColumnProject, len(proj.Links) == 0 && i == 0, l.Text, l.URL)
			proj.Links = append(proj.Links, model.Link{Label: l.Text, URL: l.URL, Kind: kind, Column: model.ColumnProject})
		}
		if i > 0 && !it.hasLinks() && it.words() {
			proj.Notes = append(proj.Notes, it.plain())
		}
	}
	// Goal: inline text with its links.
	for i, it := range cell(cols.goal) {
		if i > 0 {
			proj.Goal = append(proj.Goal, model.Span{Text: " "})
		}
		proj.Goal = append(proj.Goal, it...)
		appendLinks(&proj, it, model.ColumnGoal)
	}
	// Maturity: one line per item.
	var lines []string
	for _, it := range cell(cols.maturity) {
		lines = append(lines, it.plain())
		appendLinks(&proj, it, model.ColumnMaturity)
	}
	proj.Maturity = model.ParseMaturity(lines)
	// Communication and Use on Azure: links, notes, and the shared marker.
	for _, col := range []struct {
		index int
		name  model.Column
	}{{cols.communication, model.ColumnCommunication}, {cols.azure, model.ColumnAzure}} {
		for _, it := range cell(col.index) {
			switch {
			case it.hasLinks():
				appendLinks(&proj, it, col.name)
			case col.name == model.ColumnCommunication && sameSlack.MatchString(it.plain()):
				share = len(proj.Links)
			case it.words():
				proj.Notes = append(proj.Notes, it.plain())
			}
		}
	}
	return proj, share
}

func appendLinks(proj *model.Project, it item, col model.Column) {
	for l := range it.links() {
		proj.Links = append(proj.Links, model.Link{
			Label: l.Text, URL: l.URL, Column: col,
			Kind: model.ClassifyLink(col, false, l.Text, l.URL),
		})
	}
}

// resolveShares gives each project that says "same slack and email" the
// Slack and mailing-list links of the nearest project above it in the same
// area that has them. An unresolved marker becomes a note, and is returned.
func resolveShares(projects []model.Project, shares []pendingShare) (unresolved []pendingShare) {
	for _, s := range shares {
		p := &projects[s.project]
		var borrowed []model.Link
		for j := s.project - 1; j >= 0 && projects[j].Area == p.Area && borrowed == nil; j-- {
			borrowed = model.ShareableLinks(&projects[j])
		}
		if borrowed == nil {
			p.Notes = append(p.Notes, "same slack and email")
			unresolved = append(unresolved, s)
			continue
		}
		links := make([]model.Link, 0, len(p.Links)+len(borrowed))
		links = append(links, p.Links[:s.at]...)
		links = append(links, borrowed...)
		p.Links = append(links, p.Links[s.at:]...)
	}
	return unresolved
}
