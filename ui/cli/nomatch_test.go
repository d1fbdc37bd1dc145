package cli

import (
	"bytes"
	"io"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

// A query that matches nothing prints the header and exits 0, as scripts
// expect, and says so on standard error: for a state: or org: value no
// project has, with the values there are.
func TestNoMatchNotice(t *testing.T) {
	moby := project("Moby", "https://github.com/moby/moby")
	moby.Maturity = model.Maturity{Org: "CNCF", State: "graduated"}
	aks := project("AKS Engine", "https://github.com/Azure/aks-engine")
	aks.Maturity = model.Maturity{Org: "Azure", State: "incubating", API: "beta"}
	cat := &model.Catalog{Areas: []model.Area{{Name: "Runtime"}}, Projects: []model.Project{moby, aks}}
	for _, tc := range []struct {
		args   []string
		stderr string
		lines  int // of standard output
	}{
		{[]string{"list", "state:graduted"}, `upstream-tui: no project has state "graduted"; states are beta, graduated, incubating` + "\n", 1},
		{[]string{"list", "org:cnfc", "state:grad"}, `upstream-tui: no project has org "cnfc"; organisations are azure, cncf` + "\n", 1},
		{[]string{"list", "-o", "tsv", "state:graduted", "org:x"}, `upstream-tui: no project has state "graduted"; states are beta, graduated, incubating` + "\n" +
			`upstream-tui: no project has org "x"; organisations are azure, cncf` + "\n", 1},
		{[]string{"list", "zzzqqq"}, `upstream-tui: no project matches "zzzqqq"` + "\n", 1},
		{[]string{"list", "--", "-state:graduated", "org:cncf"}, `upstream-tui: no project matches "-state:graduated org:cncf"` + "\n", 1},
		{[]string{"health", "state:graduted"}, `upstream-tui: no project has state "graduted"; states are beta, graduated, incubating` + "\n", 1},
		// What matches says nothing; nor does a negated value no project has.
		{[]string{"list", "state:grad"}, "", 2},
		{[]string{"list", "--", "-state:graduted"}, "", 3},
	} {
		var out, errs bytes.Buffer
		status := Run(tc.args, Deps{Stdout: &out, Stderr: &errs, Catalogs: oneCatalog{cat}, Health: &fakeHealth{},
			Terminal: func(io.Writer) (int, bool) { return 0, false }})
		if status != 0 || errs.String() != tc.stderr || bytes.Count(out.Bytes(), []byte("\n")) != tc.lines {
			t.Errorf("%q: status %d, stderr %q, want 0 and %q; stdout:\n%s", tc.args, status, errs.String(), tc.stderr, out.String())
		}
	}
}
