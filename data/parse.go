// Package data is where catalogs come from: the embedded Markdown catalog,
// files, and the parser that turns the upstream Markdown format into
// model types.
package data

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/upstream-tui/upstream-tui/model"
)

// ParseError is a catalog that cannot be read, with the file and, where it
// helps, the line.
type ParseError struct {
	File string
	Line int // 0 when no line applies
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// markdown parses GFM tables only: the catalog needs nothing else, and
// extensions such as linkify would change what a cell means.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// Parse reads a catalog in the upstream Markdown format. file names the
// source in errors.
func Parse(file string, src []byte) (*model.Catalog, error) {
	c, _, err := parse(file, src)
	return c, err
}

// parse reads a catalog and also returns what lint reports about its
// form: rows whose cell count is not the header's, and what it mended or
// could not resolve.
func parse(file string, src []byte) (*model.Catalog, []model.Finding, error) {
	if line, ok := binaryLine(src); ok {
		return nil, nil, &ParseError{file, line, "not a Markdown catalog (binary data)"}
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src, cleaned := sanitizeSource(src)
	src, mended := normaliseTables(src)
	doc := markdown.Parser().Parse(text.NewReader(src))
	p := &parser{src: src, lines: lineStarts(src), findings: mended}
	for _, line := range cleaned {
		p.warn(line, "removed escape sequences or control characters from this line")
	}

	var title string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				title = p.plain(n)
			}
		case *extast.Table:
			if cols, ok := p.projectColumns(n); ok {
				c := p.catalog(n, cols, title)
				return c, p.findings, nil
			}
		}
	}
	return nil, nil, &ParseError{File: file, Msg: `no project table (a table with "Project Area" and "Project" columns)`}
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

type parser struct {
	src      []byte
	lines    []int // byte offset of the start of each line
	findings []model.Finding
	dirty    bool // the sanitiser removed something from the current row
}

// warnDirty reports a row whose parsed text the sanitiser still had to
// clean: control characters written as character references (&#27;).
func (p *parser) warnDirty(line int) {
	if p.dirty {
		p.warn(line, "removed control characters written as character references from this row")
	}
}

func (p *parser) warn(line int, format string, args ...any) {
	p.findings = append(p.findings, model.Finding{Line: line, Severity: model.SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 1-based line of a byte offset.
func (p *parser) lineOf(offset int) int {
	return sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > offset })
}

// columns holds the index of each known column in the project table, -1 when absent.
type columns struct {
	area, project, goal, maturity, communication, azure int
}

// projectColumns maps header names to columns; ok when the table has both a
// "Project Area" and a "Project" column.
func (p *parser) projectColumns(t *extast.Table) (columns, bool) {
	cols := columns{-1, -1, -1, -1, -1, -1}
	header, ok := t.FirstChild().(*extast.TableHeader)
	if !ok {
		return cols, false
	}
	i := 0
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		name := strings.ToLower(strings.Join(strings.Fields(p.plain(c)), " "))
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
	return cols, cols.area >= 0 && cols.project >= 0
}

// catalog reads the project table's rows.
func (p *parser) catalog(t *extast.Table, cols columns, title string) *model.Catalog {
	c := &model.Catalog{Title: title}
	var shares []pendingShare
	var lastLine int
	headerCells := t.FirstChild().ChildCount()
	for n := t.FirstChild(); n != nil; n = n.NextSibling() {
		row, ok := n.(*extast.TableRow)
		if !ok {
			continue
		}
		cells := rowCells(row)
		line := p.rowLine(row)
		lastLine = max(lastLine, line)
		p.dirty = false
		if have := cellCount(p.lineText(line)); line > 0 && have != headerCells {
			p.warn(line, "row has %d cells; the header has %d", have, headerCells)
		}
		areaName := p.plain(cellAt(cells, cols.area))
		projectCell := cellAt(cells, cols.project)
		if areaName != "" {
			c.Areas = append(c.Areas, model.Area{Name: areaName, Line: line})
		}
		if p.plain(projectCell) == "" {
			p.warnDirty(line)
			continue
		}
		if len(c.Areas) == 0 {
			p.warn(line, "project before any area row; it goes in area \"Other\"")
			c.Areas = append(c.Areas, model.Area{Name: "Other", Line: line})
		}
		proj, share := p.project(cells, cols, line)
		proj.Area = c.Areas[len(c.Areas)-1].Name
		c.Projects = append(c.Projects, proj)
		if share >= 0 {
			shares = append(shares, pendingShare{project: len(c.Projects) - 1, at: share})
		}
		p.warnDirty(line)
	}
	for _, s := range resolveShares(c.Projects, shares) {
		proj := &c.Projects[s.project]
		p.findings = append(p.findings, model.Finding{Line: proj.Line, Severity: model.SeverityError,
			Message: fmt.Sprintf("%s says \"same slack and email\" but no project above it in %q has a Slack channel or mailing list", proj.Name, proj.Area)})
	}
	c.Areas = dropEmptyAreas(c)
	c.About = p.about(t, lastLine)
	return c
}

// lineText returns the text of a 1-based line.
func (p *parser) lineText(line int) string {
	if line <= 0 || line > len(p.lines) {
		return ""
	}
	end := len(p.src)
	if line < len(p.lines) {
		end = p.lines[line]
	}
	return string(p.src[p.lines[line-1]:end])
}

func rowCells(row *extast.TableRow) []ast.Node {
	var cells []ast.Node
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cells = append(cells, c)
	}
	return cells
}

