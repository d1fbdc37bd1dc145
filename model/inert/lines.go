package inert

import (
	"strings"
	"unsafe"
)

// Lines makes a whole file inert before it is parsed, line by line (Text
// on each): escape sequences hide in a format's syntax (the "]" of OSC
// closes a Markdown link label; a YAML parser refuses a control
// character), so cleaning the parsed text alone would leave payloads
// behind or refuse the file. It keeps every newline, so that line numbers
// hold, and returns the 1-based lines it changed; a clean file comes back
// as it is.
func Lines(src []byte) ([]byte, []int) {
	// Read without a copy: IsClean only reads.
	if IsClean(unsafe.String(unsafe.SliceData(src), len(src))) {
		return src, nil
	}
	lines := strings.SplitAfter(string(src), "\n")
	var changed []int
	for i, line := range lines {
		if clean := Text(line); clean != line {
			lines[i] = clean
			changed = append(changed, i+1)
		}
	}
	return []byte(strings.Join(lines, "")), changed
}
