package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// Options configures the app.
type Options struct {
	// Query is a filter to start with.
	Query string
	// Area is the name of the area tab to start on, AllTab for All; when
	// empty, the app starts on State.LastTab, or on All when Query is set.
	Area string
	// Opener opens links; SystemOpener when nil.
	Opener Opener
	// NoColor turns every colour off, the rendered Markdown's too
	// (NO_COLOR).
	NoColor bool
	// Markdown makes the renderer of the Markdown the app writes (the
	// detail, the about view) for a glamour style, "dark" or "light", and
	// NoColor: render.New. When nil, the Markdown is shown as it is.
	Markdown func(style string, noColor bool) func(md string, width int) string
	// Reload, when set, reads the catalog's source again, in a command:
	// at start with ReloadAtStart, on r, and when Stamp changes. A catalog
	// whose Origin has a Notice stands in for one that could not be read;
	// an error keeps the catalog shown.
	Reload func() (*model.Catalog, error)
	// ReloadAtStart: the catalog handed to New stands in for the real one
	// (a large file's first rows, a stale cached copy), and Init starts
	// Reload.
	ReloadAtStart bool
	// Stamp, when set, identifies the version of the catalog's file on
	// disk; the app looks at it every second and reloads when it changes.
	// Stamped is its value when the catalog was read.
	Stamp   func() string
	Stamped string
	// Now tells the time for the header's "checked 5 min ago" and for
	// recents; nil: time.Now.
	Now func() time.Time
	// State is what the last run remembered; SaveState keeps it, in a
	// command, after a link opens and when the app quits. The app starts
	// on State.LastTab when Area and Query are empty.
	State     model.State
	SaveState func(model.State) error
	// RecentFirst lists the recently opened projects first on the All tab
	// while no filter is applied.
	RecentFirst bool
	// Keys rebinds actions (see Actions) to keys; CheckKeys them first.
	Keys map[string][]string
	// Theme is "dark" or "light" to fix the colours; otherwise they follow
	// the terminal's background.
	Theme string
	// Hyperlinks makes the detail's link labels clickable in terminals that
	// support OSC 8.
	Hyperlinks bool
	// Plain draws for screen readers and dumb terminals: no colour, ASCII
	// instead of box drawing, the detail always under the list.
	Plain bool
	// Notice is shown in the status line at start (a config file that was
	// not used, a state file that could not be read).
	Notice string
	// AsyncSearchFrom is the catalog size from which a keystroke's search
	// runs in a command, superseded by the next keystroke, instead of in
	// Update, and so does the facet picker's counting; 0 means
	// defaultAsyncSearchFrom.
	AsyncSearchFrom int
	// Health tells each project's repository health (health.go): what its
	// cache holds at start, then checks in commands, a few at once, within
	// the rate budget. Nil: no health, no Repository section, no markers.
	Health model.HealthSource
	// After schedules a message after a delay: a status message's expiry,
	// a link number's wait, the selection's rest before health is checked. Nil means tea.Tick. A test that runs every
	// command as it comes gives one that never fires, so as not to wait.
	After func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// after schedules a message with Options.After, or tea.Tick.
func (o *Options) after(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if o.After != nil {
		return o.After(d, fn)
	}
	return tea.Tick(d, fn)
}

// markdown returns the renderer of Markdown for a style.
func (o *Options) markdown(style string) markdownFunc {
	if o.Markdown == nil {
		return func(md string, _ int) string { return md }
	}
	return o.Markdown(style, o.NoColor)
}

// defaultAsyncSearchFrom: below it a search takes well under a millisecond
// and runs in Update, where its result is on the very next frame.
const defaultAsyncSearchFrom = 20_000

// asyncFrom is the catalog size from which searches and facet counts run
// in commands.
func (o *Options) asyncFrom() int {
	if o.AsyncSearchFrom <= 0 {
		return defaultAsyncSearchFrom
	}
	return o.AsyncSearchFrom
}
