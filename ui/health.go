package ui

import (
	"context"
	"errors"
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
)

// Repository health (Options.Health). The session keeps what it knows of
// each repository: what the source's cache holds, read in a command at
// start, then what checks bring. What the views read is a snapshot made
// from it, a model.HealthView, made again when an answer arrives (in a
// command on a large catalog): the list's markers, the detail, the is:
// facets and the sort orders all read it. Checks run in commands, never in Update:
// the selected project's repository once the selection has rested
// (healthRest), then those of the rows on screen in order, at most
// healthParallel at once, each repository once a session unless r asks
// again (revalidating). A rate limit stops the asking until it resets, when the
// rows on screen are asked for again; the header says so meanwhile; being offline is said once, in passing.

const (
	// healthRest is how long the selection must rest before its
	// repository is checked: scrolling through the list asks nothing.
	healthRest = 250 * time.Millisecond
	// healthParallel is how many checks run at once.
	healthParallel = 4
	// healthTimeout bounds a check, whatever the source does.
	healthTimeout = 30 * time.Second
)

// repoRef is a project's repository and its key; the zero repoRef is none.
type repoRef struct {
	repo model.Repo
	key  string
}

func newRepoRef(p *model.Project) repoRef {
	r, ok := model.RepoOf(p)
	if !ok {
		return repoRef{}
	}
	return repoRef{repo: r, key: r.Key()}
}

// healthState is the session's health: what is known, what is asked, and
// whether the rate limit stops the asking.
type healthState struct {
	source model.HealthSource
	// cached is what the source's cache held for the catalog's
	// repositories at its load, by Repo.Key: replaced whole, never
	// changed, so that commands making snapshots can read it.
	cached map[string]model.Health
	// checked is what checks brought since, by Repo.Key; Update's own.
	checked map[string]model.Health
	// A snapshot is being made in a command; stale: another is wanted
	// once it is done.
	building, stale bool
	// asked holds the round in which each repository was last asked
	// (checked or being checked): a round is a session, or what follows
	// an r, whose checks revalidate.
	asked   map[string]int
	round   int
	queue   []healthCheck // waiting, in order
	running int           // checks under way
	// limit is the rate limit that stopped the asking; nil when none.
	limit       *model.RateLimitError
	offlineSaid bool
	// rested is what the last rest was for; resting counts rests begun,
	// so that only the latest ends one.
	rested  restKey
	resting int
}

// healthCheck is a repository to check.
type healthCheck struct {
	ref     repoRef
	refresh bool
}

// restKey is what the rows on screen and the selection are: when it
// changes, the selection rests again before anything is checked.
type restKey struct {
	cat                     *model.Catalog
	tab, search             int // the tab and the filter's search
	sort                    model.SortOrder
	selected, offset        int
	perPage, items, round   int
	hasSelection, haveRepos bool
}

func newHealthState(src model.HealthSource) *healthState {
	if src == nil {
		return nil
	}
	return &healthState{source: src, checked: map[string]model.Health{}, asked: map[string]int{}}
}

// lookup returns what is known of a repository, for a snapshot made now
// or in a command: what checks brought, else what the cache held.
func (hs *healthState) lookup() func(model.Repo) (model.Health, bool) {
	return knownHealth(maps.Clone(hs.checked), hs.cached)
}

// knownHealth looks a repository up in checked, then in cached.
func knownHealth(checked, cached map[string]model.Health) func(model.Repo) (model.Health, bool) {
	return func(r model.Repo) (model.Health, bool) {
		k := r.Key()
		if h, ok := checked[k]; ok {
			return h, true
		}
		h, ok := cached[k]
		return h, ok
	}
}

// healthLoadedMsg brings a catalog's repositories, one per project (the
// zero repoRef for none), what the source's cache holds for them, and the
// first snapshot of their health.
type healthLoadedMsg struct {
	cat    *model.Catalog
	repos  []repoRef
	cached map[string]model.Health
	view   *model.HealthView
}

