package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// typoRule is how the root command tells a mistyped command from a query;
// --help and README.md say the same.
const typoRule = `A first word that is not a command but is within two letters of one
("lsit", "shwo gatekeeper") and is in no project's name is taken for a
mistyped command: exit status 2 and a suggestion. To search for a word that is, or
looks like, a command, put -- before it: upstream-tui -- list.`

// mistypedCommand returns a usage error when word, the root command's first
// argument, reads as a mistyped command rather than a query: cobra suggests
// a command for it (two edits away, or a command starting with it) and no
// project's name holds it, ignoring case. Names, not the fuzzy search: a
// short word finds something fuzzily almost always, and whether "lsit" is
// a typo must not hang on how the search ranks.
func mistypedCommand(root *cobra.Command, word string, cat *model.Catalog) error {
	if root.SuggestionsMinimumDistance <= 0 {
		root.SuggestionsMinimumDistance = 2
	}
	suggestions := root.SuggestionsFor(word)
	if len(suggestions) == 0 || slices.ContainsFunc(cat.Projects, func(p model.Project) bool {
		return strings.Contains(strings.ToLower(p.Name), strings.ToLower(word))
	}) {
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
	return usagef("unknown command %s. Did you mean %s? (to search for it: %s)", inert.Quote(word), orList(quoted), hint)
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
