package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

func (a *app) showCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show one project's detail",
		Long: `Show one project: rendered as in the app on a terminal (in the theme of the
config, or of the terminal's background when it says; NO_COLOR turns colour
off; URLs whole, labels clickable), plain Markdown when piped or with --plain,
or JSON. NAME matches case-insensitively: an exact name, else the one
name containing it, else the fuzzy best match when it clearly leads.`,
		Example: `  upstream-tui show gatekeeper
  upstream-tui show "azure disk csi" -o json`,
		Args:              args(1, -1),
		ValidArgsFunction: a.completeProjects,
		RunE: func(cmd *cobra.Command, args []string) error {
			format := strings.ToLower(output) // -o JSON
			if format != "markdown" && format != "json" {
				return usagef("unknown output format %s; use markdown or json", inert.Quote(output))
			}
			p, err := a.findProject(strings.Join(args, " "))
			if err != nil {
				return err
			}
			if format == "json" {
				out := toJSON(p)
				if health := healthOf(a.Health); health != nil {
					out.Health = toHealthJSON(health(p), time.Now())
				}
				return writeJSON(a.Stdout, out)
			}
			repo := a.detailRepo(p)
			if width, ok := a.Terminal(a.Stdout); ok && !a.plain {
				_, err = fmt.Fprintln(a.Stdout, ui.RenderDetail(p, width, render.New(a.style(), a.NoColor), true, repo))
				return err
			}
			_, err = fmt.Fprint(a.Stdout, ui.DetailMarkdown(p, repo))
			return err
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "markdown", "output `FORMAT`: markdown or json")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{"markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// detailRepo is what show says of project p's repository, as the app
// does with repository health: what the source has cached, never asking
// GitHub; nil when the app has no health source (appHealth).
func (a *app) detailRepo(p *model.Project) *ui.DetailRepo {
	src := a.appHealth()
	if src == nil {
		return nil
	}
	return &ui.DetailRepo{Health: healthOf(src)(p), Now: time.Now()}
}

// findProject loads the catalog and finds the project a user named. The
// embedded catalog standing in for a URL that could not be read (offline,
// nothing cached) is no answer here: its project of that name, or none,
// would be shown or opened as the asked catalog's.
func (a *app) findProject(name string) (*model.Project, error) {
	cat, err := a.Catalogs.Load(context.Background(), a.catalog, a.freshness())
	if err != nil {
		return nil, err
	}
	if o := cat.Origin; o.Kind == model.OriginEmbedded && o.Asked != "" {
		return nil, fmt.Errorf("cannot look up %s: %s, and no copy is cached", inert.Quote(name), o.Failure)
	}
	if n := cat.Origin.Notice; n != "" {
		a.warn(n)
	}
	i, err := model.FindProject(cat, model.NewIndex(cat.Projects), name)
	if err != nil {
		return nil, err
	}
	return &cat.Projects[i], nil
}

// style is the glamour style of the theme: the config's dark or light, else
// (auto) the terminal's background when it answers in time, else dark, as
// the app starts.
func (a *app) style() string {
	switch a.Settings.Theme {
	case "dark", "light":
		return a.Settings.Theme
	}
	if a.Background != nil && !a.NoColor { // without colour, no question for the terminal
		if dark, ok := a.Background(); ok && !dark {
			return "light"
		}
	}
	return "dark"
}
