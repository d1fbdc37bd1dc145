package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
)

// linkKinds are the kinds --link takes, besides a number.
var linkKinds = []model.Kind{
	model.KindHome, model.KindSlack, model.KindIssues, model.KindMailingList, model.KindDocs,
	model.KindReleases, model.KindTests, model.KindForum, model.KindBoard,
}

func (a *app) openCmd() *cobra.Command {
	var link string
	var printURL bool
	kinds := make([]string, len(linkKinds))
	for i, k := range linkKinds {
		kinds[i] = k.String()
	}
	cmd := &cobra.Command{
		Use:   "open NAME",
		Short: "Open a project's link in the browser",
		Long: `Open a project's homepage, or another of its links, with the same opener
and URL rules as the app: $BROWSER when set, else the system opener, and only
absolute http and https URLs. --link N opens the link numbered N in the
detail. --print prints the URL instead.`,
		Example: `  upstream-tui open gatekeeper --link slack
  upstream-tui open "azure disk csi" --link issues --print
  upstream-tui open moby --link 3`,
		Args:              args(1, -1),
		ValidArgsFunction: a.completeProjects,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, numbered := strconv.Atoi(link)
			if numbered != nil && !slices.Contains(kinds, link) {
				return usagef("unknown link %q; use a number or one of %s", link, strings.Join(kinds, ", "))
			}
			p, err := a.findProject(strings.Join(args, " "))
			if err != nil {
				return err
			}
			var l model.Link
			if numbered == nil {
				links := model.NumberedLinks(p)
				if n < 1 || n > len(links) {
					return fmt.Errorf("%s has no link %d (it has %d)", p.Name, n, len(links))
				}
				l = links[n-1]
			} else {
				kind, _ := model.ParseKind(link) // one of kinds: checked above
				if l, err = linkOfKind(p, kind); err != nil {
					return err
				}
			}
			if err := model.CheckURL(l.URL); err != nil {
				return fmt.Errorf("%s: not opened: %w", p.Name, err)
			}
			if printURL {
				_, err := fmt.Fprintln(a.Stdout, l.URL)
				return err
			}
			if err := a.Opener(l.URL); err != nil {
				return fmt.Errorf("could not open a browser (%v); the URL is %s", err, l.URL)
			}
			fmt.Fprintf(a.Stderr, "Opened %s\n", l.URL)
			return nil
		},
	}
	cmd.Flags().StringVar(&link, "link", model.KindHome.String(), "which link: a `KIND` ("+strings.Join(kinds, ", ")+") or its number N in the detail")
	cmd.Flags().BoolVar(&printURL, "print", false, "print the URL instead of opening it")
	_ = cmd.RegisterFlagCompletionFunc("link", cobra.FixedCompletions(kinds, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// linkOfKind returns a project's first link of a kind, or an error that
// names the project and the kind.
func linkOfKind(p *model.Project, kind model.Kind) (model.Link, error) {
	if l, ok := p.FirstLink(kind); ok {
		return l, nil
	}
	return model.Link{}, fmt.Errorf("%s has no %s (--link %s)", p.Name, kind.Describe(), kind)
}
