package markdown

import (
	"strings"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// sanitizeSource sanitises a whole file before it is parsed: escape
// sequences hide in Markdown syntax (the "]" of OSC closes a link label),
// so cleaning the parsed text alone would leave payloads behind. It keeps
// every newline, and returns the lines it changed.
func sanitizeSource(src []byte) ([]byte, []int) {
	if inert.IsClean(readOnlyString(src)) {
		return src, nil
	}
	lines := strings.SplitAfter(string(src), "\n")
	var changed []int
	for i, line := range lines {
		if clean := inert.Text(line); clean != line {
			lines[i] = clean
			changed = append(changed, i+1)
		}
	}
	return []byte(strings.Join(lines, "")), changed
}
