package linkcheck

import (
	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
)

// Apply returns src with the findings' fixes applied: on each finding's
// line, every place spans finds (the format's: markdown.URLSpans for a
// Markdown file, the link destinations) that holds exactly the finding's
// URL is replaced by its Fix; nil spans is markdown.URLSpans. Nothing else changes: not a line ending (LF, CRLF
// or CR), not the last newline or its absence. applied[i] reports
// whether fs[i]'s fix was written (a URL written otherwise in the file,
// with escapes, is not found and not fixed). src is not modified.
func Apply(src []byte, fs []model.LinkFinding, spans func(line []byte) [][2]int) (out []byte, applied []bool) {
	if spans == nil {
		spans = markdown.URLSpans
	}
	applied = make([]bool, len(fs))
	byLine := map[int][]int{}
	for i, f := range fs {
		if f.Fix != "" && f.Fix != f.URL {
			byLine[f.Line] = append(byLine[f.Line], i)
		}
	}
	if len(byLine) == 0 {
		return src, applied
	}
	out = make([]byte, 0, len(src)+256)
	for n, ln := range lines(src) {
		line := src[ln.start:ln.end]
		idx := byLine[n+1]
		if len(idx) == 0 {
			out = append(out, src[ln.start:ln.next]...)
			continue
		}
		at := 0
		for _, sp := range spans(line) {
			dest := string(line[sp[0]:sp[1]])
			for _, i := range idx {
				if fs[i].URL == dest {
					out = append(out, line[at:sp[0]]...)
					out = append(out, fs[i].Fix...)
					at = sp[1]
					applied[i] = true
					break
				}
			}
		}
		out = append(out, line[at:]...)
		out = append(out, src[ln.end:ln.next]...)
	}
	return out, applied
}

// span is a line of a file: its text is src[start:end], its line ending
// src[end:next].
type span struct{ start, end, next int }

// lines splits src into lines as the Markdown reader counts them: each
// ends at "\n", "\r\n" or a "\r" alone; a last line without an ending
// counts when it is not empty.
func lines(src []byte) []span {
	var ls []span
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			ls = append(ls, span{start, i, i + 1})
			start = i + 1
		case '\r':
			next := i + 1
			if next < len(src) && src[next] == '\n' {
				next++
			}
			ls = append(ls, span{start, i, next})
			start = next
			i = next - 1
		}
	}
	if start < len(src) {
		ls = append(ls, span{start, len(src), len(src)})
	}
	return ls
}
