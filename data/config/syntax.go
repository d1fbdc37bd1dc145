package config

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// syntax words a mistake go-toml found in the file itself, not in what
// it holds, as the checks on values would: at its line, with its key when
// the line has one, and in the same words for the common cases (a bare
// word where a value should be, a key set twice). go-toml alone decides
// what is TOML; this only finds the key and chooses the words.
func (c *checker) syntax(doc []byte, e *toml.DecodeError) *Error {
	line, _ := e.Position()
	line = max(line, 1)
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	var key []string
	if k := e.Key(); len(k) > 0 {
		// A key set twice: the key is relative to the table it is in,
		// unless the line is a table's header.
		key = k
		if _, ok := c.pos.headerOn(line); !ok {
			key = append(c.pos.tableAt(line), k...)
		}
	} else if start := expressionStart(doc, line); start > 0 {
		// go-toml names no key when the file does not parse: it is the
		// key of the expression the mistake is in, which may begin on a
		// line above it (a list of keys over several lines).
		if k := keyOf(lineText(doc, start)); k != nil {
			key = append(c.pos.tableAt(start), k...)
		}
	}
	switch {
	case strings.HasPrefix(msg, "key ") && strings.HasSuffix(msg, " is already defined"),
		strings.HasPrefix(msg, "table ") && strings.HasSuffix(msg, " already exists"):
		msg = "set twice"
	case msg == "expected '=' after key":
		return &Error{Line: line, Msg: "expected key = value, got " + inert.Quote(strings.TrimSpace(lineText(doc, line)))}
	case key != nil && bareValue(msg):
		if want := c.expected(key); want != "" {
			msg = want
		}
	}
	return &Error{Line: line, Key: keyName(key...), Msg: inert.Escape(msg)}
}

// bareValue reports whether go-toml's message says a value is missing or
// is a bare word: yes, s, 6h, foo (which go-toml reads as a misspelt
// false).
func bareValue(msg string) bool {
	return strings.HasPrefix(msg, "unexpected character ") && strings.HasSuffix(msg, " at start of value") ||
		strings.HasPrefix(msg, "expected keyword ") ||
		msg == "strings must be quoted" ||
		msg == "expected value, not end of input"
}

// expressionStart returns the first line of the expression that holds
// the given line of a document that does not parse: the last line at or
// above it before which the document parses. 0 when there is none.
func expressionStart(doc []byte, line int) int {
	for n := line; n >= 1; n-- {
		var p unstable.Parser
		p.Reset(doc[:lineOffset(doc, n)])
		for p.NextExpression() {
		}
		if p.Error() == nil {
			return n
		}
	}
	return 0
}

// keyOf returns the key of a line that starts key = value: the parts of
// the first text before an = that go-toml reads as a key. Nil when the
// line has none (a table's header, a comment, no =).
func keyOf(line string) []string {
	for i := range len(line) {
		if line[i] != '=' {
			continue
		}
		var p unstable.Parser
		p.Reset([]byte(line[:i] + "= 0"))
		if p.NextExpression() && p.Expression().Kind == unstable.KeyValue {
			it := p.Expression().Key()
			parts, _ := keyParts(&p, &it)
			return parts
		}
	}
	return nil
}

// lineOffset is the offset of the start of a line (from 1) of doc.
func lineOffset(doc []byte, line int) int {
	off := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(doc[off:], '\n')
		if i < 0 {
			return len(doc)
		}
		off += i + 1
	}
	return off
}

// lineText is a line (from 1) of doc, without its end.
func lineText(doc []byte, line int) string {
	rest := doc[lineOffset(doc, line):]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSuffix(string(rest), "\r")
}

// maxKeyName is how many bytes of a key a message echoes, as inert.Quote
// cuts a part.
const maxKeyName = 200

// keyName writes a key as TOML would: its parts joined by dots, each
// quoted unless it is a bare key. A quoted part is inert.Quote's (escapes
// shown, cut to 200 bytes), so that a key naming a control character
// prints as its escape, and a megabyte of key comes back as a line; a key
// of many parts is cut after 200 bytes too.
func keyName(parts ...string) string {
	var b strings.Builder
	for i, part := range parts {
		if i > 0 {
			b.WriteByte('.')
		}
		if b.Len() > maxKeyName {
			b.WriteString("…")
			break
		}
		if part == "" || len(part) > maxKeyName || strings.ContainsFunc(part, func(r rune) bool {
			return !(r == '_' || r == '-' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
		}) {
			part = inert.Quote(part)
		}
		b.WriteString(part)
	}
	return b.String()
}
