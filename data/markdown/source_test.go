package markdown

import (
	"testing"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

func TestSanitizeSourceKeepsLines(t *testing.T) {
	src := "one\x1b]0;title\n| two \x1b]52;c;unterminated\n| three\rx\x1b[2J |\nfour\n"
	got, changed := sanitizeSource([]byte(src))
	if string(got) != "one\n| two \n| threex |\nfour\n" {
		t.Errorf("sanitizeSource = %q", got)
	}
	if len(changed) != 3 || changed[0] != 1 || changed[2] != 3 {
		t.Errorf("changed lines %v", changed)
	}
}

func TestEntitiesCannotSmuggleControls(t *testing.T) {
	src := "| Project Area | Project | Goal |\n|---|---|---|\n| A | | |\n| | [P&#27;]0;PWNED&#7;](https://p.example) | x &#x9b;2J &#27;[2J y |\n"
	c, fs, err := parse("entities.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Projects[0]
	if !inert.IsClean(p.Name) || !inert.IsClean(p.Goal.Plain()) {
		t.Errorf("name %q goal %q", p.Name, p.Goal.Plain())
	}
	if len(fs) == 0 || fs[len(fs)-1].Line != 4 {
		t.Errorf("findings %+v", fs)
	}
}
