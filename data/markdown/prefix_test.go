package markdown

import (
	"bytes"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

func TestParsePrefix(t *testing.T) {
	var b bytes.Buffer
	if err := synth.Write(&b, 12, 20_000, 3); err != nil {
		t.Fatal(err)
	}
	full, err := Parse("big.md", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	prefix, ok := ParsePrefix("big.md", b.Bytes())
	// prefixRows rows: the projects, and the area rows among them.
	if !ok || len(prefix.Projects) < prefixRows-12 || len(prefix.Projects) >= prefixRows {
		t.Fatalf("prefix: ok %v, %d projects", ok, len(prefix.Projects))
	}
	for i, p := range prefix.Projects {
		if w := full.Projects[i]; p.Name != w.Name || p.Line != w.Line || len(p.Links) != len(w.Links) {
			t.Fatalf("prefix project %d is %q (line %d), want %q (line %d)", i, p.Name, p.Line, w.Name, w.Line)
		}
	}
	if _, ok := ParsePrefix("projects.md", embedded()); ok {
		t.Error("a small catalog was read by prefix")
	}
}
