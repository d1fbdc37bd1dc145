package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
)

// completeProjects completes a project name, the first argument of show
// and open, from the catalog --catalog names: the names that hold what was
// typed, ignoring case, as show and open find them ("gate" offers OPA
// Gatekeeper).
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

// completeLinks completes open's --link with the kinds the project named
// first has (all kinds while it is not known).
func (a *app) completeLinks(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	kinds := model.FacetKinds
	if cat, _, err := a.Catalogs.Quick(a.catalog, a.freshness()); err == nil && len(args) > 0 {
		if i, err := model.FindProject(cat, model.NewIndex(cat.Projects), strings.Join(args, " ")); err == nil {
			kinds = nil
			for _, k := range model.FacetKinds {
				if _, ok := cat.Projects[i].FirstLink(k); ok {
					kinds = append(kinds, k)
				}
			}
		}
	}
	var out []string
	for _, k := range kinds {
		if strings.HasPrefix(k.String(), strings.ToLower(toComplete)) {
			out = append(out, k.String())
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// complete offers the names of the catalog --catalog names that hold
// what was typed, ignoring case; never files.
func (a *app) complete(typed string, names func(*model.Catalog) []string) ([]string, cobra.ShellCompDirective) {
	cat, _, err := a.Catalogs.Quick(a.catalog, a.freshness()) // no network for a completion
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return holding(names(cat), typed), cobra.ShellCompDirectiveNoFileComp
}

// holding keeps the names that hold s, ignoring case: those starting with
// it first, each in its order.
func holding(names []string, s string) []string {
	s = strings.ToLower(s)
	var starting, inside []string
	for _, n := range names {
		switch l := strings.ToLower(n); {
		case strings.HasPrefix(l, s):
			starting = append(starting, n)
		case strings.Contains(l, s):
			inside = append(inside, n)
		}
	}
	return append(starting, inside...)
}

// strictCompletion makes cobra's completion command refuse a shell it has
// no script for (tcsh) as wrong usage, where it would print its help and
// succeed; with no shell it still prints its help.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sh := range c.Commands() {
			shells = append(shells, sh.Name())
		}
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			return usagef("no completion for the shell %q; use %s", args[0], orList(shells))
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
}
