package config

import (
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions says where the keys of a TOML document are: the line of each
// key, by its full dotted name ("keys.slack"), and each table header in
// the order of the file.
type positions struct {
	keys    map[string]int
	tables  map[string]int
	headers []header
}

// header is a [table] or [[array table]] line.
type header struct {
	parts []string
	line  int
	array bool
}

// String is the header as it is written: [keys.sub] or [[keys]], its
// parts quoted when they need it.
func (h header) String() string {
	if h.array {
		return "[[" + keyName(h.parts...) + "]]"
	}
	return "[" + keyName(h.parts...) + "]"
}

// keyLines finds the keys of a document that go-toml has read whole; it
// stops at the first expression it cannot parse.
func keyLines(doc []byte) positions {
	pos := positions{keys: map[string]int{}, tables: map[string]int{}}
	p := unstable.Parser{}
	p.Reset(doc)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			it := e.Key()
			parts, line := keyParts(&p, &it)
			table = strings.Join(parts, ".")
			if _, seen := pos.tables[table]; !seen {
				pos.tables[table] = line
			}
			pos.headers = append(pos.headers, header{parts: parts, line: line, array: e.Kind == unstable.ArrayTable})
		case unstable.KeyValue:
			pos.keyValue(&p, e, table)
		}
	}
	return pos
}

// keyValue notes a key = value and, when the value is an inline table,
// the keys inside it.
func (pos positions) keyValue(p *unstable.Parser, e *unstable.Node, prefix string) {
	it := e.Key()
	parts, line := keyParts(p, &it)
	name := strings.Join(parts, ".")
	if prefix != "" {
		name = prefix + "." + name
	}
	pos.keys[name] = line
	if v := e.Value(); v.Kind == unstable.InlineTable {
		children := v.Children()
		for children.Next() {
			if kv := children.Node(); kv.Kind == unstable.KeyValue {
				pos.keyValue(p, kv, name)
			}
		}
	}
}

// keyParts returns a key's parts and the line it starts on.
func keyParts(p *unstable.Parser, it *unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return parts, line
}

// line is the line of a key, or of the nearest table or key it is in;
// 1 when none is known.
func (pos positions) line(key string) int {
	for k := key; k != ""; {
		if n, ok := pos.keys[k]; ok {
			return n
		}
		if n, ok := pos.tables[k]; ok {
			return n
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return 1
}

// headerOn returns the header on a line.
func (pos positions) headerOn(line int) (header, bool) {
	i := slices.IndexFunc(pos.headers, func(h header) bool { return h.line == line })
	if i < 0 {
		return header{}, false
	}
	return pos.headers[i], true
}

// headerUnder returns the first header that names a table at or under
// parts: [keys.sub] or [keys.sub.more] for keys.sub.
func (pos positions) headerUnder(parts ...string) (header, bool) {
	i := slices.IndexFunc(pos.headers, func(h header) bool {
		return len(h.parts) >= len(parts) && slices.Equal(h.parts[:len(parts)], parts)
	})
	if i < 0 {
		return header{}, false
	}
	return pos.headers[i], true
}

// tableAt returns the parts of the table a line above or below the
// headers is in: that of the last header before it.
func (pos positions) tableAt(line int) []string {
	var parts []string
	for _, h := range pos.headers {
		if h.line >= line {
			break
		}
		parts = h.parts
	}
	return parts
}
