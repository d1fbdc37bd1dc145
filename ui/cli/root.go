// Package cli is upstream-tui's command line: the interactive browser as
// the root command, and list, show, open, lint and health for shells and scripts,
// in the conventions of kubectl and gh. It is handed the ways to load and
// lint catalogs, so it never reads a file itself.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

// Deps is what the commands need from outside; main wires it.
type Deps struct {
	Stdout, Stderr io.Writer
	// Catalogs reads the catalogs.
	Catalogs Catalogs
	// DefaultCatalog is the catalog source when --catalog is not given
	// (UPSTREAM_TUI_CATALOG, or the config's); empty for the embedded one.
	DefaultCatalog string
	// Settings are the config file's choices.
	Settings Settings
	// State keeps what the app remembers between runs.
	State StateStore
	// Terminal reports whether w is a terminal, and its width.
	Terminal func(w io.Writer) (width int, ok bool)
	// Background asks the terminal whether its background is dark; ok is
	// false when it cannot tell (not a terminal, no answer in time).
	Background func() (dark, ok bool)
	// Browse runs the interactive browser.
	Browse func(cat *model.Catalog, opts ui.Options) error
	// Opener opens a URL in the browser.
	Opener ui.Opener
	// NoColor is set when NO_COLOR asks for no colour.
	NoColor bool
	// Plain is set when the terminal can only show plain text (TERM=dumb).
	Plain bool
	// Build is the version and what go build stamped.
	Build Build
	// Health is where repository health comes from: GitHub, with a cache
	// (data/github); nil when it is not wired.
	Health model.HealthSource
	// Links checks catalogs' links online (lint --online); nil when it is
	// not wired.
	Links LinkChecker
}

// Settings are the user's choices from the config file.
type Settings struct {
	MaxAge      time.Duration // 0: the default
	Theme       string        // "auto", "dark", "light" or ""
	RecentFirst bool
	Plain       bool
	Keys        map[string][]string
	// NoHealth keeps the app from asking GitHub about repositories
	// (health = false); the health command still asks.
	NoHealth bool
	// KeepRedirectHosts are hosts lint --fix never rewrites, on top of its
	// defaults (keep_redirect_hosts).
	KeepRedirectHosts []string
	// Notice says why the config file was not used, or "".
	Notice string
}

// StateStore keeps what the app remembers between runs.
type StateStore interface {
	// Load returns the state; an error is a notice, with an empty state.
	Load() (model.State, error)
	Save(model.State) error
}

// Catalogs is where catalogs come from. A source is what --catalog names:
// "" for the embedded catalog, a file, or a URL.
type Catalogs interface {
	// Load returns the catalog a command works on. A URL is downloaded
	// when its cached copy is maxAge old (0: always); when that fails, its
	// cached copy or the embedded catalog comes instead, with
	// Origin.Notice saying which and why.
	Load(ctx context.Context, source string, maxAge time.Duration) (*model.Catalog, error)
	// Quick returns at once what the app shows first, without the network:
	// a URL's cached copy (or the embedded catalog), a large file's first
	// rows. more is set when Reload should follow in the background.
	Quick(source string, maxAge time.Duration) (cat *model.Catalog, more bool, err error)
	// Reload reads a source again. A URL that cannot be fetched gives a
	// stand-in as Load does; a file that cannot be read is an error.
	Reload(ctx context.Context, source string) (*model.Catalog, error)
	// Stamp identifies the version of a file on disk; "" for other sources.
	Stamp(source string) string
	// Lint lints a source and names it for the findings.
	Lint(ctx context.Context, source string) (file string, findings []model.Finding, err error)
}

// LinkChecker checks the links of a catalog on the network (lint
// --online) and writes the fixes it finds.
type LinkChecker interface {
	// CheckLinks requests every http(s) link of a source (as Catalogs
	// names it) and returns the findings, the fixes and their diff.
	CheckLinks(ctx context.Context, source string, opts model.LinkCheckOptions) (*model.LinkReport, error)
	// WriteFixes writes a report's fixes to its file, atomically, unless
	// the file changed since it was read; an error says why not.
	WriteFixes(r *model.LinkReport) error
}

