package cli

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/model"
)

// list --sort stars|pushed shows what it sorted by: a STARS or PUSHED
// column in the table (after NAME) and in TSV (last, so that the others
// keep their places); "-" where nothing is known. Other orders add none.
func TestListShowsTheSortColumn(t *testing.T) {
	pushed := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	src := &fakeHealth{cached: map[string]model.Health{
		"moby/moby":             {Stars: 70000, PushedAt: pushed.AddDate(0, -1, 0), CheckedAt: pushed},
		"containerd/containerd": {Stars: 18100, PushedAt: pushed, CheckedAt: pushed},
	}}
	cat := &model.Catalog{Areas: []model.Area{{Name: "Runtime"}}, Projects: []model.Project{
		project("Docs only", "https://example.com/docs"),
		project("Containerd", "https://github.com/containerd/containerd"),
		project("Moby", "https://github.com/moby/moby"),
	}}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--sort", "stars"}, "NAME        STARS  AREA     MATURITY  GOAL\n" +
			"Moby        70000  Runtime\nContainerd  18100  Runtime\nDocs only   -      Runtime\n"},
		{[]string{"list", "--sort", "pushed"}, "NAME        PUSHED      AREA     MATURITY  GOAL\n" +
			"Containerd  2026-11-02  Runtime\nMoby        2026-10-02  Runtime\nDocs only   -           Runtime\n"},
		{[]string{"list", "--sort", "stars", "-o", "tsv"}, "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\tSTARS\n" +
			"Moby\tRuntime\t\t\thttps://github.com/moby/moby\t70000\n" +
			"Containerd\tRuntime\t\t\thttps://github.com/containerd/containerd\t18100\n" +
			"Docs only\tRuntime\t\t\thttps://example.com/docs\t-\n"},
		{[]string{"list", "--sort", "pushed", "-o", "tsv", "moby"}, "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\tPUSHED\n" +
			"Moby\tRuntime\t\t\thttps://github.com/moby/moby\t2026-10-02\n"},
		{[]string{"list", "--sort", "name", "-o", "tsv", "moby"}, "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\n" +
			"Moby\tRuntime\t\t\thttps://github.com/moby/moby\n"},
	} {
		var out, errs bytes.Buffer
		status := Run(tc.args, Deps{Stdout: &out, Stderr: &errs, Catalogs: oneCatalog{cat}, Health: src,
			Terminal: func(io.Writer) (int, bool) { return 0, false }})
		if status != 0 || out.String() != tc.want {
			t.Errorf("%q: status %d %q\n%s\nwant\n%s", tc.args, status, errs.String(), out.String(), tc.want)
		}
	}
}
