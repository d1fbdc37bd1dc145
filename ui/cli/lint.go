package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

func (a *app) lintCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "lint [FILE|URL]",
		Short: "Check a catalog file",
		Long: `Check a catalog file (the embedded catalog, or --catalog, when FILE is
omitted) the way its maintainers would want. Prints FILE:LINE: error|warning:
message for each finding; exits 1 if there is any error, else 0. A URL is
checked as it is downloaded now, never from the cache.`,
		Example: `  upstream-tui lint
  upstream-tui lint ./README.md`,
		Args: args(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := a.catalog
			if len(args) == 1 {
				path = args[0]
			}
			file, findings, err := a.Catalogs.Lint(context.Background(), path)
			if err != nil {
				return err
			}
			// The file's name is an argument: escaped, never cut, so that
			// FILE:LINE: still leads an editor to it. A finding is one line.
			file = inert.Escape(file)
			w := bufio.NewWriter(a.Stdout)
			errs := 0
			for _, f := range findings {
				msg := strings.ReplaceAll(inert.Text(f.Message), "\n", " ")
				fmt.Fprintf(w, "%s:%d: %s: %s\n", file, f.Line, f.Severity, msg)
				if f.Severity == model.SeverityError {
					errs++
				}
			}
			if err := w.Flush(); err != nil {
				return err
			}
			if errs > 0 {
				return fmt.Errorf("%s: %s, %s", file, model.Count(errs, "error"), model.Count(len(findings)-errs, "warning"))
			}
			return nil
		},
	}
}
