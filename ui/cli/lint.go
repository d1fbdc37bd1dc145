package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

var lintFormats = []string{"text", "json"}

// lintFlags are lint's choices.
type lintFlags struct {
	online, fix, diff bool
	keepHosts         []string
	timeout           time.Duration
	output            string
}

func (a *app) lintCmd() *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint [FILE|URL]",
		Short: "Check a catalog file, and with --online its links",
		Long: `Check a catalog file (the embedded catalog, or --catalog, when FILE is
omitted) the way its maintainers would want. Prints FILE:LINE: error|warning:
message for each finding; exits 1 if there is any error, else 0. A URL is
checked as it is downloaded now, never from the cache.

--online also requests every http(s) link of the projects' rows: dead
links are errors; redirects, archived or moved GitHub repositories and
links that could not be checked are warnings. At most 8 requests at once,
2 to one host; --timeout bounds the whole run, and links not checked by
then say so. --diff prints the fixes as a unified diff after the findings
and writes nothing; --fix writes them to FILE and prints the same diff. A
link is fixed only when every redirect on its way is permanent (301, 308)
and it ends on a page that answers; a moved GitHub repository is fixed in
every link into it. Hosts whose job is to redirect (aka.ms, sigs.k8s.io,
k8s.io, git.io, bit.ly, goo.gl, t.co, --keep-host, and keep_redirect_hosts
in the config) are never rewritten.`,
		Example: `  upstream-tui lint
  upstream-tui lint ./README.md
  upstream-tui lint --online ./README.md
  upstream-tui lint --online --diff ./README.md
  upstream-tui lint --online --fix --keep-host go.example.com ./README.md
  upstream-tui lint --online -o json | jq -r '.[] | select(.fix) | .url + " " + .fix'`,
		Args: args(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(cmd); err != nil {
				return err
			}
			path := a.catalog
			if len(args) == 1 {
				path = args[0]
				if err := checkSource(path); err != nil {
					return err
				}
			}
			switch {
			case f.fix && path == "":
				return usagef("--fix writes the catalog file; the embedded catalog is none (--diff shows the fixes)")
			case f.fix && isURL(path):
				return usagef("--fix writes the catalog file; %s is a URL (--diff shows the fixes)", inert.Quote(path))
			}
			return a.lint(path, f)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.online, "online", false, "also request every link, and check GitHub repositories")
	fl.BoolVar(&f.diff, "diff", false, "with --online: print the fixes as a unified diff; write nothing")
	fl.BoolVar(&f.fix, "fix", false, "with --online: write the fixes to FILE, and print their diff")
	fl.StringArrayVar(&f.keepHosts, "keep-host", nil, "with --online: never rewrite links to this `HOST` (repeatable)")
	fl.DurationVar(&f.timeout, "timeout", 2*time.Minute, "with --online: stop checking after this `DURATION`; the links left are not checked")
	shortDefault(fl.Lookup("timeout"))
	fl.StringVarP(&f.output, "output", "o", "text", "output `FORMAT`: "+strings.Join(lintFormats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(lintFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("keep-host", cobra.NoFileCompletions)
	return cmd
}

// check refuses flags that need --online without it, and choices that
// do not go together.
func (f *lintFlags) check(cmd *cobra.Command) error {
	f.output = strings.ToLower(f.output)
	if !slices.Contains(lintFormats, f.output) {
		return usagef("unknown output format %s; use one of %s", inert.Quote(f.output), strings.Join(lintFormats, ", "))
	}
	if !f.online {
		for _, name := range []string{"fix", "diff", "keep-host", "timeout"} {
			if cmd.Flags().Changed(name) {
				return usagef("--%s needs --online", name)
			}
		}
	}
	switch {
	case f.diff && f.output == "json":
		return usagef("--diff prints text; with -o json each finding's fix says what --fix would write")
	case f.timeout <= 0:
		return usagef("--timeout must be more than 0")
	}
	for _, h := range f.keepHosts {
		if h == "" || strings.ContainsAny(h, "/: \t") || !inert.IsClean(h) {
			return usagef("--keep-host takes a host name like aka.ms, not %s", inert.Quote(h))
		}
	}
	return nil
}

// isURL reports whether a catalog source is a URL, as Catalogs reads it.
func isURL(source string) bool {
	s := strings.ToLower(source)
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// lint lints a catalog and, with --online, its links; it prints the
// findings, the diff when asked, and writes the fixes when asked.
func (a *app) lint(path string, f lintFlags) error {
	ctx := context.Background()
	file, findings, err := a.Catalogs.Lint(ctx, path)
	if err != nil {
		return err
	}
	// Today's findings and the links' are printed alike, by line.
	entries := make([]model.LinkFinding, len(findings))
	for i, fd := range findings {
		entries[i] = model.LinkFinding{Finding: fd}
	}
	// When the links cannot be checked (the catalog does not parse), the
	// findings that say why are printed first.
	var (
		report  *model.LinkReport
		linkErr error
	)
	if f.online {
		if a.Links == nil {
			return fmt.Errorf("checking links is not available in this build")
		}
		opts := model.LinkCheckOptions{
			Timeout:   f.timeout,
			KeepHosts: append(slices.Clone(a.Settings.KeepRedirectHosts), f.keepHosts...),
			Health:    a.withMaxAge(a.Health),
		}
		var (
			mu      sync.Mutex
			refused error
			done    func()
		)
		opts.HealthRefused = func(err error) {
			mu.Lock()
			defer mu.Unlock()
			refused = err
		}
		opts.Progress, done = a.progress("links")
		report, linkErr = a.Links.CheckLinks(ctx, path, opts)
		done()
		mu.Lock()
		if refused != nil {
			a.warn(healthRefusedNotice(refused))
		}
		mu.Unlock()
		if linkErr == nil {
			entries = append(entries, report.Findings...)
			slices.SortStableFunc(entries, func(x, y model.LinkFinding) int { return x.Line - y.Line })
		}
	}
	// The file's name is an argument: escaped, never cut, so that
	// FILE:LINE: still leads an editor to it. A finding is one line.
	file = inert.Escape(file)
	if f.output == "json" {
		err = writeJSON(a.Stdout, lintJSON(file, entries))
	} else {
		err = writeFindings(a.Stdout, file, entries)
	}
	if err != nil {
		return err
	}
	if linkErr != nil {
		return linkErr
	}
	if f.diff || f.fix {
		if f.output == "text" {
			if _, err := io.WriteString(a.Stdout, report.Diff); err != nil {
				return err
			}
		}
		if f.fix {
			if err := a.Links.WriteFixes(report); err != nil {
				// The findings' summary still follows, and the status says
				// the run failed whatever they are.
				fixed := "its fixes were not applied"
				if f.output == "text" && report.Diff != "" {
					fixed = "the diff above was not applied"
				}
				a.warn(err.Error() + "; " + fixed)
				return summary(file, entries, true)
			}
			if n := fixes(report.Findings); n > 0 {
				a.warn(fmt.Sprintf("%s: %s fixed", file, model.Count(n, "link")))
			}
		}
	}
	return summary(file, entries, false)
}

// summary returns "FILE: N errors, M warnings" as the error lint ends
// with when there is an error among the entries or failed is set; nil
// otherwise.
func summary(file string, entries []model.LinkFinding, failed bool) error {
	errs := 0
	for _, e := range entries {
		if e.Severity == model.SeverityError {
			errs++
		}
	}
	if errs == 0 && !failed {
		return nil
	}
	return fmt.Errorf("%s: %s, %s", file, model.Count(errs, "error"), model.Count(len(entries)-errs, "warning"))
}

// healthRefusedNotice says why lint --online requested GitHub links over
// HTTP: the health source refused for a rate limit, or GitHub could not
// be reached.
func healthRefusedNotice(err error) string {
	const fallback = "; GitHub links were checked over HTTP instead"
	if rl, ok := errors.AsType[*model.RateLimitError](err); ok {
		msg := "GitHub rate limit reached"
		if !rl.Reset.IsZero() {
			msg += " until " + rl.Reset.Local().Format("15:04")
		}
		return msg + fallback
	}
	if off, ok := errors.AsType[*model.OfflineError](err); ok && off.Err != nil {
		err = off.Err // "offline: " would say it twice
	}
	return "GitHub could not be reached (" + err.Error() + ")" + fallback
}

// fixes counts the findings with a fix.
func fixes(fs []model.LinkFinding) int {
	n := 0
	for _, f := range fs {
		if f.Fix != "" {
			n++
		}
	}
	return n
}

// writeFindings writes FILE:LINE: SEVERITY: MESSAGE, a line each.
func writeFindings(out io.Writer, file string, entries []model.LinkFinding) error {
	w := bufio.NewWriter(out)
	for _, e := range entries {
		msg := strings.ReplaceAll(inert.Text(e.Message), "\n", " ")
		fmt.Fprintf(w, "%s:%d: %s: %s\n", file, e.Line, e.Severity, msg)
	}
	return w.Flush()
}

// lintFindingJSON is a finding in lint -o json; the names are documented
// in README.md and stable.
type lintFindingJSON struct {
	File     string    `json:"file"`
	Line     int       `json:"line"`
	Severity string    `json:"severity"`
	URL      string    `json:"url,omitempty"`
	Status   int       `json:"status,omitempty"`
	Hops     []hopJSON `json:"hops,omitempty"`
	Message  string    `json:"message"`
	Fix      string    `json:"fix,omitempty"`
}

type hopJSON struct {
	URL    string `json:"url"`
	Status int    `json:"status"`
}

func lintJSON(file string, entries []model.LinkFinding) []lintFindingJSON {
	out := make([]lintFindingJSON, len(entries))
	for i, e := range entries {
		out[i] = lintFindingJSON{
			File: file, Line: e.Line, Severity: string(e.Severity), URL: inert.Text(e.URL),
			Status: e.Status, Message: inert.Text(e.Message), Fix: inert.Text(e.Fix),
		}
		for _, h := range e.Hops {
			out[i].Hops = append(out[i].Hops, hopJSON{URL: inert.Text(h.URL), Status: h.Status})
		}
	}
	return out
}

// progress returns what tells the user how far work is, on standard
// error when it is a terminal ("checking links 37/97", what being
// "links"), and done, which clears that line; report is nil and done does
// nothing when it is not. lint --online and health share it.
func (a *app) progress(what string) (report func(done, total int), done func()) {
	if _, ok := a.Terminal(a.Stderr); !ok {
		return nil, func() {}
	}
	report = func(n, total int) { fmt.Fprintf(a.Stderr, "\rchecking %s %d/%d", what, n, total) }
	return report, func() { io.WriteString(a.Stderr, "\r\x1b[K") }
}
