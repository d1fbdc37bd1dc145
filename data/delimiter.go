package data

import (
	"bytes"
	"strings"
)

// fixDelimiterRows makes each table's delimiter row (|---|---|) have as many
// cells as the header row above it. GFM drops a table whose counts differ,
// and a real version of the catalog has one delimiter cell too many. Only
// delimiter lines change, and the line count stays, so line numbers hold.
func fixDelimiterRows(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	changed := false
	for i := 1; i < len(lines); i++ {
		body := strings.TrimRight(string(lines[i]), "\n")
		if !isDelimiterRow(body) {
			continue
		}
		header := strings.TrimRight(string(lines[i-1]), "\n")
		want := cellCount(header)
		have := cellCount(body)
		if want == 0 || have == want || !strings.Contains(header, "|") {
			continue
		}
		lines[i] = []byte("|" + strings.Repeat("---|", want) + "\n")
		changed = true
	}
	if !changed {
		return src
	}
	return bytes.Join(lines, nil)
}

// isDelimiterRow reports whether a line is made only of pipes, dashes,
// colons and spaces, with at least one pipe and one dash.
func isDelimiterRow(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "-") || !strings.Contains(line, "|") {
		return false
	}
	return strings.Trim(line, "|-: \t") == ""
}

// cellCount counts the cells of a table row the way GFM does: split on
// unescaped pipes, ignoring a leading and a trailing one.
func cellCount(row string) int {
	row = strings.TrimSpace(row)
	if row == "" {
		return 0
	}
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	n := 1
	for i := 0; i < len(row); i++ {
		if row[i] == '|' && (i == 0 || row[i-1] != '\\') {
			n++
		}
	}
	return n
}
