package model

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"
)

// Repo names a repository on GitHub, the one forge health is read from
// today. The zero Repo is none.
type Repo struct {
	Owner, Name string
}

// String returns "owner/name", or "" for the zero Repo.
func (r Repo) String() string {
	if r.IsZero() {
		return ""
	}
	return r.Owner + "/" + r.Name
}

// IsZero reports whether r names no repository.
func (r Repo) IsZero() bool { return r.Owner == "" || r.Name == "" }

// URL returns the repository's page on GitHub.
func (r Repo) URL() string { return "https://github.com/" + r.String() }

// Key returns the repository's name lower-cased: GitHub's names ignore
// case, so two links that differ only in case name one repository.
func (r Repo) Key() string { return strings.ToLower(r.String()) }

// RepoOfURL returns the repository a link names: github.com/OWNER/REPO
// with anything after it (an issues search, a subfolder, a release), and
// sigs.k8s.io/NAME for github.com/kubernetes-sigs/NAME.
func RepoOfURL(raw string) (Repo, bool) {
	raw = strings.TrimSpace(raw)
	host, path, ok := splitSimpleURL(raw)
	if !ok {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
			return Repo{}, false
		}
		host, path = u.Hostname(), u.Path
	}
	host = strings.ToLower(host)
	switch host {
	case "github.com", "www.github.com", "sigs.k8s.io":
	default:
		return Repo{}, false
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if host == "sigs.k8s.io" {
		if len(parts) == 0 || !isRepoName(parts[0]) {
			return Repo{}, false
		}
		return Repo{Owner: "kubernetes-sigs", Name: parts[0]}, true
	}
	if len(parts) < 2 || !isRepoName(parts[0]) || !isRepoName(parts[1]) {
		return Repo{}, false
	}
	name := strings.TrimSuffix(parts[1], ".git")
	if reservedOwners[strings.ToLower(parts[0])] || name == "" {
		return Repo{}, false
	}
	return Repo{Owner: parts[0], Name: name}, true
}

// reservedOwners are the first path segments of github.com pages that are
// not an owner's.
var reservedOwners = map[string]bool{
	"orgs": true, "users": true, "settings": true, "marketplace": true,
	"topics": true, "search": true, "apps": true, "features": true,
	"sponsors": true, "login": true, "about": true, "collections": true,
}

