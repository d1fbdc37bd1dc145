package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

func (a *app) openCmd() *cobra.Command {
	var link string
	var printURL bool
	kinds := kindNames()
	cmd := &cobra.Command{
		Use:   "open NAME",
		Short: "Open a project's link in the browser",
		Long: `Open a project's homepage, or another of its links, with the same opener
and URL rules as the app: $BROWSER when set, else the system opener, and only
absolute http and https URLs. --link takes the kinds has: takes, and
contribute (GitHub's good first issues), in any case, a prefix naming one
will do (--link mail); --link N opens the link numbered N in the detail,
as the app numbers them: the project's own, then, with repository health,
its repository's (from what 'upstream-tui health' cached). --print prints
the URL instead. The project is remembered as opened, as in the app
(list --recent).`,
		Example: `  upstream-tui open gatekeeper --link slack
  upstream-tui open "azure disk csi" --link issues --print
  upstream-tui open moby --link 3`,
		Args:              args(1, -1),
		ValidArgsFunction: a.completeProjects,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, numbered := strconv.Atoi(link)
			kind, known := linkKind(link)
			if numbered != nil && !known {
				return usagef("unknown link kind %s; --link takes a number or one of %s", inert.Quote(link), strings.Join(kinds, ", "))
			}
			p, err := a.findProject(strings.Join(args, " "))
			if err != nil {
				return err
			}
			var l model.Link
			if numbered == nil {
				links := a.detailLinks(p)
				if n < 1 || n > len(links) {
					return fmt.Errorf("%s has no link %d (it has %s)", p.Name, n, model.Count(len(links), "link"))
				}
				l = links[n-1]
			} else {
				if l, err = a.linkOfKind(p, kind); err != nil {
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
			say(a.Stderr, "Opened "+l.URL)
			a.rememberOpened(p.Name)
			return nil
		},
	}
	cmd.Flags().StringVar(&link, "link", model.KindHome.String(), "which link: a `KIND` ("+strings.Join(kinds, ", ")+") or its number N in the detail")
	cmd.Flags().BoolVar(&printURL, "print", false, "print the URL instead of opening it")
	_ = cmd.RegisterFlagCompletionFunc("link", a.completeLinks)
	return cmd
}

// linkOfKind returns a project's first link of a kind, its own before
// its repository's, or an error that names the project and the kind.
func (a *app) linkOfKind(p *model.Project, kind model.Kind) (model.Link, error) {
	if l, ok := firstOfKind(p, a.repoLinks(p, false), kind); ok {
		return l, nil
	}
	return model.Link{}, fmt.Errorf("%s has no %s (--link %s)", p.Name, kind.Describe(), kind)
}

// firstOfKind returns a project's first link of a kind: its own, else the
// first of its repository's links (repo) of that kind.
func firstOfKind(p *model.Project, repo []model.Link, kind model.Kind) (model.Link, bool) {
	if l, ok := p.FirstLink(kind); ok {
		return l, true
	}
	for _, l := range repo {
		if l.Kind == kind {
			return l, true
		}
	}
	return model.Link{}, false
}

// detailLinks are the links project p's detail numbers, as the app
// numbers them: its own (model.NumberedLinks), then its repository's.
func (a *app) detailLinks(p *model.Project) []model.Link {
	return append(model.NumberedLinks(p), a.repoLinks(p, true)...)
}

// repoLinks are project p's repository links (model.RepoLinks), from what
// the health source has cached, never asking GitHub; none when the app
// has no health source (appHealth). numbered leaves out, as the detail
// does, those whose URL p numbers already; without it, --link repository
// finds the repository even where it is the homepage.
func (a *app) repoLinks(p *model.Project, numbered bool) []model.Link {
	src := a.appHealth()
	if src == nil {
		return nil
	}
	repo, _ := model.RepoOf(p)
	var of *model.Project // leaves nothing out
	if numbered {
		of = p
	}
	return model.RepoLinks(of, repo, healthOf(src)(p))
}

// appHealth is the health source the app is given: none when the config
// says health = false.
func (a *app) appHealth() model.HealthSource {
	if a.Settings.NoHealth {
		return nil
	}
	return a.withMaxAge(a.Health)
}

// linkKinds are the kinds --link takes besides a number: has:'s kinds,
// and the contribute page of a project's repository.
var linkKinds = append(slices.Clone(model.FacetKinds), model.KindContribute)

// kindNames are the names of linkKinds.
func kindNames() []string {
	names := make([]string, len(linkKinds))
	for i, k := range linkKinds {
		names[i] = k.String()
	}
	return names
}

// linkKind reads a link kind as has: does: in any case, and a prefix
// that names one kind will do ("mail" is mailing-list).
func linkKind(s string) (model.Kind, bool) {
	s = strings.ToLower(s)
	var found []model.Kind
	for _, k := range linkKinds {
		if k.String() == s {
			return k, true
		}
		if s != "" && strings.HasPrefix(k.String(), s) {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return 0, false
	}
	return found[0], true
}

// rememberOpened records that a project was opened, in the state the app
// keeps, merged with what is there. A state that cannot be read or saved
// is a notice: the link did open.
func (a *app) rememberOpened(project string) {
	if a.State == nil {
		return
	}
	st, err := a.State.Load()
	if err != nil {
		a.warn(err.Error())
	}
	st.Opened(project, time.Now())
	if err := a.State.Save(st); err != nil {
		a.warn("could not save what was opened: " + err.Error())
	}
}