// healthViewMsg brings a snapshot made in a command.
type healthViewMsg struct {
	cat  *model.Catalog
	view *model.HealthView
}

// healthRestedMsg says that the selection begun as rest has rested.
type healthRestedMsg struct{ rest int }

// healthCheckedMsg brings a check's answer.
type healthCheckedMsg struct {
	check  healthCheck
	health model.Health
	err    error
}

// loadHealth finds each project's repository, reads what the cache holds
// for it and makes the first snapshot, with checked (the command's own
// copy) over it, in a command: at 100,000 projects it is more than a
// frame.
func loadHealth(src model.HealthSource, cat *model.Catalog, checked map[string]model.Health, now time.Time) tea.Cmd {
	return func() tea.Msg {
		repos := make([]repoRef, len(cat.Projects))
		cached := map[string]model.Health{}
		looked := map[string]bool{}
		for i := range cat.Projects {
			ref := newRepoRef(&cat.Projects[i])
			repos[i] = ref
			if ref.key == "" || looked[ref.key] {
				continue
			}
			looked[ref.key] = true
			if h, ok := src.Cached(ref.repo); ok {
				cached[ref.key] = h
			}
		}
		view := newHealthView(repos, knownHealth(checked, cached), now)
		return healthLoadedMsg{cat: cat, repos: repos, cached: cached, view: view}
	}
}

// makeHealthView makes a snapshot in a command.
func makeHealthView(cat *model.Catalog, repos []repoRef, lookup func(model.Repo) (model.Health, bool), now time.Time) tea.Cmd {
	return func() tea.Msg {
		return healthViewMsg{cat: cat, view: snapshot(cat, repos, lookup, now)}
	}
}

// snapshot makes a snapshot of cat's health, from its projects'
// repositories when they were found (repos: never changed once found, so
// a command may read them), else finding them.
func snapshot(cat *model.Catalog, repos []repoRef, lookup func(model.Repo) (model.Health, bool), now time.Time) *model.HealthView {
	if len(repos) != len(cat.Projects) {
		return model.NewHealthView(cat, lookup, now)
	}
	return newHealthView(repos, lookup, now)
}

// newHealthView makes a snapshot of the projects whose repositories are
// repos.
func newHealthView(repos []repoRef, lookup func(model.Repo) (model.Health, bool), now time.Time) *model.HealthView {
	return model.NewHealthViewOf(len(repos), func(i int) (model.Repo, string) { return repos[i].repo, repos[i].key }, lookup, now)
}

// checkHealth asks the source for a repository's health in a command.
func checkHealth(src model.HealthSource, c healthCheck) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), healthTimeout)
		defer cancel()
		h, err := src.Check(ctx, c.ref.repo, c.refresh)
		return healthCheckedMsg{check: c, health: h, err: err}
	}
}

// startHealth reads the cache for the catalog on screen.
func (m *Model) startHealth() tea.Cmd {
	if m.health == nil {
		return nil
	}
	return loadHealth(m.health.source, m.view.cat, maps.Clone(m.health.checked), m.now())
}

// handleHealthLoaded keeps the catalog's repositories, what the cache
// holds for them and their first snapshot; a catalog swapped out since
// is dropped.
func (m *Model) handleHealthLoaded(msg healthLoadedMsg) tea.Cmd {
	hs := m.health
	if hs == nil || msg.cat != m.view.cat {
		return nil
	}
	hs.cached = msg.cached
	m.view.repos = msg.repos
	m.gen++
	return m.view.setHealth(msg.view)
}

// healthChanged makes a new snapshot for what checks brought: at once on
// a small catalog, in a command on a large one, one at a time.
func (m *Model) healthChanged() tea.Cmd {
	hs, cat := m.health, m.view.cat
	if len(cat.Projects) < m.view.asyncFrom {
		m.gen++
		return m.view.setHealth(snapshot(cat, m.view.repos, hs.lookup(), m.now()))
	}
	if hs.building {
		hs.stale = true
		return nil
	}
	hs.building = true
	return makeHealthView(cat, m.view.repos, hs.lookup(), m.now())
}

