package landscape

import "bytes"

// URLSpans returns where a URL may stand on one line of a landscape.yml,
// as byte ranges [start, end): the value of a "key: value" or "- value"
// line, plain (up to a " #" comment) or inside double quotes without
// escapes. It locates a URL to rewrite it in place (lint --fix) and does
// not parse: a range is a candidate, which the caller compares with the
// URL the reader read. A single-quoted value is left out, as a fix with
// a quote in it would end it.
func URLSpans(line []byte) [][2]int {
	start := valueStart(line)
	if start < 0 || start >= len(line) {
		return nil
	}
	if line[start] == '"' {
		end := bytes.IndexByte(line[start+1:], '"')
		if end < 0 || bytes.IndexByte(line[start+1:start+1+end], '\\') >= 0 {
			return nil
		}
		return [][2]int{{start + 1, start + 1 + end}}
	}
	if line[start] == '\'' {
		return nil
	}
	end := len(line)
	if c := bytes.Index(line[start:], []byte(" #")); c >= 0 {
		end = start + c
	}
	for end > start && (line[end-1] == ' ' || line[end-1] == '\t') {
		end--
	}
	if end == start {
		return nil
	}
	return [][2]int{{start, end}}
}

// valueStart is where the value of a "key: value" or "- value" line
// starts, after the spaces that follow the marker; -1 when the line has
// neither.
func valueStart(line []byte) int {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if bytes.HasPrefix(line[i:], []byte("- ")) {
		i += 2
	} else if c := bytes.Index(line[i:], []byte(": ")); c >= 0 {
		i += c + 2
	} else {
		return -1
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}