// Exit statuses.
const (
	ExitOK      = 0
	ExitFailure = 1 // something the user can fix: not found, bad catalog, no such link
	ExitUsage   = 2 // wrong usage
)

// usageError is an error in how a command was called.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// Run executes the command line and returns the exit status. Errors go to
// standard error as one line starting with "upstream-tui:". A signal that
// ended the browser (Signalled) says nothing: the status says it.
func Run(args []string, d Deps) int {
	root := newRoot(d)
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		// cobra writes a completion's errors, which echo its arguments, to
		// the process's standard error itself: they are made inert first
		// (what a terminal would act on cannot be typed, nor completed).
		args = slices.Clone(args)
		for i, a := range args {
			args[i] = inert.Text(a)
		}
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	err = hintNegatedFilter(root, args, err)
	if sig, ok := errors.AsType[Signalled](err); ok {
		return sig.Status()
	}
	say(d.Stderr, "upstream-tui: "+err.Error())
	if _, ok := errors.AsType[usageError](err); ok {
		return ExitUsage
	}
	return ExitFailure
}

// Signalled is what Browse returns when a signal ended the browser, once
// the terminal is restored: the program exits quietly with the status a
// shell gives a program the signal killed, 128 and the signal's number
// (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143).
type Signalled struct{ Signal syscall.Signal }

func (s Signalled) Error() string { return s.Signal.String() }

// Status is the exit status for the signal.
func (s Signalled) Status() int { return 128 + int(s.Signal) }

// app holds the flags every command shares and the dependencies.
type app struct {
	Deps
	catalog string
	refresh bool
	maxAge  time.Duration
	plain   bool
}

// defaultMaxAge is how old a URL's cached copy may be before it is
// downloaded again.
const defaultMaxAge = 24 * time.Hour

// freshness is how old a cached copy may be, from --refresh and --max-age.
func (a *app) freshness() time.Duration {
	if a.refresh {
		return 0
	}
	return max(a.maxAge, 0)
}

func newRoot(d Deps) *cobra.Command {
	a := &app{Deps: d}
	var area string
	root := &cobra.Command{
		Use:   "upstream-tui [QUERY]",
		Short: "Browse the Container Compute Upstream Projects catalog",
		Long: `upstream-tui browses the Container Compute Upstream Projects catalog: area
tabs, a fuzzy filter over names, goals and links, a detail pane, and one
key to open a project's homepage, Slack channel or issues in the browser.

QUERY starts the browser with that filter applied; it may hold facets:
area:NAME org:cncf state:graduated has:slack, and -has:slack to leave out.
Press ? inside for keys.

` + typoRule + `

The list, show, open, lint and health commands give the same answers to
scripts.

--catalog takes a file or an https:// URL (cached under the user cache
directory). Defaults and key bindings can be set in
$XDG_CONFIG_HOME/upstream-tui/config.toml; what was opened is remembered
under $XDG_STATE_HOME/upstream-tui/. README.md documents both.`,
		Example: `  upstream-tui gatekeeper
  upstream-tui "state:graduated has:slack"
  upstream-tui --area "Container Runtime"
  upstream-tui --catalog https://example.com/README.md
  upstream-tui list csi -o json | jq -r '.[].name'
  upstream-tui open gatekeeper --link slack
  upstream-tui lint ./README.md`,
		Version:       d.Build.Version,
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			var first string
			if len(args) > 0 && cmd.ArgsLenAtDash() != 0 {
				first = args[0] // before --: perhaps a mistyped command
			}
			return a.browse(cmd, strings.Join(args, " "), first, area)
		},
	}
	root.SetOut(d.Stdout)
	root.SetErr(inertWriter{d.Stderr})
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if err := a.checkShared(); err != nil {
			return err
		}
		// The browser shows it in its status line.
		if n := d.Settings.Notice; n != "" && cmd.HasParent() && cmd.Name() != cobra.ShellCompRequestCmd {
			a.warn(n)
		}
		return nil
	}
	// --version says all that version says; braces in it are not a template.
	root.SetVersionTemplate(strings.NewReplacer("{", "{{`{`}}", "}", "{{`}`}}").Replace(d.Build.String()))
	root.PersistentFlags().StringVar(&a.catalog, "catalog", d.DefaultCatalog, "read the catalog from this `FILE` or https:// URL (Markdown, or the CNCF Landscape's landscape.yml) instead of the embedded one (default $UPSTREAM_TUI_CATALOG)")
	root.PersistentFlags().BoolVar(&a.refresh, "refresh", false, "download the --catalog URL now, whatever the age of its cached copy")
	maxAge := defaultMaxAge
	if d.Settings.MaxAge > 0 {
		maxAge = d.Settings.MaxAge
	}
	root.PersistentFlags().BoolVar(&a.plain, "plain", d.Plain || d.Settings.Plain, "plain output: no colour, no box drawing, text in reading order (also TERM=dumb)")
	root.PersistentFlags().DurationVar(&a.maxAge, "max-age", maxAge, "download the --catalog URL again, and ask GitHub again for a repository's health, when the cached copy is this old (`DURATION`: 30m, 6h)")
	shortDefault(root.PersistentFlags().Lookup("max-age"))
	root.Flags().StringVar(&area, "area", "", "start on the tab of this area (`NAME` or a unique part of it)")
	_ = root.RegisterFlagCompletionFunc("area", a.completeAreas)
	root.AddCommand(a.listCmd(), a.showCmd(), a.openCmd(), a.lintCmd(), a.healthCmd(), a.versionCmd())
	root.SuggestionsMinimumDistance = 2
	strictCompletion(root)
	for _, c := range root.Commands() {
		if c.Name() == "version" || c.Name() == "completion" {
			hideGlobalFlags(c)
		}
	}
	return root
}

