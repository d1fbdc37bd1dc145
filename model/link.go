package model

import (
	"net/url"
	"strings"
)

// Kind says what a link is for. The zero Kind is none; String gives the
// name that output and the has: facet use.
type Kind uint8

// The kinds of link a catalog holds.
const (
	KindHome Kind = iota + 1
	KindReleases
	KindTests
	KindSlack
	KindMailingList
	KindForum
	KindIssues
	KindBoard
	KindDocs
	KindOther
	KindRepository
	// KindContribute is a repository's contribute page (GitHub's good
	// first issues): never in a catalog, only among RepoLinks.
	KindContribute
)

var kindNames = [...]string{"", "home", "releases", "tests", "slack", "mailing-list", "forum", "issues", "board", "docs", "other", "repository", "contribute"}

func (k Kind) String() string { return nameOf(kindNames[:], k) }

// ParseKind returns the kind with the given name.
func ParseKind(name string) (Kind, bool) { return parseName[Kind](kindNames[:], name) }

// nameOf is v's name in names, a table by value; "" past its end.
func nameOf[T ~uint8](names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return ""
}

// parseName is the value named name in names, a table by value; an empty
// name (a table's "none") names nothing.
func parseName[T ~uint8](names []string, name string) (T, bool) {
	for v, n := range names {
		if n == name && n != "" {
			return T(v), true
		}
	}
	return 0, false
}

// Column names the table column a link came from. The zero Column is
// none; String gives the column's name.
type Column uint8

// The columns of the project table, in the order links are kept.
const (
	ColumnProject Column = iota + 1
	ColumnGoal
	ColumnMaturity
	ColumnCommunication
	ColumnAzure
)

var columnNames = [...]string{"", "Project", "Goal", "Maturity", "Communication", "Use on Azure"}

func (c Column) String() string { return nameOf(columnNames[:], c) }

// Link is one link of a project.
type Link struct {
	Label string
	URL   string
	// SharedFrom names the project this link was borrowed from through
	// "same slack and email"; empty for the project's own links.
	SharedFrom string
	Kind       Kind
	Column     Column
	// DerivedFrom is the kind of the project's link this one was worked
	// out from, not written in the catalog (the issues page of a GitHub
	// repository: KindRepository); 0 for a link the catalog gives.
	DerivedFrom Kind
	// Line is the 1-based line its URL is written on, where a format
	// writes a project's links on lines of their own (a landscape.yml,
	// for a derived link the line it was worked out from); 0: the
	// project's line. (Kept small, after the kinds: a catalog holds
	// hundreds of thousands of links.)
	Line int32
}

// Describe returns a short human name for a kind, as used in messages
// ("OPA Gatekeeper has no mailing list").
func (k Kind) Describe() string {
	switch k {
	case KindHome:
		return "homepage"
	case KindSlack:
		return "Slack channel"
	case KindMailingList:
		return "mailing list"
	case KindIssues:
		return "GitHub issues link"
	case KindDocs:
		return "Use on Azure link"
	case KindBoard:
		return "project board"
	case KindReleases:
		return "releases link"
	case KindTests:
		return "tests link"
	case KindForum:
		return "forum"
	case KindRepository:
		return "repository"
	case KindContribute:
		return "contribute page"
	}
	return "link of kind " + k.String()
}

// ClassifyLink says what kind of link a label and URL are, given the column
// they stand in. first is true for the first link of the Project cell.
func ClassifyLink(col Column, first bool, label, rawURL string) Kind {
	switch {
	case col == ColumnAzure:
		return KindDocs
	case col == ColumnProject && first:
		return KindHome
	case col != ColumnProject && col != ColumnCommunication:
		return KindOther
	}
	lbl := strings.ToLower(strings.TrimSpace(label))
	u := urlParts{raw: rawURL}
	switch col {
	case ColumnProject:
		switch {
		case strings.Contains(lbl, "release"):
			return KindReleases
		case strings.Contains(lbl, "test") || strings.Contains(lbl, "build") || u.host() == "testgrid.k8s.io":
			return KindTests
		}
		return KindOther
	case ColumnCommunication:
		switch {
		case strings.HasPrefix(lbl, "#") || u.host() == "slack.com" || strings.HasSuffix(u.host(), ".slack.com"):
			return KindSlack
		case strings.Contains(lbl, "@") || strings.HasPrefix(strings.ToLower(rawURL), "mailto:") ||
			strings.HasPrefix(u.host(), "groups.") || strings.Contains(lbl, "mailing"):
			return KindMailingList
		case strings.Contains(lbl, "issue") || strings.HasSuffix(u.path(), "/issues") || strings.Contains(u.path(), "/issues/"):
			return KindIssues
		case strings.Contains(lbl, "forum") || strings.HasPrefix(u.host(), "forum") || strings.HasPrefix(u.host(), "discuss."):
			return KindForum
		case strings.Contains(lbl, "project") || strings.Contains(lbl, "board") || strings.Contains(u.path(), "/projects/"):
			return KindBoard
		}
	}
	return KindOther
}

// urlParts is a URL's lower-cased host and path, parsed when first asked
// for: most links are classified by their label alone, and a catalog
// holds hundreds of thousands.
type urlParts struct {
	raw         string
	parsed      bool
	hostname, p string
}

func (u *urlParts) parse() {
	if u.parsed {
		return
	}
	u.parsed = true
	raw := strings.TrimSpace(u.raw)
	host, path, ok := splitSimpleURL(raw)
	if !ok {
		parsed, err := url.Parse(raw)
		if err != nil {
			return
		}
		host, path = parsed.Hostname(), parsed.Path
	}
	u.hostname, u.p = strings.ToLower(host), strings.ToLower(path)
}

func (u *urlParts) host() string { u.parse(); return u.hostname }
func (u *urlParts) path() string { u.parse(); return u.p }

// splitSimpleURL returns the host and path of a plain http or https URL
// ("https://github.com/org/repo/issues"), as url.Parse would, without its
// allocations; ok is false for anything it leaves to url.Parse: a port,
// user info, escapes, unusual characters.
func splitSimpleURL(raw string) (host, path string, ok bool) {
	rest, found := strings.CutPrefix(raw, "https://")
	if !found {
		if rest, found = strings.CutPrefix(raw, "http://"); !found {
			return "", "", false
		}
	}
	end := len(rest)
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c < 0x21 || c >= 0x7f || c == '%' {
			return "", "", false // controls, spaces, escapes, non-ASCII
		}
		if end == len(rest) && (c == '?' || c == '#') {
			end = i
		}
	}
	rest = rest[:end] // host and path; a query or a fragment has no say
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		slash = len(rest)
	}
	host, path = rest[:slash], rest[slash:]
	if host == "" || !allBytes(host, isHostByte) || !allBytes(path, isPathByte) {
		return "", "", false
	}
	return host, path, true
}

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

func isPathByte(c byte) bool {
	return isHostByte(c) || strings.IndexByte("/_~!$&'()*+,;=:@", c) >= 0
}

// ShareableLinks are the links project p gives to a project after it in
// its area that says "same slack and email": its Slack and mailing-list
// links, under Communication and marked as shared from p (or from where p
// had them); nil when it has none.
func ShareableLinks(p *Project) []Link {
	var out []Link
	for _, l := range p.Links {
		if l.Kind != KindSlack && l.Kind != KindMailingList {
			continue
		}
		l.Column = ColumnCommunication
		if l.SharedFrom == "" {
			l.SharedFrom = p.Name
		}
		out = append(out, l)
	}
	return out
}