// handleHealthView shows a snapshot made in a command, and makes the next
// when answers came meanwhile.
func (m *Model) handleHealthView(msg healthViewMsg) tea.Cmd {
	hs := m.health
	if hs == nil {
		return nil
	}
	hs.building = false
	var cmd tea.Cmd
	if msg.cat == m.view.cat {
		m.gen++
		cmd = m.view.setHealth(msg.view)
	}
	if hs.stale {
		hs.stale = false
		cmd = tea.Batch(cmd, m.healthChanged())
	}
	return cmd
}

// restHealth begins a rest when the selection or the rows on screen have
// changed since the last one; when it ends, their repositories are asked.
func (m *Model) restHealth() tea.Cmd {
	hs := m.health
	if hs == nil {
		return nil
	}
	v := &m.view
	sel, ok := v.list.selected()
	k := restKey{
		cat: v.cat, tab: v.active, search: v.searchGen, sort: v.sort, selected: sel, offset: v.list.offset,
		perPage: v.list.perPage(), items: len(v.list.items), round: hs.round, hasSelection: ok, haveRepos: v.repos != nil,
	}
	if k == hs.rested {
		return nil
	}
	hs.rested = k
	hs.resting++
	rest := hs.resting
	return m.opts.after(healthRest, func(time.Time) tea.Msg { return healthRestedMsg{rest} })
}

// handleHealthRested queues the selected project's repository, then those
// of the rows on screen, in place of what waited, unless a newer rest has
// begun; and starts checks.
func (m *Model) handleHealthRested(msg healthRestedMsg) tea.Cmd {
	hs := m.health
	if hs == nil || msg.rest != hs.resting {
		return nil
	}
	hs.queue = hs.queue[:0]
	queued := map[string]bool{}
	add := func(p int) {
		ref := m.view.repoOf(p)
		if ref.key == "" || queued[ref.key] {
			return
		}
		if r, ok := hs.asked[ref.key]; ok && r >= hs.round {
			return
		}
		queued[ref.key] = true
		hs.queue = append(hs.queue, healthCheck{ref: ref, refresh: hs.round > 0})
	}
	l := &m.view.list
	if p, ok := l.selected(); ok {
		add(p)
	}
	for _, p := range l.items[l.offset:min(l.offset+l.perPage(), len(l.items))] {
		add(p)
	}
	return m.nextChecks()
}

// nextChecks starts waiting checks while fewer than healthParallel run,
// unless the rate limit stops them.
func (m *Model) nextChecks() tea.Cmd {
	hs := m.health
	if hs.limit != nil {
		if !m.limitOver() {
			hs.queue = hs.queue[:0]
			return nil
		}
		hs.limit = nil
		m.gen++ // the header
	}
	var cmds []tea.Cmd
	for hs.running < healthParallel && len(hs.queue) > 0 {
		c := hs.queue[0]
		hs.queue = hs.queue[1:]
		hs.asked[c.ref.key] = hs.round
		hs.running++
		cmds = append(cmds, checkHealth(hs.source, c))
	}
	return tea.Batch(cmds...)
}

// limitOver reports whether the rate limit in force has reset.
func (m *Model) limitOver() bool {
	reset := m.health.limit.Reset
	return !reset.IsZero() && !m.now().Before(reset)
}