// isRepoName reports whether s can be a GitHub owner or repository name:
// letters, digits, '-', '_' and '.', and not "." or "..".
func isRepoName(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// RepoOf returns the project's repository: its first repository link
// (KindRepository) that names a GitHub repository, else the first link
// into a GitHub repository in its Project or Communication cells, in
// column order (homepage, releases, issues). Links in the other columns
// ("Use on Azure" above all) never name the project's repository, nor do
// links borrowed through "same slack and email".
func RepoOf(p *Project) (Repo, bool) {
	for _, l := range p.Links {
		if l.Kind != KindRepository || l.SharedFrom != "" {
			continue
		}
		if r, ok := RepoOfURL(l.URL); ok {
			return r, true
		}
	}
	for _, l := range p.Links {
		if l.SharedFrom != "" || (l.Column != ColumnProject && l.Column != ColumnCommunication) {
			continue
		}
		if r, ok := RepoOfURL(l.URL); ok {
			return r, true
		}
	}
	return Repo{}, false
}

// Status is a word for a repository's health, computed from what GitHub
// answered. The zero Status is StatusUnknown: not checked.
type Status uint8

// The health statuses, from the answer: archived; else missing (404, not
// moved); else by the last push: active (within 90 days, the OpenSSF
// Scorecard "Maintained" window), quiet (within 365 days), stale (older).
const (
	StatusUnknown Status = iota
	StatusActive
	StatusQuiet
	StatusStale
	StatusArchived
	StatusMissing
)

var statusNames = [...]string{"unknown", "active", "quiet", "stale", "archived", "missing"}

func (s Status) String() string { return nameOf(statusNames[:], s) }

// ParseStatus returns the status with the given name.
func ParseStatus(name string) (Status, bool) { return parseName[Status](statusNames[:], name) }

// The windows that part active from quiet and quiet from stale.
const (
	ActiveWithin = 90 * 24 * time.Hour
	QuietWithin  = 365 * 24 * time.Hour
)

// Release is a repository's latest release.
type Release struct {
	Tag         string
	PublishedAt time.Time
}

// Health is what GitHub said about a repository, as last checked. Every
// text in it came from the API and was made inert (model/inert) before
// it was stored here.
type Health struct {
	// Repo is the repository as the catalog names it.
	Repo Repo
	// MovedTo is the repository's new name when GitHub answered with a
	// redirect (a rename or a transfer); zero otherwise.
	MovedTo Repo
	// Missing: GitHub answered 404 and no redirect.
	Missing  bool
	Archived bool

	Description string
	Stars       int
	Forks       int
	OpenIssues  int
	// PushedAt is the last push; zero when GitHub gave none.
	PushedAt time.Time
	// LatestRelease is nil when the repository has no release, or when
	// ReleaseUnknown is set.
	LatestRelease *Release
	// ReleaseUnknown: the release could not be asked after the repository
	// answered (a limit, the network) and none was known before; a nil
	// LatestRelease then says nothing of it.
	ReleaseUnknown bool
	// License is the SPDX id ("MIT"), "other" when GitHub cannot name
	// the licence (its NOASSERTION), or "" when there is none.
	License string
	Topics  []string
	// CheckedAt is when GitHub last answered for the repository (a 304
	// counts): the age the app shows.
	CheckedAt time.Time
}

// Status returns the health's status word at the time now. A zero Health
// (never checked) is StatusUnknown.
func (h *Health) Status(now time.Time) Status {
	switch {
	case h == nil || h.CheckedAt.IsZero():
		return StatusUnknown
	case h.Archived:
		return StatusArchived
	case h.Missing:
		return StatusMissing
	case h.PushedAt.IsZero():
		return StatusStale
	}
	age := now.Sub(h.PushedAt)
	switch {
	case age <= ActiveWithin:
		return StatusActive
	case age <= QuietWithin:
		return StatusQuiet
	}
	return StatusStale
}

// Moved reports whether the repository has a new name.
func (h *Health) Moved() bool { return h != nil && !h.MovedTo.IsZero() }

// Current returns the repository's name today: MovedTo when it moved.
func (h *Health) Current() Repo {
	if h.Moved() {
		return h.MovedTo
	}
	return h.Repo
}

// HealthSource is where the app and the commands get repository health;
// data/github implements it over GitHub's REST API and a cache on disk.
// It is safe for concurrent use, and it keeps the rate budget itself: at
// most a few requests at once, none once the budget is nearly spent.
type HealthSource interface {
	// Cached returns the health the cache holds for repo, without a
	// request; ok is false when the repository was never checked.
	Cached(repo Repo) (h Health, ok bool)
	// Check returns the repository's health, asking GitHub unless the
	// cached answer is younger than the source's max age; refresh asks
	// (revalidates) now. On failure it returns the cached health, if any,
	// with the error: a *RateLimitError when the budget is spent, an
	// *OfflineError when GitHub could not be reached.
	Check(ctx context.Context, repo Repo, refresh bool) (Health, error)
}

// HealthPrefetcher is a HealthSource that can ask for many repositories
// in one request (data/github, with a token: GitHub's GraphQL API). A
// caller about to check many calls Prefetch first, then Check for each,
// with refresh only for those Prefetch did not answer.
type HealthPrefetcher interface {
	// Prefetch asks for the repositories whose cached answers are older
	// than the source's max age (all, with refresh), and keeps the
	// answers; answered[i] is true when repos[i]'s health is now fresh
	// in the cache.
	Prefetch(ctx context.Context, repos []Repo, refresh bool) (answered []bool)
}

// RateLimitError says GitHub's rate budget is spent until Reset.
type RateLimitError struct {
	Reset time.Time
	// Authenticated is true when a token was sent: a token raises the
	// limit from 60 to 5,000 requests an hour.
	Authenticated bool
}

func (e *RateLimitError) Error() string {
	msg := "GitHub rate limit reached"
	if !e.Reset.IsZero() {
		msg += "; it resets at " + e.Reset.Local().Format("15:04")
	}
	if !e.Authenticated {
		msg += "; a token (GH_TOKEN, or gh auth login) raises it to 5,000 requests an hour"
	}
	return msg
}

// OfflineError says GitHub could not be reached at all.
type OfflineError struct{ Err error }

func (e *OfflineError) Error() string { return "offline: " + e.Err.Error() }
func (e *OfflineError) Unwrap() error { return e.Err }

// IsRateLimit reports whether err is, or wraps, a *RateLimitError.
func IsRateLimit(err error) bool {
	var rl *RateLimitError
	return errors.As(err, &rl)
}
