package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// keyMap holds every binding of the app. Help is built from it, and
// bindings that do not apply in the current mode are disabled, so help
// always shows what works now.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	NextTab, PrevTab                        key.Binding
	Filter, ClearFilter                     key.Binding
	AcceptFilter, CancelFilter              key.Binding
	FilterUp, FilterDown, AllMatches        key.Binding
	Open, Slack, Issues, Mail, Docs, Number key.Binding
	Copy, Reload                            key.Binding
	Contribute, Sort                        key.Binding
	Facets, PickFacet, PickNegated          key.Binding
	DetailUp, DetailDown                    key.Binding
	About, Help, Close, Quit, ForceQuit     key.Binding

	// health: the app knows repository health (Options.Health), so the
	// keys that use it work.
	health bool
}

// defaultKeyMap is the keys the app starts with; Options.Keys rebinds them.
func defaultKeyMap() keyMap {
	k := keyMap{
		Up:       key.NewBinding(key.WithKeys("k", "up", "ctrl+p"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down", "ctrl+n"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		PageUp:   key.NewBinding(key.WithKeys("ctrl+b", "shift+up"), key.WithHelp("ctrl+b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("ctrl+f", "shift+down"), key.WithHelp("ctrl+f", "page down")),

		NextTab: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next area")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "prev area")),

		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		CancelFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		FilterUp:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "up")),
		FilterDown:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "down")),
		AllMatches:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "matches in All")),

		Open:   key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "open homepage")),
		Slack:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "open Slack")),
		Issues: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "open issues")),
		Mail:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "open mailing list")),
		Docs:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "open Use on Azure")),
		Number: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("0-9", "open link N (1 2: 12)")),
		Copy:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "")), // described by describeCopy
		Reload: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload catalog")),

		Contribute: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "open contribute page")),
		Sort:       key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sort: catalog, stars, last push")),

		Facets:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "facets")),
		PickFacet:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "toggle in filter")),
		PickNegated: key.NewBinding(key.WithKeys("-", "!"), key.WithHelp("-", "leave out")),

		DetailUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/ctrl+u", "scroll detail up")),
		DetailDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn/ctrl+d", "scroll detail down")),

		About:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "about the catalog")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close:     key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "close")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
	k.describeCopy()
	return k
}

// setMode enables the bindings that work in mode m and disables the rest,
// each binding once, so that help shows only what works now.
// filterApplied says a filter is in force; elsewhere, that some of its
// matches are on other tabs than the area tab shown.
func (k *keyMap) setMode(m mode, filterApplied, elsewhere bool) {
	in := func(ms ...mode) bool { return slices.Contains(ms, m) }
	browse := m == modeBrowse

	k.Up.SetEnabled(in(modeBrowse, modeHelp, modeAbout, modeFacets))
	k.Down.SetEnabled(in(modeBrowse, modeHelp, modeAbout, modeFacets))
	k.Top.SetEnabled(in(modeBrowse, modeHelp, modeAbout, modeFacets))
	k.Bottom.SetEnabled(in(modeBrowse, modeHelp, modeAbout, modeFacets))
	k.PageUp.SetEnabled(browse)
	k.PageDown.SetEnabled(browse)

	k.NextTab.SetEnabled(browse)
	k.PrevTab.SetEnabled(browse)

	k.Filter.SetEnabled(in(modeBrowse, modeFacets))
	k.ClearFilter.SetEnabled(browse && filterApplied)
	typing := in(modeFilter, modeFacetFilter)
	k.AcceptFilter.SetEnabled(typing)
	k.CancelFilter.SetEnabled(typing)
	k.FilterUp.SetEnabled(typing)
	k.FilterDown.SetEnabled(typing)
	k.AllMatches.SetEnabled(m == modeFilter && elsewhere)

	k.Open.SetEnabled(browse)
	k.Slack.SetEnabled(browse)
	k.Issues.SetEnabled(browse)
	k.Mail.SetEnabled(browse)
	k.Docs.SetEnabled(browse)
	k.Number.SetEnabled(browse)
	k.Copy.SetEnabled(browse)
	k.Reload.SetEnabled(browse)
	k.Contribute.SetEnabled(browse && k.health)
	k.Sort.SetEnabled(browse && k.health)

	k.Facets.SetEnabled(browse)
	k.PickFacet.SetEnabled(m == modeFacets)
	k.PickNegated.SetEnabled(m == modeFacets)

	k.DetailUp.SetEnabled(in(modeBrowse, modeHelp, modeAbout))
	k.DetailDown.SetEnabled(in(modeBrowse, modeHelp, modeAbout))

	k.About.SetEnabled(in(modeBrowse, modeAbout))
	k.Help.SetEnabled(in(modeBrowse, modeHelp, modeAbout))
	k.Close.SetEnabled(in(modeHelp, modeAbout, modeFacets))
	// In an overlay the quit key closes it (Close holds q too): a user
	// leaving help must not lose the session. ctrl+c still quits.
	k.Quit.SetEnabled(browse)
	k.ForceQuit.SetEnabled(true)
}

