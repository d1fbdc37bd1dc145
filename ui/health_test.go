package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/upstream-tui/upstream-tui/model"
)

// healthNow is the time of the health tests: what "3 years ago" counts
// from.
var healthNow = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 17, 9, 45, 0, time.UTC) }

// fakeHealth is a HealthSource with answers written here: it records the
// order of its checks, answers what it knows from its cache, and after
// limitAfter checks (when set) answers with a rate limit. It never
// touches a network.
type fakeHealth struct {
	mu         sync.Mutex
	cached     map[string]model.Health // what Cached has, by Repo.Key
	answers    map[string]model.Health // what Check answers
	limitAfter int                     // 0: no limit
	reset      time.Time
	offline    bool
	checks     []string // the repositories checked, in order
	refreshes  []bool
}

func (f *fakeHealth) Cached(r model.Repo) (model.Health, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.cached[r.Key()]
	return h, ok
}

func (f *fakeHealth) Check(_ context.Context, r model.Repo, refresh bool) (model.Health, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.checks = append(f.checks, r.String())
	f.refreshes = append(f.refreshes, refresh)
	cached, _ := f.cached[r.Key()]
	switch {
	case f.limitAfter > 0 && len(f.checks) > f.limitAfter:
		return cached, &model.RateLimitError{Reset: f.reset}
	case f.offline:
		return cached, &model.OfflineError{Err: errors.New("dial tcp: no route to host")}
	}
	h, ok := f.answers[r.Key()]
	if !ok {
		return cached, fmt.Errorf("%s: not in the fake", r)
	}
	return h, nil
}

// checked returns the repositories checked so far.
func (f *fakeHealth) checked() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.checks...)
}

// embeddedHealth is health for the embedded catalog's repositories, as
// GitHub could answer: archived, moved, active, stale; Moby is left out
// (not checked).
func embeddedHealth() map[string]model.Health {
	checked := healthNow.Add(-5 * time.Minute)
	hs := []model.Health{
		{Repo: model.Repo{Owner: "Azure", Name: "aks-engine"}, Archived: true, Description: "AKS Engine: legacy tool for Kubernetes on Azure (see status)",
			Stars: 1030, Forks: 520, OpenIssues: 10, PushedAt: day(2023, 10, 24),
			LatestRelease: &model.Release{Tag: "v0.79.0", PublishedAt: day(2023, 10, 24)}, License: "MIT", Topics: []string{"kubernetes", "azure"}},
		{Repo: model.Repo{Owner: "kubernetes-sigs", Name: "blobfuse-csi-driver"}, MovedTo: model.Repo{Owner: "kubernetes-sigs", Name: "blob-csi-driver"},
			Description: "Azure Blob Storage CSI driver", Stars: 130, Forks: 90, OpenIssues: 8, PushedAt: healthNow.Add(-3 * 24 * time.Hour),
			LatestRelease: &model.Release{Tag: "v1.26.0", PublishedAt: healthNow.Add(-20 * 24 * time.Hour)}, License: "Apache-2.0"},
		{Repo: model.Repo{Owner: "containerd", Name: "containerd"}, Description: "An open and reliable container runtime",
			Stars: 18100, Forks: 3500, OpenIssues: 630, PushedAt: healthNow.Add(-2 * time.Hour),
			LatestRelease: &model.Release{Tag: "v2.2.0", PublishedAt: healthNow.Add(-25 * 24 * time.Hour)}, License: "Apache-2.0",
			Topics: []string{"containers", "docker", "oci", "kubernetes"}},
		{Repo: model.Repo{Owner: "kubernetes", Name: "kubernetes"}, Description: "Production-Grade Container Scheduling and Management",
			Stars: 115000, Forks: 41000, OpenIssues: 2500, PushedAt: healthNow.Add(-time.Hour), License: "Apache-2.0"},
		{Repo: model.Repo{Owner: "Azure", Name: "aad-pod-identity"}, Archived: true, Stars: 580, PushedAt: day(2023, 10, 3), License: "MIT"},
		{Repo: model.Repo{Owner: "Azure", Name: "kubernetes-keyvault-flexvol"}, Archived: true, Stars: 250, PushedAt: day(2021, 6, 1), License: "MIT"},
		{Repo: model.Repo{Owner: "deislabs", Name: "smi-spec"}, MovedTo: model.Repo{Owner: "servicemeshinterface", Name: "smi-spec"}, Archived: true,
			Stars: 1000, PushedAt: day(2023, 10, 24), License: "Apache-2.0"},
		{Repo: model.Repo{Owner: "virtual-kubelet", Name: "virtual-kubelet"}, Stars: 3600, PushedAt: healthNow.AddDate(-1, -2, 0), License: "Apache-2.0"},
		{Repo: model.Repo{Owner: "open-policy-agent", Name: "gatekeeper"}, Stars: 3900, PushedAt: healthNow.AddDate(0, -5, 0), License: "Apache-2.0"},
	}
	out := map[string]model.Health{}
	for _, h := range hs {
		h.CheckedAt = checked
		out[h.Repo.Key()] = h
	}
	return out
}

