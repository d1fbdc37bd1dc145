// Package cli is upstream-tui's command line: the interactive browser as
// the root command, and list, show, open and lint for shells and scripts,
// in the conventions of kubectl and gh. It is handed the ways to load and
// lint catalogs, so it never reads a file itself.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
)

// Deps is what the commands need from outside; main wires it.
type Deps struct {
	Stdout, Stderr io.Writer
	// Load loads the catalog at path, or the embedded one when path is
	// empty, and says where it came from.
	Load func(path string) (cat *model.Catalog, source string, err error)
	// LoadPrefix reads the first rows of a large catalog file, for the
	// browser's first frame; ok is false when the file is quick to load.
	LoadPrefix func(path string) (cat *model.Catalog, ok bool)
	// Lint lints the catalog at path, or the embedded one, and names the
	// file for its findings.
	Lint func(path string) (file string, findings []model.Finding, err error)
	// Terminal reports whether w is a terminal, and its width.
	Terminal func(w io.Writer) (width int, ok bool)
	// Browse runs the interactive browser.
	Browse func(cat *model.Catalog, opts ui.Options) error
	// Opener opens a URL in the browser.
	Opener ui.Opener
	// NoColor is set when NO_COLOR asks for no colour.
	NoColor bool
	Version string
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
// standard error as one line starting with "upstream-tui:".
func Run(args []string, d Deps) int {
	root := newRoot(d)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	fmt.Fprintf(d.Stderr, "upstream-tui: %s\n", msg)
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitFailure
}

// app holds the flags every command shares and the dependencies.
type app struct {
	Deps
	catalog string
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

QUERY starts the browser with that filter applied. Press ? inside for keys.
The list, show, open and lint commands give the same answers to scripts.`,
		Example: `  upstream-tui gatekeeper
  upstream-tui --area "Container Runtime"
  upstream-tui list csi -o json | jq -r '.[].name'
  upstream-tui open gatekeeper --link slack
  upstream-tui lint ./README.md`,
		Version:       d.Version,
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.browse(strings.Join(args, " "), area)
		},
	}
	root.SetOut(d.Stdout)
	root.SetErr(d.Stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.SetVersionTemplate("upstream-tui version {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.catalog, "catalog", "", "read the catalog from this Markdown `FILE` instead of the embedded one")
	root.Flags().StringVar(&area, "area", "", "start on the tab of this area (`NAME` or a unique part of it)")
	_ = root.RegisterFlagCompletionFunc("area", a.completeAreas)
	root.AddCommand(a.listCmd(), a.showCmd(), a.openCmd(), a.lintCmd(), a.versionCmd())
	return root
}

// load loads the catalog the --catalog flag names.
func (a *app) load() (*model.Catalog, string, error) {
	return a.Load(a.catalog)
}

// browse starts the interactive browser. A load error never starts it. A
// large catalog file starts it on its first rows while the rest is read
// (not with --area, which needs every area to check the name against).
func (a *app) browse(query, area string) error {
	if a.catalog != "" && area == "" && a.LoadPrefix != nil {
		if first, ok := a.LoadPrefix(a.catalog); ok {
			if _, ok := a.Terminal(a.Stdout); !ok {
				return usagef("the interactive browser needs a terminal; standard output is not one (try 'upstream-tui list')")
			}
			path := a.catalog
			load := func() (*model.Catalog, error) {
				cat, _, err := a.Load(path)
				return cat, err
			}
			return a.Browse(first, ui.Options{Query: query, Source: path, NoColor: a.NoColor, Opener: a.Opener, Load: load})
		}
	}
	cat, source, err := a.load()
	if err != nil {
		return err
	}
	opts := ui.Options{Query: query, Source: source, NoColor: a.NoColor, Opener: a.Opener}
	if area != "" {
		ar, err := cat.FindArea(area)
		if err != nil {
			return usageError{err}
		}
		opts.Area = ar.Name
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
			return usagef("%s needs %d argument(s); see '%s --help'", cmd.Name(), lo, cmd.CommandPath())
		case hi >= 0 && len(args) > hi:
			return usagef("%s takes at most %d argument(s), got %d; see '%s --help'", cmd.Name(), hi, len(args), cmd.CommandPath())
		}
		return nil
	}
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  args(0, 0),
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(a.Stdout, "upstream-tui version %s\n", a.Version)
		},
	}
}
