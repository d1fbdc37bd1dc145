package config

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions says where the keys of a TOML document are: the line of each
// key, by its full dotted name ("keys.slack"), and of each table header.
type positions struct {
	keys   map[string]int
	tables map[string]int
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
			name, line := pos.dotted(&p, &it)
			table = name
			if _, seen := pos.tables[name]; !seen {
				pos.tables[name] = line
			}
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
	name, line := pos.dotted(p, &it)
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

// dotted joins a key's parts and returns the line it starts on.
func (pos positions) dotted(p *unstable.Parser, it *unstable.Iterator) (string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), line
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
