package model

import "time"

// LinkCheckOptions are a run of lint --online's choices: how long it may
// take, which hosts it never rewrites, where repository health comes from,
// and whom it tells of its progress.
type LinkCheckOptions struct {
	// Timeout bounds the whole run; 0: the checker's default (2 minutes).
	// A link not checked when it is up is reported as not checked.
	Timeout time.Duration
	// KeepHosts are hosts whose links are never rewritten, on top of the
	// checker's defaults (aka.ms, sigs.k8s.io, ...): their job is to
	// redirect.
	KeepHosts []string
	// Health, when set, answers for links into GitHub repositories;
	// when nil or failing, those links are requested like any other.
	Health HealthSource
	// HealthRefused, when set, is told the first time in a run that
	// Health refused for a rate limit (*RateLimitError) or could not
	// reach GitHub (*OfflineError), so that the user learns why GitHub
	// links were requested over HTTP instead. It is called at most once a
	// run, from any goroutine.
	HealthRefused func(err error)
	// Progress, when set, is told how many links are checked so far, out
	// of how many; it is called from one goroutine at a time.
	Progress func(done, total int)
}

// Hop is one answer on a link's way: the URL requested and the status it
// answered with.
type Hop struct {
	URL    string
	Status int
}

// LinkFinding is what lint --online found about one link on one line. Its
// Message starts with the link's URL ("URL: 404 Not Found"), so that it
// reads like the other findings; every text in it that came from a
// server was made inert.
type LinkFinding struct {
	Finding
	// URL is the link as the catalog writes it.
	URL string
	// Status is the last HTTP status the link answered with; 0 when none
	// (a timeout, a repository checked through the health source).
	Status int
	// Hops are the answers on the way, redirects first.
	Hops []Hop
	// Fix is the URL that should replace URL; "" when there is none.
	Fix string
}

// LinkReport is what lint --online found in a catalog, and the catalog
// with its fixes applied.
type LinkReport struct {
	// File names the catalog in findings (FILE:LINE:).
	File string
	// Path is the file to write fixes to; "" when the catalog is no file
	// (the embedded one, a URL).
	Path string
	// Findings are the links' findings, by line.
	Findings []LinkFinding
	// Original is the catalog as read; Fixed is it with every fix applied
	// (equal to Original when there is none).
	Original, Fixed []byte
	// Diff is the unified diff from Original to Fixed; "" when equal.
	Diff string
}
