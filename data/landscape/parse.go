package landscape

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// Title is the title of every landscape catalog.
const Title = "CNCF Landscape"

// sniffBytes is how far into a file Is looks for the top-level
// landscape: key.
const sniffBytes = 64 << 10

// Is reports whether src holds a landscape catalog, by its content: a YAML
// document whose top-level mapping has the key landscape:, with nothing
// but comments, blank lines, directives and other top-level keys before
// it in the first 64 KiB. A Markdown catalog never passes: its first
// line of text is no key.
func Is(src []byte) bool {
	src = src[:min(len(src), sniffBytes)]
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		switch {
		case len(line) == 0, line[0] == '#', line[0] == ' ', line[0] == '\t', line[0] == '%', string(line) == "---":
			continue // blank, comment, indented (a value), directive, document start
		}
		key, rest, ok := bytes.Cut(line, []byte(":"))
		if !ok || !isKey(key) || len(rest) > 0 && rest[0] != ' ' {
			return false
		}
		if string(key) == "landscape" {
			rest = bytes.TrimSpace(rest)
			return len(rest) == 0 || rest[0] == '#'
		}
	}
	return false
}

// isKey reports whether b is a plain top-level key: letters, digits, '_'
// and '-'.
func isKey(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Parse reads a landscape catalog. file names the source in errors, which
// are *markdown.ParseError with the line when one applies.
func Parse(file string, src []byte) (*model.Catalog, error) {
	r, err := read(file, src)
	if err != nil {
		return nil, err
	}
	return r.catalog(), nil
}

// HeadBytes is how much of a large file ParseHead is meant to read: the
// first projects, about 60, more than a screen shows, in under 2 ms.
const HeadBytes = 32 << 10

// ParseHead reads the projects in head, the start of a landscape file,
// cut before its last item so that what is left is whole YAML: a first
// view while the whole file is read. ok is false when that holds no
// project or does not parse.
func ParseHead(file string, head []byte) (c *model.Catalog, ok bool) {
	end := lastItemStart(head)
	if end < 0 {
		return nil, false
	}
	c, err := Parse(file, head[:end])
	return c, err == nil && len(c.Projects) > 0
}

// lastItemStart returns where the last line that starts an item ("- item:",
// indented as the first one is) begins in src, or -1.
func lastItemStart(src []byte) int {
	const marker = "- item:"
	first := bytes.Index(src, []byte(marker))
	if first < 0 {
		return -1
	}
	lineStart := bytes.LastIndexByte(src[:first], '\n') + 1
	indent := src[lineStart:first]
	if len(bytes.Trim(indent, " ")) > 0 {
		return -1
	}
	last := bytes.LastIndex(src, append(append([]byte{'\n'}, indent...), marker...))
	if last < 0 || last+1 == lineStart {
		return -1
	}
	return last + 1
}

// reading is a landscape file as read: its items, in file order, with
// what lint needs besides the projects.
type reading struct {
	file  string
	areas []model.Area
	// subAreas holds every "category / subcategory" of the file, for
	// lint's check of second_path.
	subAreas map[model.Place]bool
	items    []item
	// cleaned are the lines escape sequences were removed from.
	cleaned []int
}

// MaxBytes bounds a landscape file, below data's 128 MiB for any catalog:
// the YAML nodes take about 16 times the file (the real one is 1.1 MB;
// 16 MiB would take 260 MB and a second to parse).
const MaxBytes = 16 << 20

// read parses src into a reading: the YAML, then its structure.
func read(file string, src []byte) (*reading, error) {
	if len(src) > MaxBytes {
		return nil, &markdown.ParseError{File: file, Msg: "too large for a landscape catalog (over 16 MiB)"}
	}
	src = lineEndings(src)
	src, cleaned := inert.Lines(src)
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	r := &reading{file: file, subAreas: map[model.Place]bool{}, cleaned: cleaned}
	if err := r.noAliases(&doc); err != nil {
		return nil, err
	}
	if err := r.document(&doc); err != nil {
		return nil, err
	}
	return r, nil
}

// lineEndings makes every line end in "\n" ("\r\n" and "\r" alone, which
// inert.Lines would drop and so join lines), keeping the line count.
func lineEndings(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// yamlError turns the YAML library's error ("yaml: line 5: did not find
// expected key") into FILE:LINE: message. An error with no line is on the
// first: the library leaves line 1 out.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	return &markdown.ParseError{File: file, Line: line, Msg: inert.Text("not valid YAML: " + msg)}
}

// structureError is a node where the schema wants something else.
func (r *reading) structureError(n *yaml.Node, format string, args ...any) error {
	return &markdown.ParseError{File: r.file, Line: n.Line, Msg: inert.Text(fmt.Sprintf(format, args...))}
}

// errNotLandscape says the YAML is no landscape.
var errNotLandscape = errors.New("not a landscape catalog: no top-level landscape: list of categories")

// document reads the top level: landscape:, a list of categories.
func (r *reading) document(doc *yaml.Node) error {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return &markdown.ParseError{File: r.file, Line: 1, Msg: errNotLandscape.Error()}
	}
	top := doc.Content[0]
	list := value(top, "landscape")
	if top.Kind != yaml.MappingNode || list == nil {
		return r.structureError(top, "%s", errNotLandscape)
	}
	if err := r.check(list, yaml.SequenceNode, "landscape"); err != nil {
		return err
	}
	for _, cat := range list.Content {
		if err := r.category(cat); err != nil {
			return err
		}
	}
	return nil
}