// checkShared refuses the shared flags' values that cannot be meant: a
// max age of none or less (--refresh downloads now), a catalog URL that
// is not http(s).
func (a *app) checkShared() error {
	if a.maxAge <= 0 {
		return usagef("--max-age must be positive (30m, 6h); --refresh downloads now")
	}
	return checkSource(a.catalog)
}

// checkSource refuses a catalog source that is a URL but not http(s)
// (ftp://...), which would otherwise be read as a file that is not there.
func checkSource(src string) error {
	if scheme, _, ok := strings.Cut(src, "://"); ok && !isURL(src) && isScheme(scheme) {
		return usagef("%s: only http(s) URLs and files are catalogs", inert.Quote(src))
	}
	return nil
}

// isScheme reports whether s reads as a URL's scheme (ftp, git+ssh).
func isScheme(s string) bool {
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !strings.ContainsRune("0123456789+-.", c)) {
			return false
		}
	}
	return s != ""
}

// hintNegatedFilter adds to a flag error over a word such as -has:slack
// (which pflag reads as the flags -h, -a, ...) where such a word goes.
func hintNegatedFilter(root *cobra.Command, args []string, err error) error {
	if _, ok := errors.AsType[usageError](err); !ok || !strings.HasPrefix(err.Error(), "unknown shorthand flag") {
		return err
	}
	for i, w := range args {
		if w == "--" {
			break
		}
		if strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, ":") {
			cmd, _, ferr := root.Find(args[:i])
			if ferr != nil {
				cmd = root
			}
			return usagef("%w (a negated filter goes after --: %s -- %s)", err, cmd.CommandPath(), shellWord(w))
		}
	}
	return err
}

// shellWord is w as it could be typed in a shell: as it is when it holds
// no character a shell treats specially, else quoted (inert.Quote).
func shellWord(w string) string {
	for _, c := range w {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_.:/,+=@%", c)) {
			return inert.Quote(w)
		}
	}
	return w
}