// newHealthApp is the app on a catalog (nil: the embedded one) with a
// fake source whose cache and answers are embeddedHealth, at a size, its
// cache read as Init does.
func newHealthApp(t *testing.T, cat *model.Catalog, w, h int, opts Options) (Model, *fakeHealth, *recorder) {
	t.Helper()
	src := &fakeHealth{cached: embeddedHealth(), answers: embeddedHealth()}
	if cat == nil {
		cat = testCatalog(t)
	}
	rec := &recorder{}
	opts.Health, opts.Now, opts.Opener = src, func() time.Time { return healthNow }, rec.open
	m := newApp(cat, opts)
	m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = runCmd(t, m, m.Init(), nil)
	return rendered(m), src, rec
}

// TestHealthGoldenViews: the detail's Repository section for an archived,
// a moved, an active, a not-checked project and one without a repository,
// and the list's markers at 80 and 140 columns and in plain mode.
func TestHealthGoldenViews(t *testing.T) {
	none := &model.Catalog{Areas: []model.Area{{Name: "A"}}, Projects: []model.Project{{Name: "Elsewhere", Area: "A",
		Goal:  model.Text{{Text: "Lives on another forge"}},
		Links: []model.Link{{Label: "Elsewhere", URL: "https://gitlab.com/elsewhere/elsewhere", Kind: model.KindHome, Column: model.ColumnProject}}}}}
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
		opts Options
		cat  *model.Catalog
	}{
		{"archived_140x40", 140, 40, []string{"ctrl+d"}, Options{}, nil},
		{"moved_140x40", 140, 40, []string{"/", "b", "l", "o", "b", "enter", "ctrl+d"}, Options{}, nil},
		{"active_140x40", 140, 40, []string{"/", "c", "o", "n", "t", "a", "i", "n", "e", "r", "d", "enter"}, Options{}, nil},
		{"not_checked_140x40", 140, 40, []string{"/", "m", "o", "b", "y", "enter"}, Options{}, nil},
		{"no_repository_80x24", 80, 24, []string{"ctrl+d"}, Options{}, none},
		{"markers_80x24", 80, 24, nil, Options{Area: "Cloud Native Governance and Security"}, nil},
		{"markers_140x40", 140, 40, []string{"G"}, Options{}, nil},
		{"markers_plain_80x24", 80, 24, nil, Options{Plain: true, NoColor: true, Area: "Cloud Native Governance and Security"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _, _ := newHealthApp(t, tc.cat, tc.w, tc.h, tc.opts)
			m, _ = press(t, m, tc.keys...)
			checkFits(t, m.View().Content, tc.w, tc.h)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// healthHarness drives the app with a fake source, holding back the
// selection's rests until the test delivers them, and runs commands in
// the order they were made, as a program with a free worker for each
// would start them.
type healthHarness struct {
	t     *testing.T
	m     Model
	src   *fakeHealth
	rec   *recorder
	now   time.Time
	rests []func(time.Time) tea.Msg // the rests scheduled, in order
	// timers are the other messages scheduled, by their delay.
	timers map[time.Duration][]func(time.Time) tea.Msg
}

func newHealthHarness(t *testing.T, src *fakeHealth, w, h int) *healthHarness {
	hh := &healthHarness{t: t, src: src, rec: &recorder{}, now: healthNow, timers: map[time.Duration][]func(time.Time) tea.Msg{}}
	opts := Options{Health: src, Opener: hh.rec.open, Now: func() time.Time { return hh.now },
		After: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			if d == healthRest {
				hh.rests = append(hh.rests, fn)
			} else {
				hh.timers[d] = append(hh.timers[d], fn)
			}
			return nil
		}}
	hh.m = newApp(testCatalog(t), opts)
	hh.send(tea.WindowSizeMsg{Width: w, Height: h})
	hh.pump(hh.m.Init())
	return hh
}

// send updates the app with msg and runs what follows.
func (hh *healthHarness) send(msg tea.Msg) {
	next, cmd := hh.m.Update(msg)
	hh.m = next.(Model)
	hh.pump(cmd)
}

// press sends keys.
func (hh *healthHarness) press(keys ...string) {
	for _, k := range keys {
		hh.send(keyMsg(k))
	}
}

// rest delivers the latest rest.
func (hh *healthHarness) rest() {
	hh.t.Helper()
	if len(hh.rests) == 0 {
		hh.t.Fatal("no rest was scheduled")
	}
	hh.send(hh.rests[len(hh.rests)-1](time.Time{}))
}

// pump runs commands first made, first run, feeding the app what they
// send, and checks that no more than healthParallel checks run at once.
func (hh *healthHarness) pump(cmds ...tea.Cmd) {
	hh.t.Helper()
	for len(cmds) > 0 {
		c := cmds[0]
		cmds = cmds[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			cmds = append(cmds, msg...)
		case healthLoadedMsg, healthRestedMsg, healthCheckedMsg, healthViewMsg, renderedMsg, openedMsg:
			next, cmd := hh.m.Update(msg)
			hh.m = next.(Model)
			if n := hh.m.health.running; n > healthParallel {
				hh.t.Fatalf("%d checks at once", n)
			}
			cmds = append(cmds, cmd)
		}
	}
}

// TestHealthOrder: nothing is checked until the selection rests; then the
// selected project's repository first, the rows on screen after it in
// order, each repository once; a rate limit stops the checks, the header
// says until when and that a token raises it, and r waits for the reset,
// then revalidates.
func TestHealthOrder(t *testing.T) {
	src := &fakeHealth{answers: embeddedHealth(), limitAfter: 5, reset: healthNow.Add(30 * time.Minute)}
	hh := newHealthHarness(t, src, 140, 40)
	hh.press("j", "j", "j")
	if got := src.checked(); len(got) != 0 {
		t.Fatalf("checked %q before the selection rested", got)
	}
	first := hh.rests[0]
	hh.send(first(time.Time{})) // an older rest ends nothing
	if got := src.checked(); len(got) != 0 {
		t.Fatalf("an older rest checked %q", got)
	}
	hh.rest()
	want := []string{"kubernetes-sigs/cloud-provider-azure", // selected
		"Azure/aks-engine", "kubernetes-sigs/cluster-api-provider-azure", "kubernetes/kubernetes", // the rows above
		"kubernetes-sigs/azuredisk-csi-driver", "kubernetes-sigs/azurefile-csi-driver", "kubernetes-sigs/blobfuse-csi-driver",
		"moby/moby", "containerd/containerd"}
	got := src.checked()
	// 5 answers, the 6th a rate limit; the 3 checks then under way end too.
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("checked\n%q\nwant\n%q", got, want)
	}
	s := screen(hh.m)
	header := strings.SplitN(s, "\n", 2)[0]
	if !strings.Contains(header, "until 12:30") || !strings.Contains(header, "5,000") {
		t.Errorf("header %q does not say when the limit resets and what a token does", header)
	}
	if !strings.Contains(hh.m.status.text, "rate limit") {
		t.Errorf("status %q", hh.m.status.text)
	}

	// Stopped: a new rest, r, check nothing until the reset.
	hh.press("j")
	hh.rest()
	hh.press("r")
	if n := len(src.checked()); n != len(want) {
		t.Fatalf("%d more checks under the rate limit", n-len(want))
	}
	if !strings.Contains(hh.m.status.text, "until 12:30") {
		t.Errorf("r under the limit says %q", hh.m.status.text)
	}

	// After the reset, r revalidates, the selection first.
	hh.now = src.reset.Add(time.Minute)
	src.limitAfter = 0
	hh.press("r")
	if hh.m.status.text != "Checking repository health again… (the embedded catalog has nothing to reload)" {
		t.Errorf("r says %q", hh.m.status.text)
	}
	again := src.checked()[len(want):]
	if len(again) == 0 || again[0] != "kubernetes-sigs/azuredisk-csi-driver" {
		t.Fatalf("after r: %q", again)
	}
	for i, r := range src.refreshes[len(want):] {
		if !r {
			t.Errorf("check %d after r does not revalidate", i)
		}
	}
	if h := strings.SplitN(screen(hh.m), "\n", 2)[0]; strings.Contains(h, "rate limit") {
		t.Errorf("header still says %q", h)
	}
}

// TestHealthResumesAfterLimit: once the rate limit resets, the header
// stops saying it, and the rows on screen are checked without a key.
func TestHealthResumesAfterLimit(t *testing.T) {
	src := &fakeHealth{answers: embeddedHealth(), limitAfter: 5, reset: healthNow.Add(30 * time.Minute)}
	hh := newHealthHarness(t, src, 140, 40)
	hh.press("j", "j", "j")
	hh.rest()
	n := len(src.checked())
	wait := src.reset.Sub(hh.now)
	if len(hh.timers[wait]) != 1 {
		t.Fatalf("nothing waits for the reset, %v away: timers %v", wait, hh.timers)
	}
	// The limit moves later meanwhile: the first wake is too early.
	hh.now = src.reset.Add(-time.Minute)
	hh.send(hh.timers[wait][0](time.Time{}))
	if len(src.checked()) != n || len(hh.timers[time.Minute]) != 1 {
		t.Fatalf("before the reset: %d checks, timers %v", len(src.checked())-n, hh.timers)
	}
	hh.now = src.reset
	src.limitAfter = 0
	hh.send(hh.timers[time.Minute][0](time.Time{}))
	if len(src.checked()) == n {
		t.Error("nothing checked after the reset")
	}
	if h := strings.SplitN(screen(hh.m), "\n", 2)[0]; strings.Contains(h, "rate limit") {
		t.Errorf("header still says %q after the reset", h)
	}
}

// TestHealthOncePerRepository: projects sharing a repository
// (kubernetes/kubernetes) make one request, and coming back to a project
// asks nothing again.
func TestHealthOncePerRepository(t *testing.T) {
	src := &fakeHealth{answers: embeddedHealth()}
	hh := newHealthHarness(t, src, 140, 40)
	hh.rest()
	hh.press("j", "j")
	hh.rest()
	hh.press("k", "k")
	hh.rest()
	seen := map[string]int{}
	for _, r := range src.checked() {
		seen[r]++
	}
	if seen["kubernetes/kubernetes"] != 1 {
		t.Errorf("kubernetes/kubernetes checked %d times", seen["kubernetes/kubernetes"])
	}
	for r, n := range seen {
		if n > 1 {
			t.Errorf("%s checked %d times", r, n)
		}
	}
	if len(seen) != 15 { // the 17 rows on screen, three of them kubernetes/kubernetes
		t.Errorf("%d repositories checked, want 15: %v", len(seen), seen)
	}
}

// TestHealthOffline: being offline is said once, and the cache's answer
// stays in use.
func TestHealthOffline(t *testing.T) {
	src := &fakeHealth{cached: embeddedHealth(), offline: true}
	hh := newHealthHarness(t, src, 140, 40)
	hh.rest()
	if !strings.HasPrefix(hh.m.status.text, "Offline") {
		t.Fatalf("status %q", hh.m.status.text)
	}
	hh.press("j")
	hh.rest()
	if strings.HasPrefix(hh.m.status.text, "Offline") {
		t.Errorf("offline said twice")
	}
	if s := screen(hh.m); !strings.Contains(s, "[archived]") {
		t.Errorf("the cached health is not shown:\n%s", s)
	}
}

// TestContributeKey: c opens the selected project's contribute page, under
// its new name when it moved, says so when there is no repository, and
// can be rebound; link 7 is the same page (AKS Engine's homepage is its
// repository, so the repository link is not numbered again).
func TestContributeKey(t *testing.T) {
	m, _, rec := newHealthApp(t, nil, 100, 30, Options{})
	m, _ = press(t, m, "c", "7")
	press(t, m, "/", "b", "l", "o", "b", "enter", "c")
	want := []string{"https://github.com/Azure/aks-engine/contribute", "https://github.com/Azure/aks-engine/contribute",
		"https://github.com/kubernetes-sigs/blob-csi-driver/contribute"}
	if strings.Join(rec.urls, " ") != strings.Join(want, " ") {
		t.Errorf("opened %q, want %q", rec.urls, want)
	}

	none := &model.Catalog{Areas: []model.Area{{Name: "A"}}, Projects: []model.Project{{Name: "Elsewhere", Area: "A"}}}
	m, _, rec = newHealthApp(t, none, 100, 30, Options{})
	m, _ = press(t, m, "c")
	if len(rec.urls) != 0 || m.status.text != "Elsewhere has no GitHub repository" {
		t.Errorf("opened %q, status %q", rec.urls, m.status.text)
	}

	m, _, rec = newHealthApp(t, nil, 100, 30, Options{Keys: map[string][]string{"contribute": {"x"}}})
	m, _ = press(t, m, "x", "?")
	if len(rec.urls) != 1 || !strings.HasSuffix(rec.urls[0], "/contribute") {
		t.Errorf("x opened %q", rec.urls)
	}
	if help := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(help, "x open contribute page") {
		t.Errorf("help does not show the contribute key:\n%s", help)
	}
	if action, err := CheckKeys(map[string][]string{"contribute": {"s"}}); action != "contribute" || err == nil {
		t.Errorf("a clash with slack: %s %v", action, err)
	}
}

// TestNoHealthSource: without a source nothing is read or checked, and the
// app is as it was: no Repository, no markers, c does nothing, help does
// not offer it.
func TestNoHealthSource(t *testing.T) {
	m, rec := newTestModel(t, 140, 40, Options{})
	for _, msg := range flatten(m.Init()) {
		if _, ok := msg.(healthLoadedMsg); ok {
			t.Error("Init reads health without a source")
		}
	}
	m, msgs := press(t, m, "c", "j")
	for _, msg := range msgs {
		if _, ok := msg.(healthRestedMsg); ok {
			t.Error("a rest without a source")
		}
	}
	s := screen(m)
	if strings.Contains(s, "Repository") || strings.Contains(s, "[") || len(rec.urls) != 0 {
		t.Errorf("opened %q; screen:\n%s", rec.urls, s)
	}
	m, _ = press(t, m, "?")
	if strings.Contains(screen(m), "contribute") {
		t.Error("help offers c without a source")
	}
}

// TestSortKey: S cycles catalog order, stars and last push, keeping the
// selection, with the order in the list title; a catalog swap keeps it.
func TestSortKey(t *testing.T) {
	m, _, _ := newHealthApp(t, nil, 140, 40, Options{})
	m, _ = press(t, m, "/", "c", "o", "n", "t", "a", "i", "n", "e", "r", "d", "enter", "esc")
	if selectedName(m) != "AKS Engine" {
		m, _ = press(t, m, "G")
	}
	catalogOrder := listNames(m)
	for _, tc := range []struct {
		title string
		first []string
	}{
		{" · by stars", []string{"In-tree (legacy)", "Windows containers", "IPv4/v6 Dual Stack", "Containerd", "OPA Gatekeeper", "Virtual Kubelet", "AKS Engine", "Service Mesh Interface (SMI)"}},
		{" · by last push", []string{"In-tree (legacy)", "Windows containers", "IPv4/v6 Dual Stack", "Containerd", "Azure Blobfuse CSI Driver", "OPA Gatekeeper", "Virtual Kubelet", "AKS Engine", "Service Mesh Interface (SMI)", "AAD Pod Identity", "Keyvault Flexvol"}},
		{"", catalogOrder},
	} {
		before := selectedName(m)
		m, _ = press(t, m, "S")
		got := listNames(m)
		if strings.Join(got[:len(tc.first)], "|") != strings.Join(tc.first, "|") {
			t.Errorf("order%s:\n%q\nwant it to start\n%q", tc.title, got, tc.first)
		}
		if title := m.view.listTitle(); !strings.HasSuffix(title, "18 projects"+tc.title) {
			t.Errorf("list title %q, want it to end %q", title, tc.title)
		}
		if selectedName(m) != before {
			t.Errorf("sorting moved the selection from %q to %q", before, selectedName(m))
		}
	}
	m, _ = press(t, m, "S")
	m.view.cat.Title += " (read again)"
	m.swapCatalog(testCatalog(t), nil)
	if m.view.sort != model.SortStars || !strings.HasSuffix(m.view.listTitle(), " · by stars") {
		t.Errorf("a catalog swap lost the order: %v", m.view.sort)
	}
}

// TestIsFacets: is: filters read the snapshot, the picker offers them
// with their counts, and a filter holding one follows new answers,
// keeping the selection.
func TestIsFacets(t *testing.T) {
	m, _, _ := newHealthApp(t, nil, 140, 40, Options{Query: "is:archived"})
	want := []string{"AKS Engine", "AAD Pod Identity", "Keyvault Flexvol", "Service Mesh Interface (SMI)"}
	if got := listNames(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("is:archived lists %q", got)
	}
	m, _ = press(t, m, "esc", "f")
	counts := map[string]int{}
	for _, o := range m.view.picker.options {
		counts[o.facet.String()] = o.count
	}
	if counts["is:archived"] != 4 || counts["is:moved"] != 2 || counts["is:stale"] != 1 || counts["is:unknown"] != 7 {
		t.Errorf("picker counts %v", counts)
	}

	// No cache: -is:archived lists every project until answers come,
	// then those of the 17 rows on screen that are not archived, and
	// SMI, on no row, not checked.
	src := &fakeHealth{answers: embeddedHealth()}
	hh := newHealthHarness(t, src, 140, 40)
	hh.press(strings.Split("/-is:archived", "")...)
	hh.press("enter", "j", "j")
	if n := len(hh.m.view.list.items); n != 18 || selectedName(hh.m) != "In-tree (legacy)" {
		t.Fatalf("-is:archived before any answer: %d listed, %q selected", n, selectedName(hh.m))
	}
	hh.rest()
	got := listNames(hh.m)
	if len(got) != 15 || strings.Contains(strings.Join(got, "|"), "AKS Engine") || !strings.Contains(strings.Join(got, "|"), "(SMI)") {
		t.Errorf("-is:archived after the answers lists %q", got)
	}
	if selectedName(hh.m) != "In-tree (legacy)" {
		t.Errorf("new answers moved the selection to %q", selectedName(hh.m))
	}
}

// TestHealthTextInert: what GitHub said reaches the detail inert and
// bounded, whatever the source let through.
func TestHealthTextInert(t *testing.T) {
	h := &model.Health{Repo: model.Repo{Owner: "a", Name: "b"}, CheckedAt: healthNow,
		Description: "ok\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\x1b[2J" + strings.Repeat("x", 100_000),
		License:     "MIT\x9b31m", Topics: []string{"\x1b[5mblink"}, LatestRelease: &model.Release{Tag: "v1\u202e"}}
	for _, f := range []markdownFlavor{paneFlavor(80), plainFlavor} {
		rt := repoMarkdown(&model.Project{}, repoRef{repo: h.Repo, key: h.Repo.Key()}, h, healthNow, 0, f)
		for _, s := range []string{rt.summary, rt.section} {
			if !inertOK(s) {
				t.Errorf("not inert: %q", s)
			}
			if len(s) > 3*maxField {
				t.Errorf("%d bytes", len(s))
			}
		}
	}
}

// TestReleaseNotAskedIsNotNone: a release that could not be asked after
// the repository answered reads as not known, never as no release.
func TestReleaseNotAskedIsNotNone(t *testing.T) {
	h := &model.Health{Repo: model.Repo{Owner: "a", Name: "b"}, CheckedAt: healthNow, ReleaseUnknown: true}
	rt := repoMarkdown(&model.Project{}, repoRef{repo: h.Repo, key: h.Repo.Key()}, h, healthNow, 0, plainFlavor)
	if !strings.Contains(rt.section, "Latest release: not known") || strings.Contains(rt.section, "Latest release: none") {
		t.Errorf("the Repository section says:\n%s", rt.section)
	}
}

func inertOK(s string) bool {
	return !strings.ContainsAny(s, "\x1b\x07\u202e\u009b")
}

// TestHealthEverySizeFits: markers and the Repository section never draw
// outside the screen.
func TestHealthEverySizeFits(t *testing.T) {
	for _, plain := range []bool{false, true} {
		m, _, _ := newHealthApp(t, nil, 80, 24, Options{Plain: plain})
		for _, keys := range [][]string{nil, {"G"}, {"ctrl+d", "ctrl+d"}} {
			m, _ = press(t, m, keys...)
			for w := 0; w <= 200; w += 7 {
				for _, h := range []int{0, 5, 10, 24, 41} {
					m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
					checkFits(t, m.View().Content, w, h)
				}
			}
		}
	}
}

// TestRepositoryLinksClickable: with hyperlinks, the Repository section's
// labels link to their pages, as the project's own links do. AKS
// Engine's homepage is its repository: that link is not given twice.
func TestRepositoryLinksClickable(t *testing.T) {
	m, _, _ := newHealthApp(t, nil, 140, 40, Options{Hyperlinks: true})
	var got []string
	for _, sm := range osc8.FindAllStringSubmatch(m.view.detail.content, -1) {
		got = append(got, sm[1])
	}
	want := []string{"https://github.com/Azure/aks-engine/releases", "https://github.com/Azure/aks-engine/contribute"}
	if len(got) != 7 || strings.Join(got[5:], " ") != strings.Join(want, " ") {
		t.Errorf("hyperlinks %q", got)
	}
}

// TestRateLimitGolden: the header and the status line once the rate limit
// stops the checks, at 80 columns.
func TestRateLimitGolden(t *testing.T) {
	src := &fakeHealth{answers: embeddedHealth(), limitAfter: 1, reset: healthNow.Add(42 * time.Minute)}
	hh := newHealthHarness(t, src, 80, 24)
	hh.rest()
	checkFits(t, hh.m.View().Content, 80, 24)
	golden.RequireEqual(t, []byte(screen(hh.m)))
}

// TestSortOverridesRecentsFirst: a sort order other than the catalog's
// puts the recently opened projects back in their place, and the title
// says only the order in force.
func TestSortOverridesRecentsFirst(t *testing.T) {
	var st model.State
	st.Opened("Keyvault Flexvol", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	m, _, _ := newHealthApp(t, nil, 140, 40, Options{RecentFirst: true, State: st})
	if got := listNames(m)[0]; got != "Keyvault Flexvol" || !strings.HasSuffix(m.view.listTitle(), "recently opened first") {
		t.Fatalf("first %q, title %q; want recents first", got, m.view.listTitle())
	}
	m, _ = press(t, m, "S")
	if title := m.view.listTitle(); strings.Contains(title, "recently opened") || !strings.HasSuffix(title, " · by stars") {
		t.Errorf("title %q; want only the order by stars", title)
	}
	if got := listNames(m)[0]; got != "In-tree (legacy)" {
		t.Errorf("by stars, first %q; want In-tree (legacy)", got)
	}
	m, _ = press(t, m, "S", "S")
	if got := listNames(m)[0]; got != "Keyvault Flexvol" {
		t.Errorf("back in catalog order, first %q; want the recent one", got)
	}
}

// TestIsFacetWithHealthOff: with health off, an is: filter says why it
// matches nothing rather than only that it does.
func TestIsFacetWithHealthOff(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, Options{})
	m, _ = press(t, m, strings.Split("/is:archived", "")...)
	if s := screen(m); len(m.view.list.items) != 0 || !strings.Contains(s, "health is off (health = false in the config)") {
		t.Errorf("%d items:\n%s", len(m.view.list.items), s)
	}
}
