package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

var healthFormats = []string{"table", "json"}

func (a *app) healthCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "health [QUERY]",
		Short: "Check the projects' repositories on GitHub",
		Long: `Check the repository of each project (all, or those QUERY matches) on
GitHub: archived, moved, missing, or active (pushed within 90 days), quiet
(within a year) or stale; stars, last push, latest release and licence.
The table is in catalog order and fits the terminal (the status shows
whole down to ` + strconv.Itoa(healthMinWidth) + ` columns; a moved repository's reads "active, moved");
piped, nothing is cut. A project's repository is the first GitHub
link in its Project or Communication cells.

Answers are cached under the user cache directory and asked again when
--max-age old (24h), or now with --refresh. GitHub allows 60 requests an
hour without a token (two a repository); GH_TOKEN, GITHUB_TOKEN or the
token of 'gh auth login' raises that to 5,000. What could not be checked
is listed on standard error with the reason, its cached answer, if any,
shown. The exit status is 1 only when no repository could be checked
and none was cached. GITHUB_API_URL names another API (GitHub
Enterprise). JSON is documented in README.md.`,
		Example: `  upstream-tui health
  upstream-tui health area:runtime
  upstream-tui health --refresh -o json | jq -r '.[] | select(.health.archived) | .name'`,
		Args: args(0, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := strings.ToLower(output)
			if !slices.Contains(healthFormats, format) {
				return usagef("unknown output format %s; use table or json", inert.Quote(output))
			}
			query := strings.Join(args, " ")
			if err := model.CheckWholeQuery(query); err != nil {
				return usageError{err}
			}
			if a.Health == nil {
				return errors.New("checking repositories is not available in this build")
			}
			src := a.Health
			cat, err := a.load()
			if err != nil {
				return err
			}
			indexes, err := a.selectProjects(cat, query, "", model.NewHealthView(cat, src.Cached, time.Now()))
			if err != nil {
				return err
			}
			slices.Sort(indexes) // catalog order
			rows := a.checkAll(src, cat, indexes)
			now := time.Now()
			if format == "json" {
				out := make([]projectJSON, len(rows))
				for i, r := range rows {
					out[i] = toJSON(r.project)
					out[i].Health = toHealthJSON(r.health, now)
					out[i].NotChecked = r.reason()
				}
				err = writeJSON(a.Stdout, out)
			} else {
				width, _ := a.Terminal(a.Stdout)
				err = writeHealthTable(a.Stdout, rows, width, now)
			}
			if err != nil {
				return err
			}
			a.reportUnchecked(rows, now)
			// Projects with no repository are nothing to check: with
			// those alone, as with none, nothing failed.
			onGitHub := slices.ContainsFunc(rows, func(r healthRow) bool { return !r.repo.IsZero() })
			if onGitHub && !slices.ContainsFunc(rows, func(r healthRow) bool { return r.health != nil }) {
				return errors.New("no repository could be checked, and none was checked before")
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "table", "output `FORMAT`: table or json")
	cmd.Flags().BoolVar(&a.refresh, "refresh", false, "ask GitHub now, whatever the age of the cached answers (and download the --catalog URL now)")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(healthFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// healthRow is a project and what checking its repository gave.
type healthRow struct {
	project *model.Project
	repo    model.Repo // zero: not on GitHub
	health  *model.Health
	err     error // why it could not be checked now
}

// errNotOnGitHub is a project with no repository to check.
var errNotOnGitHub = errors.New("not on GitHub")

// reason says why the row's repository was not checked now, or "".
func (r healthRow) reason() string {
	if r.err == nil {
		return ""
	}
	return line(r.err.Error())
}

// checkAll checks the repositories of the projects, each once, four at
// a time (the source keeps to its own budget): a cached answer younger
// than --max-age is used as it is, any other is asked for now (--refresh:
// all). A progress line goes to standard error when it is a terminal.
// Once GitHub cannot be reached, the rest are not tried.
func (a *app) checkAll(src model.HealthSource, cat *model.Catalog, indexes []int) []healthRow {
	rows := make([]healthRow, len(indexes))
	var repos []model.Repo
	first := map[string]int{} // repository key: its index in repos
	for i, p := range indexes {
		rows[i].project = &cat.Projects[p]
		repo, ok := model.RepoOf(rows[i].project)
		if !ok {
			rows[i].err = errNotOnGitHub
			continue
		}
		rows[i].repo = repo
		if _, seen := first[repo.Key()]; !seen {
			first[repo.Key()] = len(repos)
			repos = append(repos, repo)
		}
	}
	type result struct {
		h   model.Health
		err error
	}
	results := make([]result, len(repos))
	var stale []int // the repositories to ask for, by index into repos
	now := time.Now()
	for k, r := range repos {
		if h, ok := src.Cached(r); ok && !a.refresh && now.Sub(h.CheckedAt) < a.maxAge {
			results[k] = result{h: h}
			continue
		}
		stale = append(stale, k)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	// A source that can ask for many repositories at once does first;
	// Check then asks only for what it did not answer.
	answered := make([]bool, len(repos))
	if p, ok := src.(model.HealthPrefetcher); ok && len(stale) > 0 {
		ask := make([]model.Repo, len(stale))
		for j, k := range stale {
			ask[j] = repos[k]
		}
		for j, ok := range p.Prefetch(ctx, ask, true) {
			answered[stale[j]] = ok
		}
	}
	report, done := a.progress("repositories")
	if report == nil {
		report = func(int, int) {}
	}
	var mu sync.Mutex // counts the checks done, for report
	checked := 0
	if len(stale) > 0 {
		report(0, len(stale))
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(healthWorkers, len(stale)) {
		wg.Go(func() {
			for k := range work {
				h, err := src.Check(ctx, repos[k], !answered[k])
				var off *model.OfflineError
				if errors.As(err, &off) {
					cancel(err) // the others would wait their timeouts for the same
				}
				if errors.Is(err, context.Canceled) && context.Cause(ctx) != nil {
					err = context.Cause(ctx)
				}
				results[k] = result{h, err}
				mu.Lock()
				checked++
				report(checked, len(stale))
				mu.Unlock()
			}
		})
	}
	for _, k := range stale {
		work <- k
	}
	close(work)
	wg.Wait()
	if len(stale) > 0 {
		done()
	}
	for i := range rows {
		if rows[i].repo.IsZero() {
			continue
		}
		r := results[first[rows[i].repo.Key()]]
		rows[i].err = r.err
		if !r.h.CheckedAt.IsZero() {
			h := r.h
			h.Repo = rows[i].repo
			rows[i].health = &h
		}
	}
	return rows
}

// healthWorkers is how many checks run at once: the source lets four
// requests out at a time.
const healthWorkers = 4

// reportUnchecked says on standard error what could not be checked now,
// a line for each reason with the projects it holds back, and for those
// shown from the cache, how old their answer is.
func (a *app) reportUnchecked(rows []healthRow, now time.Time) {
	var reasons []string
	names := map[string][]string{}
	for _, r := range rows {
		if r.err == nil {
			continue
		}
		why := r.reason()
		if _, ok := names[why]; !ok {
			reasons = append(reasons, why)
		}
		name := r.project.Name
		if r.health != nil {
			name += " (cached " + model.Ago(now.Sub(r.health.CheckedAt)) + ")"
		}
		names[why] = append(names[why], name)
	}
	for _, why := range reasons {
		a.warn(fmt.Sprintf("%s not checked: %s: %s", model.Count(len(names[why]), "project"), why, listNames(names[why])))
	}
}

// maxListed is how many names a line of reportUnchecked gives.
const maxListed = 12

// listNames joins names, the first maxListed of them.
func listNames(names []string) string {
	if len(names) <= maxListed {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxListed], ", ") + " and " + strconv.Itoa(len(names)-maxListed) + " more"
}

// healthColumns are the columns of health's table.
var healthColumns = []string{"NAME", "REPOSITORY", "STATUS", "STARS", "PUSHED", "RELEASE", "LICENSE"}

// The columns of health's table by name, so that the plan reads.
const (
	hcolName = iota
	hcolRepository
	hcolStatus
	hcolStars
	hcolPushed
	hcolRelease
	hcolLicense
)

// healthPlan says how health's table fits a terminal. The status, what
// the command is for, is never cut; numbers and dates are never cut
// either, but leave whole. The licence and the release are cut to their
// usual widths first, then the repository and the name are shortened,
// then the release, the licence and the last push leave, then the stars
// and the repository, and at last the name is cut to healthNameFloor:
// the status shows whole on a terminal healthMinWidth wide or wider.
var healthPlan = []shrinkStep{
	{column: hcolLicense, floor: 10}, {column: hcolRelease, floor: 12},
	{column: hcolRepository, floor: 28}, {column: hcolName, floor: 20, distinct: true},
	{column: hcolRepository, floor: 20}, {column: hcolName, floor: 16, distinct: true},
	{column: hcolRelease, drop: true}, {column: hcolLicense, drop: true}, {column: hcolPushed, drop: true},
	{column: hcolRepository, floor: 12}, {column: hcolName, floor: 12},
	{column: hcolStars, drop: true}, {column: hcolRepository, drop: true},
	{column: hcolName, floor: healthNameFloor},
}

// healthNameFloor is the narrowest the NAME column of health's table is
// cut to; healthMinWidth is the narrowest terminal on which the STATUS
// column, beside it, still shows whole: its widest cell is
// "archived, moved". health --help and README.md give this number.
const (
	healthNameFloor = 10
	healthMinWidth  = healthNameFloor + tableGap + len("archived, moved")
)

// statusCell is a repository's status as health's table gives it: the
// status, and ", moved" when the repository has a new name, so that a
// table cut to fit still says so (the new name is in REPOSITORY).
func statusCell(h *model.Health, now time.Time) string {
	s := h.Status(now).String()
	if h.Moved() {
		s += ", moved"
	}
	return s
}

// writeHealthTable writes health's table: a row for each project, in the
// order given; a repository that moved reads "old → new", what is not
// known "-". With width > 0 (a terminal) it fits the width by the
// healthPlan; piped, nothing is cut.
func writeHealthTable(w io.Writer, rows []healthRow, width int, now time.Time) error {
	cols := make([]tableColumn, len(healthColumns))
	for c, title := range healthColumns {
		cols[c].cells = []string{title}
	}
	for _, r := range rows {
		cells := []string{oneLine(r.project.Name), "-", model.StatusUnknown.String(), "-", "-", "-", "-"}
		if !r.repo.IsZero() {
			cells[hcolRepository] = r.repo.String()
		}
		if h := r.health; h != nil {
			if h.Moved() {
				cells[hcolRepository] += " → " + h.MovedTo.String()
			}
			cells[hcolStatus] = statusCell(h, now)
			cells[hcolStars], cells[hcolPushed] = starsCell(h), pushedCell(h)
			if !h.Missing {
				cells[hcolLicense] = orDash(h.License)
			}
			if rel := h.LatestRelease; rel != nil {
				cells[hcolRelease] = orDash(oneLine(rel.Tag))
			} else if h.ReleaseUnknown {
				cells[hcolRelease] = "?"
			}
		}
		for c, cell := range cells {
			cols[c].cells = append(cols[c].cells, cell)
		}
	}
	order := make([]int, len(cols))
	for c := range cols {
		cols[c].width = widest(cols[c].cells)
		order[c] = c
	}
	if width > 0 {
		fit(cols, order, width, healthPlan)
	}
	return writeAligned(w, cols, order, width)
}

// starsCell is a repository's stars as the tables give them: "-" when
// not known (h nil: never checked), or the repository is missing.
func starsCell(h *model.Health) string {
	if h == nil || h.Missing {
		return "-"
	}
	return strconv.Itoa(h.Stars)
}

// pushedCell is a repository's last push as the tables give it, a day;
// "-" when not known.
func pushedCell(h *model.Health) string {
	if h == nil || h.Missing {
		return "-"
	}
	return date(h.PushedAt)
}

// date is a day as health's table gives it, "-" for none.
func date(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.DateOnly)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// healthOf returns a project's cached health from src, nil when it has
// no repository or none is cached; nil for a nil src.
func healthOf(src model.HealthSource) func(*model.Project) *model.Health {
	if src == nil {
		return nil
	}
	return func(p *model.Project) *model.Health {
		repo, ok := model.RepoOf(p)
		if !ok {
			return nil
		}
		h, ok := src.Cached(repo)
		if !ok {
			return nil
		}
		return &h
	}
}
