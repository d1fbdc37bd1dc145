package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui"
)

var listFormats = []string{"table", "json", "tsv", "markdown"}

func (a *app) listCmd() *cobra.Command {
	var area, output, sortBy string
	var recent bool
	cmd := &cobra.Command{
		Use:   "list [QUERY]",
		Short: "List the projects, ranked by a fuzzy QUERY",
		Long: `List the projects of the catalog, in catalog order, or ranked by the same
fuzzy search as the app when QUERY is given. The table fits the terminal;
piped, nothing is cut. JSON is documented in README.md. Markdown is the
catalog's own table, a row per project with its area, which --catalog
reads back into the same projects and links.

QUERY may hold filters: area:NAME (fuzzy), org:cncf|azure|moby|...,
state:graduated|incubating|sandbox|alpha|stable|unknown|...,
has:` + facetValues(model.FacetKinds) + `,
is:` + strings.Join(model.HealthWords, "|") + ` (from the
repositories' health as last checked: see 'upstream-tui health'). A
leading - leaves the matches out; a QUERY starting with - follows --.
--sort orders the list by name, stars or last push instead; by stars or
last push, the table and tsv show a STARS or PUSHED column.`,
		Example: `  upstream-tui list
  upstream-tui list csi --area "cloud provider"
  upstream-tui list state:graduated has:slack
  upstream-tui list -o tsv -- -has:slack org:azure
  upstream-tui list is:archived
  upstream-tui list --sort stars -o json | jq -r '.[] | "\(.health.stars) \(.name)"'
  upstream-tui list --recent -o json | jq -r '.[] | .opened + " " + .name'
  upstream-tui list -o json | jq -r '.[] | select(.maturity.state == "graduated") | .name'`,
		Args: args(0, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := strings.ToLower(output) // -o JSON
			if !slices.Contains(listFormats, format) {
				return usagef("unknown output format %s; use one of %s", inert.Quote(output), strings.Join(listFormats, ", "))
			}
			by, ok := model.ParseSortOrder(strings.ToLower(sortBy))
			if sortBy != "" && !ok {
				return usagef("unknown sort order %s; use one of %s", inert.Quote(sortBy), strings.Join(sortOrders, ", "))
			}
			query := strings.Join(args, " ")
			if err := model.CheckWholeQuery(query); err != nil {
				return usageError{err}
			}
			cat, err := a.load()
			if err != nil {
				return err
			}
			src := a.Health
			var view *model.HealthView
			if src != nil && (by == model.SortStars || by == model.SortPushed || model.ReadsHealth(query)) {
				view = model.NewHealthView(cat, src.Cached, time.Now())
			}
			areaName, err := resolveArea(cat, area)
			if err != nil {
				return err
			}
			indexes, err := a.selectProjects(cat, query, areaName, view)
			if err != nil {
				return err
			}
			if sortBy != "" {
				model.SortProjects(indexes, cat, view, by)
			}
			projects := make([]*model.Project, len(indexes))
			for i, p := range indexes {
				projects[i] = &cat.Projects[p]
			}
			var opened []time.Time
			if recent {
				projects, opened = a.recentOnly(cat, projects)
			}
			if format != "json" {
				projects = placedIn(areaName, projects)
			}
			switch format {
			case "json":
				out := projectsJSON(projects, healthOf(src), time.Now())
				for i := range opened {
					out[i].Opened = &opened[i]
				}
				return writeJSON(a.Stdout, out)
			case "tsv":
				return writeTSV(a.Stdout, projects, sortColumnOf(by, healthOf(src)))
			case "markdown":
				return writeMarkdownTable(a.Stdout, projects)
			}
			width, _ := a.Terminal(a.Stdout)
			if recent && opened == nil {
				opened = []time.Time{} // the OPENED column, even with no row
			}
			return writeTable(a.Stdout, projects, width, opened, time.Now(), sortColumnOf(by, healthOf(src)))
		},
	}
	cmd.Flags().StringVar(&area, "area", "", "only the projects of this area (`NAME` or a unique part of it)")
	cmd.Flags().BoolVar(&recent, "recent", false, "only the projects whose links were opened (in the app, or with open), most recent first")
	cmd.Flags().StringVarP(&output, "output", "o", "table", "output `FORMAT`: "+strings.Join(listFormats, ", "))
	cmd.Flags().StringVar(&sortBy, "sort", "", "list in this `ORDER`: "+strings.Join(sortOrders, ", ")+" (stars and pushed from the repositories' cached health; default: catalog order, or by relevance with a QUERY)")
	_ = cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(sortOrders, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("area", a.completeAreas)
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(listFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// sortOrders are the orders list --sort takes.
var sortOrders = []string{model.SortCatalog.String(), model.SortName.String(), model.SortStars.String(), model.SortPushed.String()}

// selectProjects returns the projects (indexes into cat.Projects) of an
// area (an area's name, as resolveArea gives it; all when empty), ranked by query when it is given, else
// in catalog order. The is: facets read view (nil: every project is
// unknown). A query that matches nothing is no error, but said on
// standard error (noMatch).
func (a *app) selectProjects(cat *model.Catalog, query, area string, view *model.HealthView) ([]int, error) {
	if err := model.CheckWholeQuery(query); err != nil {
		return nil, usageError{err}
	}
	var only []int
	if area != "" {
		only = cat.AreaProjects(area)
		if only == nil {
			only = []int{}
		}
	}
	ix := model.NewIndex(cat.Projects).WithHealth(view)
	matches := ix.Search(query, only)
	if len(matches) == 0 && strings.TrimSpace(query) != "" {
		a.noMatch(cat, ix, query)
	}
	out := make([]int, len(matches))
	for i, m := range matches {
		out[i] = m.Project
	}
	return out, nil
}

// noMatch says on standard error that query matched no project: for each
// org: or state: facet that no project of the catalog holds, the values
// its projects have ("no project has state "graduted"; states are alpha,
// beta, ..."), else that nothing matches.
func (a *app) noMatch(cat *model.Catalog, ix *model.Index, query string) {
	_, facets, _ := model.ParseQuery(query)
	said := false
	for _, f := range facets {
		plural, ok := facetPlurals[f.Key]
		if !ok || f.Negate || f.Value == "" || ix.CountFacets([]model.Facet{f})[0] > 0 {
			continue
		}
		msg := "no project has " + f.Key + " " + inert.Quote(f.Value)
		if values := model.FacetValues(cat, f.Key); len(values) > 0 {
			msg += "; " + plural + " are " + listNames(values)
		}
		a.warn(msg)
		said = true
	}
	if !said {
		a.warn("no project matches " + inert.Quote(query))
	}
}

// facetPlurals name the values of the facets noMatch lists.
var facetPlurals = map[string]string{"state": "states", "org": "organisations"}

// resolveArea is the name of the area --area names, "" for all areas
// (--area all is every area, as in the browser); a wrong name is wrong
// usage.
func resolveArea(cat *model.Catalog, area string) (string, error) {
	if area == "" {
		return "", nil
	}
	tab, err := ui.FindTab(cat, area)
	if err != nil {
		return "", usageError{err}
	}
	if tab.Name == ui.AllTab {
		return "", nil
	}
	return tab.Name, nil
}

// placedIn shows each project where area (a name from resolveArea) lists
// it: a project listed in several areas (a landscape's) in its place in
// that area, not its first. JSON keeps the catalog's own area and
// other_places.
func placedIn(area string, projects []*model.Project) []*model.Project {
	if area == "" {
		return projects
	}
	out := make([]*model.Project, len(projects))
	for i, p := range projects {
		out[i] = p
		if pl := p.PlaceIn(area); pl != p.Place() {
			moved := *p
			moved.Area, moved.SubArea = pl.Area, pl.SubArea
			out[i] = &moved
		}
	}
	return out
}

// recentOnly keeps the projects opened in the app, most recent first, and
// says when each was opened. A state that cannot be read is a notice.
func (a *app) recentOnly(cat *model.Catalog, projects []*model.Project) ([]*model.Project, []time.Time) {
	if a.State == nil {
		return nil, nil
	}
	st, err := a.State.Load()
	if err != nil {
		a.warn(err.Error())
	}
	keep := make(map[*model.Project]bool, len(projects))
	for _, p := range projects {
		keep[p] = true
	}
	var out []*model.Project
	var opened []time.Time
	ids, times := st.RecentProjects(cat)
	for k, i := range ids {
		if p := &cat.Projects[i]; keep[p] {
			out = append(out, p)
			opened = append(opened, times[k])
		}
	}
	return out, opened
}

// facetValues is the values a facet takes, as help writes them: a|b|c.
func facetValues[T fmt.Stringer](values []T) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = v.String()
	}
	return strings.Join(names, "|")
}