// load loads the catalog the --catalog flag names. When a URL could not be
// fetched, the stand-in's notice goes to standard error and the command
// goes on.
func (a *app) load() (*model.Catalog, error) {
	cat, err := a.Catalogs.Load(context.Background(), a.catalog, a.freshness())
	if err != nil {
		return nil, err
	}
	if n := cat.Origin.Notice; n != "" {
		a.warn(n)
	}
	return cat, nil
}

// browse starts the interactive browser on what can be shown at once (a
// URL's cached copy, a large file's first rows) and reads the rest in the
// background. A load error never starts it, nor a first word that reads as
// a mistyped command. Quitting cancels a download.
func (a *app) browse(root *cobra.Command, query, first, area string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := a.catalog
	stamped := a.Catalogs.Stamp(src)
	cat, more, err := a.Catalogs.Quick(src, a.freshness())
	if err == nil && more && area != "" {
		// The area is checked against the whole catalog.
		more = false
		cat, err = a.Catalogs.Load(ctx, src, a.freshness())
	}
	if err != nil {
		return err
	}
	if first != "" {
		if err := mistypedCommand(root, first, cat); err != nil {
			return err
		}
	}
	opts := ui.Options{
		Query: query, Opener: a.Opener, ReloadAtStart: more, Markdown: render.New,
		NoColor: a.NoColor || a.plain, Plain: a.plain, Hyperlinks: !a.plain,
		Theme: a.Settings.Theme, Keys: a.Settings.Keys, RecentFirst: a.Settings.RecentFirst,
	}
	opts.Health = a.appHealth()
	notice := a.Settings.Notice
	if a.State != nil {
		st, err := a.State.Load()
		if err != nil {
			notice = strings.Join(nonEmpty(notice, err.Error()), "; ")
		}
		opts.State, opts.SaveState = st, a.State.Save
	}
	if notice != "" {
		opts.Notice = line(notice) // as standard error would have it
	}
	if area != "" {
		ar, err := ui.FindTab(cat, area)
		if err != nil {
			return usageError{err}
		}
		opts.Area = ar.Name
	}
	if src != "" {
		opts.Reload = func() (*model.Catalog, error) { return a.Catalogs.Reload(ctx, src) }
	}
	if stamped != "" {
		opts.Stamp = func() string { return a.Catalogs.Stamp(src) }
		opts.Stamped = stamped
	}
	if _, ok := a.Terminal(a.Stdout); !ok {
		return usagef("the interactive browser needs a terminal; standard output is not one (try 'upstream-tui list')")
	}
	return a.Browse(cat, opts)
}

// args checks that a command has lo to hi positional arguments (hi < 0:
// any number), as a usage error.
func args(lo, hi int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < lo:
			return usagef("%s needs %s; see '%s --help'", cmd.Name(), model.Count(lo, "argument"), cmd.CommandPath())
		case hi == 0 && len(args) > 0:
			return usagef("%s takes no arguments, got %d; see '%s --help'", cmd.Name(), len(args), cmd.CommandPath())
		case hi >= 0 && len(args) > hi:
			return usagef("%s takes at most %s, got %d; see '%s --help'", cmd.Name(), model.Count(hi, "argument"), len(args), cmd.CommandPath())
		}
		return nil
	}
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}

// shortDefault writes a duration flag's default as it is typed ("24h",
// "2m"), not as time.Duration prints it ("24h0m0s").
func shortDefault(f *pflag.Flag) {
	d := f.DefValue
	if strings.HasSuffix(d, "m0s") {
		d = strings.TrimSuffix(d, "0s")
	}
	if strings.HasSuffix(d, "h0m") {
		d = strings.TrimSuffix(d, "0m")
	}
	f.DefValue = d
}

// hideGlobalFlags leaves the global flags (--catalog, --max-age, ...),
// which cmd and its subcommands do not read, out of their help.
func hideGlobalFlags(cmd *cobra.Command) {
	help := cmd.HelpFunc()
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		var hidden []*pflag.Flag
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				f.Hidden = true
				hidden = append(hidden, f)
			}
		})
		help(c, args)
		for _, f := range hidden {
			f.Hidden = false
		}
	})
}