// noAliases refuses a document with an alias anywhere: an alias is how a
// YAML bomb grows ("billion laughs"), and landscape.yml has no use for
// one. The parser keeps an alias as one node, unexpanded, so a bomb is
// refused here as fast as any small file is read. The walk keeps its own
// stack: the parser allows 10,000 levels of nesting.
func (r *reading) noAliases(doc *yaml.Node) error {
	stack := []*yaml.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			return r.structureError(n, "aliases (*%s) are not allowed in a landscape catalog", n.Value)
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i]) // the first child next: the first alias is reported
		}
	}
	return nil
}

// check refuses a node of another kind than want.
func (r *reading) check(n *yaml.Node, want yaml.Kind, what string) error {
	if n.Kind != want {
		return r.structureError(n, "%s should be %s, not %s", what, kindName(want), kindName(n.Kind))
	}
	return nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "a text"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// category reads one category: its name and its subcategories.
func (r *reading) category(n *yaml.Node) error {
	if err := r.check(n, yaml.MappingNode, "a category"); err != nil {
		return err
	}
	name, err := r.name(n, "a category")
	if err != nil {
		return err
	}
	r.areas = append(r.areas, model.Area{Name: name, Line: n.Line})
	subs := value(n, "subcategories")
	if subs == nil || isNull(subs) {
		return nil
	}
	if err := r.check(subs, yaml.SequenceNode, "subcategories"); err != nil {
		return err
	}
	for _, sub := range subs.Content {
		if err := r.subcategory(name, sub); err != nil {
			return err
		}
	}
	return nil
}

// subcategory reads one subcategory: its name and its items.
func (r *reading) subcategory(area string, n *yaml.Node) error {
	if err := r.check(n, yaml.MappingNode, "a subcategory"); err != nil {
		return err
	}
	name, err := r.name(n, "a subcategory")
	if err != nil {
		return err
	}
	place := model.Place{Area: area, SubArea: name}
	r.subAreas[place] = true
	items := value(n, "items")
	if items == nil || isNull(items) {
		return nil
	}
	if err := r.check(items, yaml.SequenceNode, "items"); err != nil {
		return err
	}
	for _, it := range items.Content {
		if err := r.check(it, yaml.MappingNode, "an item"); err != nil {
			return err
		}
		name, err := r.name(it, "an item")
		if err != nil {
			return err
		}
		i, err := r.item(it, name, place)
		if err != nil {
			return err
		}
		r.items = append(r.items, i)
	}
	return nil
}

// name reads the name of a category, subcategory or item: required text.
func (r *reading) name(n *yaml.Node, what string) (string, error) {
	v := value(n, "name")
	if v == nil {
		return "", r.structureError(n, "%s has no name", what)
	}
	if err := r.check(v, yaml.ScalarNode, what+"'s name"); err != nil {
		return "", err
	}
	name := text(v)
	if name == "" {
		return "", r.structureError(v, "%s has an empty name", what)
	}
	return name, nil
}

// value returns the value of key in mapping n, or nil (n nil or no
// mapping too).
func value(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// text is a scalar's value made inert (YAML's "\e" escapes resolve in the
// parser, after inert.Lines saw the source), its lines joined with spaces
// and trimmed: catalog texts are one line.
func text(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return ""
	}
	s := inert.Text(n.Value)
	if strings.ContainsAny(s, "\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}
