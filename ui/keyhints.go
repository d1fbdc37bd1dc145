package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Hints that name keys (the copy prompt, the picker's title, help) are
// built here from the bindings, never written by hand: a rebound key shows
// up in all of them.

// linkKeys are the bindings that name a link by its kind after the
// homepage, in the order hints list them.
func (k *keyMap) linkKeys() []key.Binding {
	return []key.Binding{k.Slack, k.Issues, k.Mail, k.Docs}
}

// describeCopy writes the copy binding's help from the keys that can
// follow it.
func (k *keyMap) describeCopy() {
	then := []string{k.Copy.Help().Key}
	for _, b := range k.linkKeys() {
		then = append(then, b.Help().Key)
	}
	then = append(then, k.Number.Help().Key)
	k.Copy.SetHelp(k.Copy.Help().Key, "copy link: "+k.Copy.Help().Key+" then "+strings.Join(then, "/"))
}

// copyPrompt is the status line's question after the copy key.
func (k *keyMap) copyPrompt() string {
	var kinds []string
	for _, b := range k.linkKeys() {
		kinds = append(kinds, b.Help().Key)
	}
	return "Copy which link? " + k.Copy.Help().Key + " homepage · " + strings.Join(kinds, " ") +
		" · " + k.Number.Help().Key + " · any other key cancels"
}

// linkDigit is the digit a key of the number binding types: its position
// in the binding's keys, from 1, the tenth key typing 0; ok is false for
// another key.
func (k *keyMap) linkDigit(msg tea.KeyPressMsg) (digit int, ok bool) {
	if !k.Number.Enabled() {
		return 0, false
	}
	i := slices.Index(k.Number.Keys(), msg.String())
	return (i + 1) % 10, i >= 0
}

// keyGlyphs are the names help gives keys that have a symbol.
var keyGlyphs = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}

// keyName is a key as help writes it.
func keyName(k string) string {
	if g, ok := keyGlyphs[k]; ok {
		return g
	}
	return k
}

// fullLabel is a binding's help key with the keys it does not name added,
// for the full help: "↑/k" for up, k and ctrl+p becomes "↑/k/ctrl+p".
func fullLabel(b key.Binding) string {
	label := b.Help().Key
	parts := strings.Split(label, "/")
	for _, k := range b.Keys() {
		name := keyName(k)
		named := label == name || slices.Contains(parts, name) ||
			strings.HasPrefix(label, name+"/") || strings.HasSuffix(label, "/"+name) ||
			inRange(parts, name)
		if !named {
			label += "/" + name
			parts = append(parts, name)
		}
	}
	return label
}

// inRange reports whether a one-character key is within a range such as
// "1-9" among parts.
func inRange(parts []string, k string) bool {
	if len(k) != 1 {
		return false
	}
	for _, p := range parts {
		if len(p) == 3 && p[1] == '-' && p[0] <= k[0] && k[0] <= p[2] {
			return true
		}
	}
	return false
}

// withFullLabels returns the groups with each binding's help key given
// all its keys.
func withFullLabels(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = make([]key.Binding, len(g))
		for j, b := range g {
			b.SetHelp(fullLabel(b), b.Help().Desc)
			out[i][j] = b
		}
	}
	return out
}
