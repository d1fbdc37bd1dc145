package synth

import (
	"bytes"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
)

func TestWrite(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, 7, 500, 42); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, 7, 500, 42); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed wrote different catalogs")
	}
	c, err := markdown.Parse("synth.md", a.Bytes())
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
	for _, f := range markdown.Lint("synth.md", a.Bytes()) {
		if f.Severity == "error" {
			t.Errorf("lint error: %+v", f)
		}
	}
	var other bytes.Buffer
	if err := Write(&other, 7, 500, 43); err != nil || bytes.Equal(other.Bytes(), a.Bytes()) {
		t.Error("another seed wrote the same catalog")
	}
}
