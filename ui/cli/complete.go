package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
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
// first has, its repository's links too (all kinds while it is not
// known).
func (a *app) completeLinks(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	kinds := linkKinds
	if cat, err := a.completionCatalog(); err == nil && len(args) > 0 {
		if i, err := model.FindProject(cat, model.NewIndex(cat.Projects), strings.Join(args, " ")); err == nil {
			p := &cat.Projects[i]
			repo := a.repoLinks(p, false)
			kinds = nil
			for _, k := range linkKinds {
				if _, ok := firstOfKind(p, repo, k); ok {
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
	cat, err := a.completionCatalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return holding(names(cat), typed), cobra.ShellCompDirectiveNoFileComp
}

// completionCatalog is the catalog a completion offers names from: what
// Quick gives, without the network, but a file or a URL's cached copy
// whole: a first view from its head would leave its other names out. The
// cached copy is taken whatever its age: a completion never downloads.
func (a *app) completionCatalog() (*model.Catalog, error) {
	cat, more, err := a.Catalogs.Quick(a.catalog, a.freshness())
	if err != nil || !more {
		return cat, err
	}
	switch cat.Origin.Kind {
	case model.OriginFile:
		return a.Catalogs.Load(context.Background(), a.catalog, a.freshness())
	case model.OriginCache:
		// A context already done: where Load would download (a copy
		// fetched "in the future", or one whose whole does not read), it
		// falls back to the cache or the embedded catalog at once, with
		// no request.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		return a.Catalogs.Load(ctx, a.catalog, math.MaxInt64)
	}
	return cat, nil
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
			return usagef("no completion for the shell %s; use %s", inert.Quote(args[0]), orList(shells))
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		for _, sh := range c.Commands() {
			if sh.Name() == "bash" {
				sh.RunE = func(cmd *cobra.Command, _ []string) error {
					noDesc, _ := cmd.Flags().GetBool("no-descriptions")
					return writeBashCompletion(cmd.OutOrStdout(), root, !noDesc)
				}
			}
		}
	}
}

// writeBashCompletion writes cobra's bash script (with the commands'
// descriptions, when asked) with two of its functions replaced, so that bash completes as show and open resolve a name: the
// program offers the names holding what was typed, in any case, and bash
// takes them as they come instead of keeping those that start with it
// ("gate" completes to OPA Gatekeeper); and a name typed after an opening
// quote ('Azure D) reaches the program unquoted, where cobra's eval would
// fail on the open quote. What the program offers for flags and commands
// already starts with what was typed.
func writeBashCompletion(w io.Writer, root *cobra.Command, descriptions bool) error {
	var b strings.Builder
	if err := root.GenBashCompletionV2(&b, descriptions); err != nil {
		return err
	}
	name := root.Name()
	standard := "__" + name + "_handle_standard_completion_case() {"
	script := b.String()
	if strings.Count(script, standard) != 1 {
		return fmt.Errorf("cobra's bash script has no %s", standard)
	}
	script = strings.Replace(script, standard, "__"+name+"_cobra_standard_completion_case() {", 1)
	results := "__" + name + "_get_completion_results() {"
	if strings.Count(script, results) != 1 {
		return fmt.Errorf("cobra's bash script has no %s", results)
	}
	script = strings.Replace(script, results, "__"+name+"_cobra_get_completion_results() {", 1)
	overrides := strings.NewReplacer("NAME", name, "VAR", strings.ReplaceAll(name, "-", "_")).Replace(bashOverrides)
	_, err := io.WriteString(w, script+overrides)
	return err
}

// bashOverrides replaces __NAME_get_completion_results and
// __NAME_handle_standard_completion_case in cobra's bash script, which it
// renames __NAME_cobra_…; VAR is NAME as a shell variable's name.
const bashOverrides = `
# upstream-tui: a word typed after an opening quote ('Azure D) goes to the
# program unquoted; cobra's eval would fail on the open quote.
__NAME_get_completion_results() {
    __VAR_in_quote=
    case $cur in
    \'*|\"*)
        __VAR_in_quote=1
        cur=$(printf '%q' "${cur:1}")
        words[cword]=$cur
        ;;
    esac
    __NAME_cobra_get_completion_results
}

# upstream-tui: the program has kept what matches, inside names and in any
# case; take it all. Completions with descriptions (commands) start with
# what was typed: cobra's own handling shows their descriptions.
__NAME_handle_standard_completion_case() {
    local comp
    if [[ "${completions[*]}" == *$'\t'* ]]; then
        __NAME_cobra_standard_completion_case
        return
    fi
    COMPREPLY=()
    for comp in "${completions[@]}"; do
        COMPREPLY+=("${comp%%$'\t'*}")
    done
    if (( ${#COMPREPLY[@]} == 1 )) && [[ -z $__VAR_in_quote ]]; then
        COMPREPLY[0]=$(printf '%q' "${COMPREPLY[0]}")
    fi
}
`
