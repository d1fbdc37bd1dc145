package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
)

// typoRule is how the root command tells a mistyped command from a query;
// --help and README.md say the same.
const typoRule = `A first word that is not a command but is within two letters of one
("lsit", "shwo gatekeeper") and finds no project is taken for a mistyped
command: exit status 2 and a suggestion. To search for a word that is, or
looks like, a command, put -- before it: upstream-tui -- list.`

// mistypedCommand returns a usage error when word, the root command's first
// argument, reads as a mistyped command rather than a query: cobra suggests
// a command for it (two edits away, or a command starting with it) and the
// search the browser would run finds no project for it.
func mistypedCommand(root *cobra.Command, word string, cat *model.Catalog) error {
	if root.SuggestionsMinimumDistance <= 0 {
		root.SuggestionsMinimumDistance = 2
	}
	suggestions := root.SuggestionsFor(word)
	if len(suggestions) == 0 || len(model.NewIndex(cat.Projects).Search(word, nil)) > 0 {
		return nil
	}
	quoted := make([]string, len(suggestions))
	for i, s := range suggestions {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	hint := "put -- before it"
	if plainWord(word) {
		hint = "upstream-tui -- " + word
	}
	return usagef("unknown command %q. Did you mean %s? (to search for it: %s)", word, orList(quoted), hint)
}

// orList joins words as prose: "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// plainWord reports whether a shell takes s as it is, and a terminal shows
// it as it is (an argument is untrusted text).
func plainWord(s string) bool {
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/") == ""
}
