package model

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// Severity says whether a finding makes a catalog wrong or only worth a look.
type Severity string

// The severities of lint findings.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one problem lint reports, at a line of the catalog file.
type Finding struct {
	Line     int
	Severity Severity
	Message  string
}

// SortFindings orders findings by line, errors first on a line.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Severity == SeverityError && fs[j].Severity != SeverityError
	})
}

// Check finds what is wrong in a parsed catalog, as its maintainers would
// want to know: missing homepages, duplicate names and goals, bad or
// insecure URLs, unknown maturity states, and issue links that do not lead
// to issues.
func Check(c *Catalog) []Finding {
	var fs []Finding
	add := func(line int, sev Severity, format string, args ...any) {
		fs = append(fs, Finding{Line: line, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	names := map[string]*Project{}
	goals := map[string]*Project{}
	for i := range c.Projects {
		p := &c.Projects[i]
		if _, ok := p.Homepage(); !ok {
			add(p.Line, SeverityError, "%s has no homepage link in its Project cell", p.Name)
		}
		key := strings.ToLower(p.Name)
		if first, ok := names[key]; ok {
			add(p.Line, SeverityError, "duplicate project name %q (first on line %d)", p.Name, first.Line)
		} else {
			names[key] = p
		}
		if goal := strings.ToLower(strings.TrimSpace(p.Goal.Plain())); goal != "" {
			if first, ok := goals[goal]; ok {
				add(p.Line, SeverityWarning, "%s repeats %s's goal (line %d): %q", p.Name, first.Name, first.Line, p.Goal.Plain())
			} else {
				goals[goal] = p
			}
		}
		if !KnownState(p.Maturity.State) {
			add(p.Line, SeverityWarning, "%s has an unknown maturity state %q", p.Name, p.Maturity.State)
		}
		for _, l := range p.Links {
			if l.SharedFrom == "" { // a shared link is checked where it is written
				checkLink(p, l, add)
			}
		}
	}
	SortFindings(fs)
	return fs
}

// checkLink checks a link's URL and, for issues links, where it leads.
func checkLink(p *Project, l Link, add func(int, Severity, string, ...any)) {
	raw := strings.TrimSpace(l.URL)
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		add(p.Line, SeverityError, "%s: link %q has an empty URL", p.Name, l.Label)
		return
	case err != nil:
		add(p.Line, SeverityError, "%s: link %q has an unparseable URL %q", p.Name, l.Label, raw)
		return
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme == "mailto":
	case scheme != "http" && scheme != "https":
		add(p.Line, SeverityError, "%s: link %q has URL %q; only http, https and mailto are allowed", p.Name, l.Label, raw)
		return
	case u.Host == "":
		add(p.Line, SeverityError, "%s: link %q has URL %q with no host", p.Name, l.Label, raw)
		return
	case scheme == "http":
		add(p.Line, SeverityWarning, "%s: link %q uses http://; use https:// (%s)", p.Name, l.Label, raw)
	}
	if l.Kind == KindIssues && strings.Contains(strings.ToLower(l.Label), "github") && !isGitHubIssues(u) {
		add(p.Line, SeverityWarning, "%s: %q does not point at a GitHub issues page: %s", p.Name, l.Label, raw)
	}
}

// isGitHubIssues reports whether u is a GitHub issues page or an issue:
// github.com/OWNER/REPO/issues[/...].
func isGitHubIssues(u *url.URL) bool {
	if h := strings.ToLower(u.Hostname()); h != "github.com" && h != "www.github.com" {
		return false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	return len(parts) >= 3 && parts[2] == "issues"
}
