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
	// inTable: the lines since the last blank line or heading continue a
	// paragraph that already had its delimiter row (or, as GFM reads it,
	// that is no table), so each is a row whatever it looks like, and
	// none is read twice ("a|b\n-|-\n" repeated stays linear). Other
	// blocks that can end a paragraph are not looked for: a table right
	// under one, with a delimiter row of the wrong count, is not mended.
	inTable := false
	for i := 1; i < len(lines); i++ {
		body := strings.TrimRight(readOnlyString(lines[i]), "\n")
		if endsParagraph(body) {
			inTable = false
			continue
		}
		header := strings.TrimRight(readOnlyString(lines[i-1]), "\n")
		if inTable || endsParagraph(header) || !isDelimiterRow(body) {
			continue // a paragraph's first line is never its delimiter row
		}
		// GFM takes the first delimiter row of a paragraph, under a line,
		// as the table's or, when the counts differ, as no table.
		inTable = true
		if !strings.Contains(header, "|") {
			continue
		}
		want := cellCount(header)
		if have := cellCount(body); have != want {
			lines[i] = []byte("|" + strings.Repeat("---|", want) + "\n")
			mended = append(mended, model.Finding{Line: i + 1, Severity: model.SeverityWarning,
				Message: fmt.Sprintf("delimiter row has %d cells; the header has %d (GFM drops such a table; read as %d)", have, want, want)})
		}
		if strings.HasPrefix(strings.TrimSpace(header), "|") {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			w.Add(int64(len(lines[j])))
			row := strings.TrimRight(readOnlyString(lines[j]), "\n")
			if endsParagraph(row) {
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

// endsParagraph reports whether a line ends a paragraph, and with it a
// table: a blank line, or an ATX heading (up to three spaces, one to six
// '#', then a space, a tab or nothing), the one block seen right above a
// table.
func endsParagraph(line string) bool {
	text := strings.TrimLeft(line, " ")
	if strings.TrimSpace(text) == "" {
		return true
	}
	rest := strings.TrimLeft(text, "#")
	hashes := len(text) - len(rest)
	return len(line)-len(text) <= 3 && hashes >= 1 && hashes <= 6 && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// isDelimiterRow reports whether a line is a GFM table's delimiter row, as
// goldmark reads one: cells of one or more dashes, each with an optional
// colon at either end, an outer pipe on either side ignored; and, for this
// reader, at least one pipe. A row with an empty cell (|  | - |) is none:
// inside a table it is a row.
func isDelimiterRow(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "|") || strings.Trim(line, "|-: \t") != "" {
		return false // most lines, at once
	}
	cells := strings.Split(line, "|")
	if strings.TrimSpace(cells[0]) == "" {
		cells = cells[1:]
	}
	if n := len(cells); n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		cells = cells[:n-1]
	}
	for _, cell := range cells {
		cell = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(cell), ":"), ":")
		if cell == "" || strings.Trim(cell, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
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
