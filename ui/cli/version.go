package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// Build says which build of the program runs: the module version and what
// go build stamped from version control. Revision and Time are empty when
// nothing was stamped (go build -buildvcs=false, or no repository).
type Build struct {
	Version  string // the module version: "v1.2.0", or "(devel)" in a checkout
	Revision string
	Time     string
	Modified bool // built with changes not committed
	Go       string
}

// String is what `version` and `--version` print.
func (b Build) String() string {
	version := b.Version
	if version == "" {
		version = "unknown"
	}
	commit := "unknown"
	if b.Revision != "" {
		commit = b.Revision
		var about []string
		if b.Time != "" {
			about = append(about, b.Time)
		}
		if b.Modified {
			about = append(about, "modified")
		}
		if len(about) > 0 {
			commit += " (" + strings.Join(about, ", ") + ")"
		}
	}
	s := fmt.Sprintf("upstream-tui version %s\ncommit: %s\n", version, commit)
	if b.Go != "" {
		s += "go: " + b.Go + "\n"
	}
	return s
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the commit it was built from, and the Go version",
		Args:  args(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(a.Stdout, a.Build.String())
			return err
		},
	}
}