// handleHealthChecked keeps a check's answer and starts the next checks.
// A rate limit stops them and the header says until when; offline is
// said once.
func (m *Model) handleHealthChecked(msg healthCheckedMsg) tea.Cmd {
	hs := m.health
	if hs == nil {
		return nil
	}
	hs.running = max(hs.running-1, 0)
	var changed tea.Cmd
	if h := msg.health; !h.CheckedAt.IsZero() {
		if old, ok := knownHealth(hs.checked, hs.cached)(msg.check.ref.repo); !ok || !old.CheckedAt.After(h.CheckedAt) {
			hs.checked[msg.check.ref.key] = h
			changed = m.healthChanged()
		}
	}
	var limit *model.RateLimitError
	var offline *model.OfflineError
	switch {
	case errors.As(msg.err, &limit):
		delete(hs.asked, msg.check.ref.key) // asked again once the limit resets
		var over tea.Cmd
		if hs.limit == nil {
			m.setNotice(m.limitText(limit, true), true)
			over = m.awaitLimit(limit)
		}
		hs.limit = limit
		hs.queue = hs.queue[:0]
		m.gen++ // the header
		return tea.Batch(changed, over)
	case errors.As(msg.err, &offline):
		if !hs.offlineSaid {
			hs.offlineSaid = true
			m.setStatus("Offline: repository health is what was last checked", false)
		}
	}
	return tea.Batch(changed, m.nextChecks())
}

// healthLimitOverMsg says that the rate limit that stopped the checks
// should have reset.
type healthLimitOverMsg struct{}

// awaitLimit schedules healthLimitOverMsg for when l resets.
func (m *Model) awaitLimit(l *model.RateLimitError) tea.Cmd {
	if l.Reset.IsZero() {
		return nil
	}
	return m.opts.after(max(l.Reset.Sub(m.now()), 0), func(time.Time) tea.Msg { return healthLimitOverMsg{} })
}

// handleHealthLimitOver lifts a rate limit that has reset: the header no
// longer says checks wait, and the selection and the rows on screen are
// checked, as after a rest. A limit moved later meanwhile is waited for
// again.
func (m *Model) handleHealthLimitOver() tea.Cmd {
	hs := m.health
	if hs == nil || hs.limit == nil {
		return nil
	}
	if !m.limitOver() {
		return m.awaitLimit(hs.limit)
	}
	hs.limit = nil
	m.gen++ // the header
	hs.rested = restKey{}
	hs.resting++
	return m.handleHealthRested(healthRestedMsg{hs.resting})
}

// recheckHealth (r) asks again, revalidating, for the selection and the
// rows on screen; it returns what it says in the status line.
func (m *Model) recheckHealth() (tea.Cmd, string) {
	hs := m.health
	if hs.limit != nil && !m.limitOver() {
		return nil, m.limitText(hs.limit, false)
	}
	hs.round++
	hs.rested = restKey{} // rest again now, for the new round
	hs.resting++
	return m.handleHealthRested(healthRestedMsg{hs.resting}), "Checking repository health again…"
}

// healthNote is what the header says of health: the rate limit, while it
// stops checks.
func (m *Model) healthNote() string {
	if m.health == nil || m.health.limit == nil {
		return ""
	}
	return m.limitText(m.health.limit, false)
}

// limitText says that the rate limit stops checks, when they resume (in
// the app's clock's zone) and, unless a token was sent, that a token
// raises the limit: short for the header, long for the status line.
func (m *Model) limitText(l *model.RateLimitError, long bool) string {
	s, at := "GitHub rate limit", ""
	if !l.Reset.IsZero() {
		at = l.Reset.In(m.now().Location()).Format("15:04")
	}
	switch {
	case long:
		s += " reached"
		if at != "" {
			s += ": checks resume at " + at
		}
	case at != "":
		s += " until " + at
	}
	switch {
	case l.Authenticated:
	case long:
		s += "; a token (GH_TOKEN, or gh auth login) raises it to 5,000 requests an hour"
	default:
		s += "; a token raises it to 5,000/h"
	}
	return s
}

// repoOf returns project p's repository: from the list loadHealth made,
// or found now until it arrives.
func (v *catalogView) repoOf(p int) repoRef {
	if v.repos != nil {
		return v.repos[p]
	}
	return newRepoRef(&v.cat.Projects[p])
}

// healthOf returns project p's repository and its health in the
// snapshot shown; nil when not checked, or without a source.
func (m *Model) healthOf(p int) (repoRef, *model.Health) {
	if m.health == nil {
		return repoRef{}, nil
	}
	return m.view.repoOf(p), m.view.health.Of(p)
}