// modes lists every mode, for what is checked in each.
var modes = []mode{modeBrowse, modeFilter, modeHelp, modeAbout, modeFacets, modeFacetFilter}

// ShortHelp is the one-line help always shown at the bottom.
func (k keyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range k.shortHelp() {
		out = append(out, *b)
	}
	return out
}

// shortHelp is the short help's bindings, in the order it shows them.
func (k *keyMap) shortHelp() []*key.Binding {
	return []*key.Binding{
		&k.AcceptFilter, &k.CancelFilter, &k.FilterUp, &k.FilterDown, &k.AllMatches, &k.PickFacet, &k.PickNegated, &k.Close,
		&k.Up, &k.Down, &k.Filter, &k.ClearFilter, &k.NextTab, &k.Open, &k.Slack, &k.Issues, &k.Facets,
		&k.Help, &k.Quit,
	}
}

// shortHelpRanked is the short help's bindings, most wanted first: where
// the line is too narrow for all, the last ones go first. Help and quit
// (or close) always stay, then filtering and the link keys.
func (k *keyMap) shortHelpRanked() []*key.Binding {
	return []*key.Binding{
		&k.Help, &k.Quit, &k.Close, &k.AcceptFilter, &k.CancelFilter, &k.AllMatches, &k.PickFacet,
		&k.Filter, &k.Open, &k.Slack, &k.Issues, &k.PickNegated, &k.FilterUp, &k.FilterDown,
		&k.Facets, &k.ClearFilter, &k.NextTab, &k.Up, &k.Down,
	}
}

// FullHelp is every binding, grouped as the full help shows them.
func (k keyMap) FullHelp() [][]key.Binding {
	var groups [][]key.Binding
	for _, s := range k.helpSections() {
		groups = append(groups, s.groups...)
	}
	return groups
}

// helpSection is a titled part of the full help.
type helpSection struct {
	title  string
	groups [][]key.Binding
}

