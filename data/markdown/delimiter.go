package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/upstream-tui/upstream-tui/model"
)

// normaliseTables mends two ways the catalog's tables are written that GFM
// reads otherwise than their authors meant, before goldmark sees them:
//
//   - a delimiter row (|---|---|) with more or fewer cells than its header:
//     GFM drops the whole table, and a real version of the catalog has one
//     delimiter cell too many. The row is rewritten to the header's count.
//   - in a table written without outer pipes, a row whose first cell is
//     empty starts with "|", which GFM takes as an optional leading pipe, so
//     every cell shifts one column left. Such a row gets its leading pipe.
//
// Only table lines change, and the line count stays, so line numbers hold.
// What it mended is returned as findings for lint. The lines it reads are
// counted in w.
func normaliseTables(src []byte, w *atomic.Int64) ([]byte, []model.Finding) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var mended []model.Finding
	w.Add(int64(len(src)))
	// scanned is the line after the last that a table without outer pipes
	// was read to: a delimiter-like line before it is one of that table's
	// rows, and reading on from it again made "a|b\n-|-\n" repeated
	// quadratic.
	scanned := 0
	for i := 1; i < len(lines); i++ {
		body := strings.TrimRight(readOnlyString(lines[i]), "\n")
		header := strings.TrimRight(readOnlyString(lines[i-1]), "\n")
		if !isDelimiterRow(body) || !strings.Contains(header, "|") {
			continue
		}
		want := cellCount(header)
		if have := cellCount(body); have != want {
			lines[i] = []byte("|" + strings.Repeat("---|", want) + "\n")
			mended = append(mended, model.Finding{Line: i + 1, Severity: model.SeverityWarning,
				Message: fmt.Sprintf("delimiter row has %d cells; the header has %d (GFM drops such a table; read as %d)", have, want, want)})
		}
		if strings.HasPrefix(strings.TrimSpace(header), "|") || i < scanned {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			scanned = j + 1
			w.Add(int64(len(lines[j])))
			row := strings.TrimRight(readOnlyString(lines[j]), "\n")
			if strings.TrimSpace(row) == "" {
				break
			}
			if strings.HasPrefix(strings.TrimSpace(row), "|") && cellCount(row) < want {
				lines[j] = append([]byte("|"), lines[j]...)
				mended = append(mended, model.Finding{Line: j + 1, Severity: model.SeverityWarning,
					Message: "row starts with '|' in a table without outer pipes: GFM would shift its cells left; read with an empty first cell"})
			}
		}
	}
	if mended == nil {
		return src, nil
	}
	return bytes.Join(lines, nil), mended
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
