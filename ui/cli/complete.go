package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
)

// completeProjects completes a project name, the first argument of show
// and open, from the catalog --catalog names.
func (a *app) completeProjects(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return a.complete(toComplete, func(c *model.Catalog) (names []string) {
		for _, p := range c.Projects {
			names = append(names, p.Name)
		}
		return names
	})
}

// completeAreas completes the value of --area.
func (a *app) completeAreas(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return a.complete(toComplete, func(c *model.Catalog) (names []string) {
		for _, ar := range c.Areas {
			names = append(names, ar.Name)
		}
		return names
	})
}

// complete offers the names of the catalog --catalog names that start
// with prefix; never files.
func (a *app) complete(prefix string, names func(*model.Catalog) []string) ([]string, cobra.ShellCompDirective) {
	cat, _, err := a.Catalogs.Quick(a.catalog, a.freshness()) // no network for a completion
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return withPrefix(names(cat), prefix), cobra.ShellCompDirectiveNoFileComp
}

// withPrefix keeps the names that start with prefix, ignoring case.
func withPrefix(names []string, prefix string) []string {
	var out []string
	for _, n := range names {
		if strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
			out = append(out, n)
		}
	}
	return out
}
