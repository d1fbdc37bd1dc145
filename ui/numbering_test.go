package ui_test

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// fixedCatalog is cli.Catalogs that always gives one catalog.
type fixedCatalog struct{ cat *model.Catalog }

func (c fixedCatalog) Load(context.Context, string, time.Duration) (*model.Catalog, error) {
	return c.cat, nil
}
func (c fixedCatalog) Quick(string, time.Duration) (*model.Catalog, bool, error) {
	return c.cat, false, nil
}
func (c fixedCatalog) Reload(context.Context, string) (*model.Catalog, error) { return c.cat, nil }
func (c fixedCatalog) Stamp(string) string                                    { return "" }
func (c fixedCatalog) Lint(context.Context, string) (string, []model.Finding, error) {
	return "", nil, nil
}

// page is a GitHub URL as the page it names: case and a final slash (or
// line break) do not count.
func page(url string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(url), "/"))
}

// TestAppNumbersAreOpenNumbers: for every project of the embedded
// catalog and of a Landscape, with repository health (archived, moved,
// not checked), link N of the app's detail is what `open --link N
// --print` prints, the number after the last is none for both, and
// --link repository, releases and contribute name one of those links.
func TestAppNumbersAreOpenNumbers(t *testing.T) {
	embedded, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	landscape, err := data.LoadFile("../testdata/landscape.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range []*model.Catalog{embedded, landscape} {
		m, src := ui.HealthApp(t, cat)
		run := func(args ...string) (int, string) {
			var out bytes.Buffer
			status := cli.Run(args, cli.Deps{Stdout: &out, Stderr: io.Discard, Catalogs: fixedCatalog{cat}, Health: src,
				Terminal: func(io.Writer) (int, bool) { return 0, false }})
			return status, out.String()
		}
		for i, p := range cat.Projects {
			links := m.DetailLinks(i)
			urls := map[string]bool{}
			for n, l := range links {
				urls[page(l.URL)] = true
				if status, out := run("open", p.Name, "--link", strconv.Itoa(n+1), "--print"); status != 0 || out != l.URL+"\n" {
					t.Errorf("%s: the app's link %d is %s; open --link %d prints %q (status %d)", p.Name, n+1, l.URL, n+1, out, status)
				}
			}
			if status, out := run("open", p.Name, "--link", strconv.Itoa(len(links)+1), "--print"); status != 1 {
				t.Errorf("%s: the app has %d links; open --link %d prints %q (status %d)", p.Name, len(links), len(links)+1, out, status)
			}
			if _, ok := model.RepoOf(&p); !ok {
				continue
			}
			for _, kind := range []string{"repository", "releases", "contribute"} {
				if status, out := run("open", p.Name, "--link", kind, "--print"); status != 0 || !urls[page(out)] {
					t.Errorf("%s: open --link %s prints %q (status %d), none of the app's links", p.Name, kind, out, status)
				}
			}
		}
	}
}