func cellAt(cells []ast.Node, i int) ast.Node {
	if i < 0 || i >= len(cells) {
		return nil
	}
	return cells[i]
}

// rowLine is the line of a row: the line of its first cell with a position.
func (p *parser) rowLine(row ast.Node) int {
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Lines().Len() > 0 {
			return p.lineOf(c.Lines().At(0).Start)
		}
	}
	return 0
}

// dropEmptyAreas removes areas without projects, such as a trailing empty row.
func dropEmptyAreas(c *model.Catalog) []model.Area {
	used := map[string]bool{}
	for _, p := range c.Projects {
		used[p.Area] = true
	}
	var areas []model.Area
	for _, a := range c.Areas {
		if used[a.Name] {
			areas = append(areas, a)
			used[a.Name] = false // keep the first area of a repeated name
		}
	}
	return areas
}

// about returns the prose before and after the table.
func (p *parser) about(t *extast.Table, lastLine int) string {
	header := t.FirstChild()
	start := len(p.src)
	if header != nil {
		if l := p.rowLine(header); l > 0 {
			start = p.lines[l-1]
		}
	}
	end := len(p.src)
	if lastLine > 0 && lastLine < len(p.lines) {
		end = p.lines[lastLine]
	}
	before := strings.TrimSpace(string(p.src[:start]))
	after := ""
	if end > start {
		after = strings.TrimSpace(string(p.src[end:]))
	}
	return Sanitize(strings.TrimSpace(before + "\n\n" + after))
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
func (p *parser) project(cells []ast.Node, cols columns, line int) (model.Project, int) {
	proj := model.Project{Line: line}
	share := -1
	// Project cell: the first item is the name, its first link the homepage.
	for i, it := range p.items(cellAt(cells, cols.project)) {
		if i == 0 {
			proj.Name = it.plain()
		}
		for _, l := range it.links() {
			kind := model.ClassifyLink(model.ColumnProject, len(proj.Links) == 0 && i == 0, l.Text, l.URL)
			proj.Links = append(proj.Links, model.Link{Label: l.Text, URL: l.URL, Kind: kind, Column: model.ColumnProject})
		}
		if i > 0 && !it.hasLinks() && it.words() {
			proj.Notes = append(proj.Notes, it.plain())
		}
	}
	// Goal: inline text with its links.
	for i, it := range p.items(cellAt(cells, cols.goal)) {
		if i > 0 {
			proj.Goal = append(proj.Goal, model.Span{Text: " "})
		}
		proj.Goal = append(proj.Goal, it...)
		p.appendLinks(&proj, it, model.ColumnGoal)
	}
	// Maturity: one line per item.
	var lines []string
	for _, it := range p.items(cellAt(cells, cols.maturity)) {
		lines = append(lines, it.plain())
		p.appendLinks(&proj, it, model.ColumnMaturity)
	}
	proj.Maturity = model.ParseMaturity(lines)
	// Communication and Use on Azure: links, notes, and the shared marker.
	for _, col := range []struct {
		index int
		name  model.Column
	}{{cols.communication, model.ColumnCommunication}, {cols.azure, model.ColumnAzure}} {
		for _, it := range p.items(cellAt(cells, col.index)) {
			switch {
			case it.hasLinks():
				p.appendLinks(&proj, it, col.name)
			case col.name == model.ColumnCommunication && sameSlack.MatchString(it.plain()):
				share = len(proj.Links)
			case it.words():
				proj.Notes = append(proj.Notes, it.plain())
			}
		}
	}
	return proj, share
}

func (p *parser) appendLinks(proj *model.Project, it item, col model.Column) {
	for _, l := range it.links() {
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
			for _, l := range projects[j].Links {
				if l.Kind != model.KindSlack && l.Kind != model.KindMailingList {
					continue
				}
				l.Column = model.ColumnCommunication
				if l.SharedFrom == "" {
					l.SharedFrom = projects[j].Name
				}
				borrowed = append(borrowed, l)
			}
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