// helpSections is the full help: the keys of the list and the views over
// it, then the keys that work only while a filter is typed and in the
// facet picker. Each binding is in one group.
func (k keyMap) helpSections() []helpSection {
	return []helpSection{
		{"Keys", [][]key.Binding{
			{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
			{k.NextTab, k.PrevTab, k.Filter, k.ClearFilter, k.Facets, k.Sort, k.About, k.Reload},
			{k.Open, k.Slack, k.Issues, k.Mail, k.Docs, k.Contribute, k.Number, k.Copy},
			{k.DetailUp, k.DetailDown, k.Help, k.Close, k.Quit, k.ForceQuit},
		}},
		{"While typing a filter", [][]key.Binding{{k.AcceptFilter, k.CancelFilter, k.FilterUp, k.FilterDown, k.AllMatches}}},
		{"In the facet picker", [][]key.Binding{{k.PickFacet, k.PickNegated}}},
	}
}

// enableAll enables each binding that works in some mode, for the full
// help.
func (k *keyMap) enableAll() {
	on := map[*key.Binding]bool{}
	for _, m := range modes {
		k.setMode(m, true, true)
		for _, b := range k.actions() {
			on[b] = on[b] || b.Enabled()
		}
	}
	for b, enabled := range on {
		b.SetEnabled(enabled)
	}
}

// actions names every binding for the config file's [keys] table.
func (k *keyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"page_up": &k.PageUp, "page_down": &k.PageDown,
		"next_tab": &k.NextTab, "prev_tab": &k.PrevTab,
		"filter": &k.Filter, "clear_filter": &k.ClearFilter,
		"accept_filter": &k.AcceptFilter, "cancel_filter": &k.CancelFilter,
		"filter_up": &k.FilterUp, "filter_down": &k.FilterDown, "all_matches": &k.AllMatches,
		"open": &k.Open, "slack": &k.Slack, "issues": &k.Issues, "mail": &k.Mail,
		"docs": &k.Docs, "number": &k.Number, "copy": &k.Copy, "reload": &k.Reload,
		"contribute": &k.Contribute, "sort": &k.Sort,
		"facets": &k.Facets, "pick_facet": &k.PickFacet, "pick_negated": &k.PickNegated,
		"detail_up": &k.DetailUp, "detail_down": &k.DetailDown,
		"about": &k.About, "help": &k.Help, "close": &k.Close,
		"quit": &k.Quit, "force_quit": &k.ForceQuit,
	}
}

// Actions lists the names of the actions a config file can bind.
func Actions() []string {
	var k keyMap
	names := slices.Collect(maps.Keys(k.actions()))
	slices.Sort(names)
	return names
}

// rebind gives actions the keys a config asks for; help shows them.
func (k *keyMap) rebind(keys map[string][]string) {
	acts := k.actions()
	for name, ks := range keys {
		if b, ok := acts[name]; ok {
			b.SetKeys(ks...)
			desc := b.Help().Desc
			if b == &k.Number {
				desc = numberDesc(ks)
			}
			b.SetHelp(strings.Join(ks, "/"), desc)
		}
	}
	k.describeCopy()
}

// numberDesc is the help of number keys other than the digits: which
// digit of a link number each types ("x=1 c=2"), as none says it itself.
func numberDesc(keys []string) string {
	var parts []string
	for i, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, (i+1)%10))
	}
	return "type a link number: " + strings.Join(parts, " ")
}

// maxNumberKeys is how many keys the number binding can have: one for each
// digit, 1 to 9 then 0.
const maxNumberKeys = 10

// CheckKeys reports a rebinding that would make two actions of one mode
// share a key, or give the number binding more keys than digits, naming
// one of the actions the config rebinds.
func CheckKeys(keys map[string][]string) (action string, err error) {
	if n := len(keys["number"]); n > maxNumberKeys {
		return "number", fmt.Errorf("%d keys, but a link number has only %d digits (1 to 9, then 0)", n, maxNumberKeys)
	}
	k := defaultKeyMap()
	k.health = true // every key that can work, checked
	k.rebind(keys)
	names := k.actions()
	for _, m := range modes {
		k.setMode(m, true, true)
		owner := map[string]string{}
		for _, name := range Actions() {
			b := names[name]
			if !b.Enabled() {
				continue
			}
			for _, key := range b.Keys() {
				other, taken := owner[key]
				if !taken || sameAction(name, other) {
					owner[key] = name
					continue
				}
				culprit := name
				if _, ok := keys[other]; ok {
					culprit = other
				}
				return culprit, fmt.Errorf("%q would do both %s and %s", key, other, name)
			}
		}
	}
	return "", nil
}

// sameAction: bindings that share keys by design, one of them disabled in
// every mode where the other works, or doing the same there.
func sameAction(a, b string) bool {
	pair := func(x, y string) bool { return a == x && b == y || a == y && b == x }
	return pair("close", "help") || pair("close", "about") || pair("close", "facets")
}
