package model

import (
	"fmt"
	"strings"
)

// leadMargin is how far the best fuzzy match must score above the next for
// FindProject to take it: about two matched letters' worth.
const leadMargin = 2 * scoreRune

// FindProject finds the project a user means by name, ignoring case: an
// exact name first, then the one name containing name, then the best fuzzy
// match when it clearly leads. It never guesses between close matches: the
// error then lists the candidates.
func FindProject(c *Catalog, ix *Index, name string) (int, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	if want == "" {
		return 0, fmt.Errorf("no project name given")
	}
	var containing []int
	for i := range c.Projects {
		n := strings.ToLower(c.Projects[i].Name)
		if n == want {
			return i, nil
		}
		if strings.Contains(n, want) {
			containing = append(containing, i)
		}
	}
	switch len(containing) {
	case 1:
		return containing[0], nil
	case 0:
	default:
		return 0, ambiguous(c, name, containing)
	}
	ms := ix.Search(name, nil)
	switch {
	case len(ms) == 0:
		return 0, fmt.Errorf("no project matches %q", name)
	case len(ms) == 1 || ms[0].Score-ms[1].Score >= leadMargin:
		return ms[0].Project, nil
	}
	var close []int
	for _, m := range ms {
		if ms[0].Score-m.Score < leadMargin {
			close = append(close, m.Project)
		}
	}
	return 0, ambiguous(c, name, close)
}

func ambiguous(c *Catalog, name string, idx []int) error {
	names := make([]string, len(idx))
	for i, p := range idx {
		names[i] = fmt.Sprintf("%q", c.Projects[p].Name)
	}
	return fmt.Errorf("%q matches %d projects: %s", name, len(idx), strings.Join(names, ", "))
}
