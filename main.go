// Command upstream-tui browses the Container Compute Upstream Projects
// catalog in the terminal: area tabs, fuzzy search, a detail pane, and links
// opened in the browser.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit statuses.
const (
	exitFailure = 1 // something the user can fix: a bad catalog, no such area
	exitUsage   = 2 // wrong usage
)

// usageError is an error in how the command was called.
type usageError struct{ error }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "upstream-tui: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// options are the flags every command shares.
type options struct {
	catalog string
	area    string
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	var o options
	cmd := &cobra.Command{
		Use:   "upstream-tui [QUERY]",
		Short: "Browse the Container Compute Upstream Projects catalog",
		Long: `upstream-tui browses the Container Compute Upstream Projects catalog: area
tabs, a fuzzy filter over names, goals and links, a detail pane, and one
key to open a project's homepage, Slack channel or issues in the browser.

QUERY starts the browser with that filter applied. Press ? inside for keys.`,
		Example: `  upstream-tui
  upstream-tui gatekeeper
  upstream-tui --area "Container Runtime"
  upstream-tui --catalog ./README.md`,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBrowser(o, strings.Join(args, " "), stdout)
		},
	}
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	cmd.PersistentFlags().StringVar(&o.catalog, "catalog", "", "read the catalog from this Markdown `FILE` instead of the embedded one")
	cmd.Flags().StringVar(&o.area, "area", "", "start on the tab of this area (`NAME` or a unique part of it)")
	return cmd
}

// loadCatalog loads the catalog the flags name; the embedded one by default.
func loadCatalog(o options) (*model.Catalog, string, error) {
	if o.catalog == "" {
		cat, err := data.LoadEmbedded()
		return cat, "embedded catalog", err
	}
	cat, err := data.LoadFile(o.catalog)
	return cat, o.catalog, err
}

// runBrowser starts the interactive browser. A load error never starts it.
func runBrowser(o options, query string, stdout io.Writer) error {
	cat, source, err := loadCatalog(o)
	if err != nil {
		return err
	}
	opts := ui.Options{Query: query, Source: source, NoColor: os.Getenv("NO_COLOR") != ""}
	if o.area != "" {
		a, err := cat.FindArea(o.area)
		if err != nil {
			return usageError{err}
		}
		opts.Area = a.Name
	}
	if f, ok := stdout.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
		return usageError{errors.New("the interactive browser needs a terminal; standard output is not one")}
	}
	_, err = tea.NewProgram(ui.New(cat, opts)).Run()
	return err
}
