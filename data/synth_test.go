package data

import (
	"bytes"
	"os"
	"testing"
)

func TestSynthesize(t *testing.T) {
	var a, b bytes.Buffer
	if err := Synthesize(&a, 7, 500, 42); err != nil {
		t.Fatal(err)
	}
	if err := Synthesize(&b, 7, 500, 42); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed wrote different catalogs")
	}
	c, err := Parse("synth.md", a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Projects) != 500 || len(c.Areas) != 7 {
		t.Fatalf("%d projects in %d areas", len(c.Projects), len(c.Areas))
	}
	names := map[string]bool{}
	shared := 0
	for _, p := range c.Projects {
		if names[p.Name] {
			t.Errorf("duplicate name %q", p.Name)
		}
		names[p.Name] = true
		if _, ok := p.Homepage(); !ok {
			t.Errorf("%s has no homepage", p.Name)
		}
		for _, l := range p.Links {
			if l.SharedFrom != "" {
				shared++
			}
		}
	}
	if shared == 0 {
		t.Error("no project shares a Slack channel")
	}
	for _, f := range Lint("synth.md", a.Bytes()) {
		if f.Severity == "error" {
			t.Errorf("lint error: %+v", f)
		}
	}
	var other bytes.Buffer
	if err := Synthesize(&other, 7, 500, 43); err != nil || bytes.Equal(other.Bytes(), a.Bytes()) {
		t.Error("another seed wrote the same catalog")
	}
}

func TestParsePrefix(t *testing.T) {
	var b bytes.Buffer
	if err := Synthesize(&b, 12, 20_000, 3); err != nil {
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
	if _, ok := ParsePrefix("projects.md", Embedded()); ok {
		t.Error("a small catalog was read by prefix")
	}
	path := t.TempDir() + "/big.md"
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, ok := LoadFilePrefix(path); !ok || len(c.Projects) != len(prefix.Projects) {
		t.Errorf("LoadFilePrefix: ok %v", ok)
	}
}
