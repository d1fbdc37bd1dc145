package markdown

import (
	"bytes"
	"strings"
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
	// The rows of PrefixBytes: a screen, far from the whole.
	if !ok || len(prefix.Projects) < 50 || len(prefix.Projects) >= len(full.Projects)/10 {
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
	// Short rows: prefixRows bounds what the head's parse reads.
	short := "| Project Area | Project |\n|---|---|\n| A | |\n" + strings.Repeat("| | *P* |\n", PrefixBytes/4)
	if prefix, ok := ParsePrefix("short.md", []byte(short)); !ok || len(prefix.Projects) != prefixRows-1 {
		t.Errorf("short rows: ok %v, %+v", ok, prefix)
	}
}
