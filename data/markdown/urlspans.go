package markdown

import "bytes"

// URLSpans returns where link destinations stand on one line of Markdown,
// as byte ranges [start, end): after "](" in an inline link (inside its
// angle brackets when it has them) and inside an http(s) autolink
// ("<https://...>"). It locates a URL to rewrite it in place; it does not
// parse: a range is a candidate, which the caller compares with the URL
// the parser read.
func URLSpans(line []byte) [][2]int {
	var spans [][2]int
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == ']' && i+1 < len(line) && line[i+1] == '(':
			if s, e, ok := inlineDestination(line, i+2); ok {
				spans = append(spans, [2]int{s, e})
				i = e - 1
			}
		case line[i] == '<' && isAutolinkStart(line[i+1:]):
			if n := bytes.IndexAny(line[i+1:], "<> \t\r\n"); n > 0 && line[i+1+n] == '>' {
				spans = append(spans, [2]int{i + 1, i + 1 + n})
				i += n + 1
			}
		}
	}
	return spans
}

// inlineDestination reads the destination of an inline link that starts
// at from (just after "](", after optional spaces): "<...>" or a run
// without spaces whose parentheses balance.
func inlineDestination(line []byte, from int) (start, end int, ok bool) {
	for from < len(line) && (line[from] == ' ' || line[from] == '\t') {
		from++
	}
	if from < len(line) && line[from] == '<' {
		n := bytes.IndexAny(line[from+1:], "<>\r\n")
		if n <= 0 || line[from+1+n] != '>' {
			return 0, 0, false
		}
		return from + 1, from + 1 + n, true
	}
	depth := 0
	i := from
scan:
	for ; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			i++
		case c == '(':
			depth++
		case c == ')' && depth == 0, c == ' ', c == '\t', c == '\r', c == '\n', c < 0x20:
			break scan
		case c == ')':
			depth--
		}
	}
	return from, i, i > from
}

// isAutolinkStart reports whether b starts with http:// or https://, in
// any case.
func isAutolinkStart(b []byte) bool {
	for _, p := range []string{"http://", "https://"} {
		if len(b) >= len(p) && bytes.EqualFold(b[:len(p)], []byte(p)) {
			return true
		}
	}
	return false
}
