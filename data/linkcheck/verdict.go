package linkcheck

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// verdicts turns what was learnt about a link's URL into its findings on
// its line: none when all is well.
func (r *run) verdicts(l Link, o *outcome) []model.LinkFinding {
	var fs []model.LinkFinding
	if o.health != nil {
		if f, ok := r.healthVerdict(l, o.repo, o.health); ok {
			fs = append(fs, f)
		}
	}
	if o.http != nil {
		if f, ok := r.httpVerdict(l, o.http); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// healthVerdict: a missing repository is an error, a moved one a warning
// with a fix into the new repository, an archived one a warning.
func (r *run) healthVerdict(l Link, repo model.Repo, h *model.Health) (model.LinkFinding, bool) {
	f := finding(l)
	name := inert.Escape(repo.String())
	switch {
	case h.Missing:
		f.Severity, f.Message = model.SeverityError, "repository "+name+" not found on GitHub"
	case h.Moved():
		f.Severity, f.Message = model.SeverityWarning, "repository moved to "+inert.Escape(h.MovedTo.String())
		if h.Archived {
			f.Message += ", which is archived"
		}
		if fix, ok := movedURL(l.URL, h.MovedTo); ok && !r.keeps(l.URL) && safeURL(fix) {
			f.Fix = withFragment(fix, l.URL)
		}
	case h.Archived:
		f.Severity, f.Message = model.SeverityWarning, "repository "+name+" is archived (read-only)"
	default:
		return f, false
	}
	f.Message = shown(l.URL) + ": " + f.Message
	return f, true
}

// httpVerdict judges a link by its answers. A success is no finding; a
// success after redirects is a warning, with a fix when every redirect
// was permanent, the end is no sign-in page and the link's host is not
// one whose job is to redirect (whose redirects are no finding at all).
func (r *run) httpVerdict(l Link, a *answer) (model.LinkFinding, bool) {
	f := finding(l)
	f.Status = a.Status
	for _, h := range a.Hops { // from the servers' Location headers
		f.Hops = append(f.Hops, model.Hop{URL: inert.Cap(inert.Text(h.URL), maxHop), Status: h.Status})
	}
	last := l.URL
	if len(a.Hops) > 0 {
		last = a.Hops[len(a.Hops)-1].URL
	}
	redirects := redirectStatuses(a.Hops)
	switch {
	case a.NotChecked:
		f.Severity, f.Message = model.SeverityWarning, "not checked: the time for the run ran out"
	case a.Err != "":
		f.Severity, f.Message = model.SeverityError, a.Err
	case a.Status == http.StatusTooManyRequests:
		f.Severity, f.Message = model.SeverityWarning, fmt.Sprintf("could not check (429 after %d tries)", a.Tries)
	case (a.Status == http.StatusForbidden || a.Status == statusRobotsDenied) && (a.Challenged || refusesRobots(hostOf(last))):
		f.Severity, f.Message = model.SeverityWarning, fmt.Sprintf("could not check (%d: %s refuses robots)", a.Status, inert.Escape(hostOf(last)))
	case a.Status < 200 || a.Status > 299:
		f.Severity, f.Message = model.SeverityError, statusText(a.Status)
		if len(redirects) > 0 {
			f.Message += " at " + shown(last) + " (" + joinStatuses(redirects) + ")"
		}
	case len(redirects) == 0 || r.keeps(l.URL):
		return f, false
	case permanent(redirects):
		f.Severity, f.Message = model.SeverityWarning, "moved permanently to "+shown(last)+" ("+joinStatuses(redirects)+")"
		fix := withFragment(last, l.URL)
		switch {
		case signIn(last):
			f.Message += "; a sign-in page, not fixed"
		case r.keepsAHop(a.Hops):
			f.Message += "; through a redirect host, not fixed"
		case safeURL(fix) && fix != l.URL:
			f.Fix = fix
		}
	default:
		f.Severity, f.Message = model.SeverityWarning, "redirects to "+shown(last)+" ("+joinStatuses(redirects)+")"
	}
	f.Message = shown(l.URL) + ": " + f.Message
	return f, true
}

func finding(l Link) model.LinkFinding {
	return model.LinkFinding{Finding: model.Finding{Line: l.Line}, URL: l.URL}
}

// redirectStatuses are the statuses of the hops that redirected: every
// hop but the last.
func redirectStatuses(hops []model.Hop) []int {
	var st []int
	for i := 0; i+1 < len(hops); i++ {
		st = append(st, hops[i].Status)
	}
	return st
}

func permanent(statuses []int) bool {
	for _, s := range statuses {
		if s != http.StatusMovedPermanently && s != http.StatusPermanentRedirect {
			return false
		}
	}
	return true
}

func joinStatuses(statuses []int) string {
	s := make([]string, len(statuses))
	for i, st := range statuses {
		s[i] = strconv.Itoa(st)
	}
	return strings.Join(s, ", ")
}

// statusText is a status as the standard names it ("404 Not Found"):
// the words a server sent with it are never echoed.
func statusText(status int) string {
	if t := http.StatusText(status); t != "" {
		return fmt.Sprintf("%d %s", status, t)
	}
	return "HTTP " + strconv.Itoa(status)
}

// maxShown bounds a URL in a message, maxHop one in a finding's hops.
const (
	maxShown = 400
	maxHop   = 2048
)

// shown is a URL as a message shows it: inert, escaped, bounded.
func shown(u string) string { return inert.Cap(inert.Escape(u), maxShown) }

// withFragment is target with the fragment of link, when link has one:
// the fragment names a place in the page, which a redirect keeps.
func withFragment(target, link string) string {
	lu, err := url.Parse(link)
	if err != nil || (lu.Fragment == "" && lu.RawFragment == "") {
		return target
	}
	tu, err := url.Parse(target)
	if err != nil {
		return target
	}
	tu.Fragment, tu.RawFragment = lu.Fragment, lu.RawFragment
	return tu.String()
}

// safeURL reports whether a URL from a server may be written into the
// catalog as it is: printable ASCII, nothing that would end a Markdown
// link or a table cell, and within the length a message shows.
func safeURL(u string) bool {
	if len(u) > maxShown || u == "" {
		return false
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("<>()[]{}|\"`\\", c) >= 0 {
			return false
		}
	}
	return true
}

// keeps reports whether a link's host is one whose job is to redirect,
// or under one.
func (r *run) keeps(link string) bool {
	host := hostOf(link)
	for _, k := range r.keep {
		k = strings.ToLower(strings.TrimSpace(k))
		if k != "" && (host == k || strings.HasSuffix(host, "."+k)) {
			return true
		}
	}
	return false
}

// keepsAHop reports whether a chain passes through a host whose job is to
// redirect (aka.ms): where it leads today is that host's choice, and may
// change, so the link is not rewritten to its end.
func (r *run) keepsAHop(hops []model.Hop) bool {
	for i := 0; i+1 < len(hops); i++ {
		if r.keeps(hops[i].URL) {
			return true
		}
	}
	return false
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// statusRobotsDenied is LinkedIn's answer to a client that is not a
// browser.
const statusRobotsDenied = 999

// robotRefusers are hosts known to answer 403 to any client that is not
// a browser: a 403 from them says nothing about the page.
var robotRefusers = []string{"linkedin.com", "medium.com", "twitter.com", "x.com", "reddit.com", "npmjs.com", "stackoverflow.com", "quora.com"}

func refusesRobots(host string) bool {
	for _, h := range robotRefusers {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// signInHosts serve only sign-in pages.
var signInHosts = []string{"accounts.google.com", "login.microsoftonline.com", "login.live.com", "login.windows.net", "signin.aws.amazon.com", "id.atlassian.com"}

// signInWords are path segments that name a sign-in page.
var signInWords = []string{"login", "signin", "sign-in", "sign_in", "log-in", "logon", "sso"}

// signIn reports whether a URL is a sign-in page: a page asking who the
// reader is says nothing of where the link went.
func signIn(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range signInHosts {
		if host == h {
			return true
		}
	}
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		for _, w := range signInWords {
			if seg == w {
				return true
			}
		}
	}
	return false
}
