package model

import (
	"slices"
	"strings"
)

// NumberedLinks returns the links a project's detail numbers, in order:
// those that pass the URL rule, group by group (DetailGroup), each group in
// the order of p.Links. Link N of the app and of `open --link N` is the Nth.
func NumberedLinks(p *Project) []Link {
	var out []Link
	for group := range DetailGroups {
		for _, l := range p.Links {
			if DetailGroup(l.Column) == group && CheckURL(l.URL) == nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// RepoLinks returns the links a project's detail numbers after
// NumberedLinks for its GitHub repository repo, with h what is known of
// it (nil: not checked): the repository, its releases and its contribute
// page (GitHub's good first issues), under the new name when it moved.
// A link whose URL p already numbers is left out (a homepage on GitHub;
// the Landscape's projects have a repository link of their own); with p
// nil, none is. None for the zero Repo. The app's detail and `open --link
// N` both number these.
func RepoLinks(p *Project, repo Repo, h *Health) []Link {
	if repo.IsZero() {
		return nil
	}
	if h.Moved() {
		repo = h.MovedTo
	}
	var own []Link
	if p != nil {
		own = NumberedLinks(p)
	}
	var out []Link
	for _, l := range []Link{
		{Label: "repository", URL: repo.URL(), Kind: KindRepository},
		{Label: "releases", URL: repo.URL() + "/releases", Kind: KindReleases},
		{Label: "contribute: good first issues", URL: repo.URL() + "/contribute", Kind: KindContribute},
	} {
		if CheckURL(l.URL) == nil && !slices.ContainsFunc(own, func(o Link) bool { return sameURL(o.URL, l.URL) }) {
			out = append(out, l)
		}
	}
	return out
}

// sameURL reports whether two links lead to the same GitHub page: alike
// but for case (GitHub's names ignore it) and a final slash.
func sameURL(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(a), "/"), strings.TrimSuffix(strings.TrimSpace(b), "/"))
}

// DetailGroups is how many groups of links the detail has.
const DetailGroups = 4

// The groups of links in a project's detail, in order.
const (
	// GroupProject is the project's own links: its Project cell.
	GroupProject = iota
	// GroupCommunication is the Communication cell's.
	GroupCommunication
	// GroupAzure is the Use on Azure cell's.
	GroupAzure
	// GroupMentioned is the links inside the goal and the maturity: what
	// those cells point to ("pending"), not the project's own.
	GroupMentioned
)

// DetailGroup is the group of the detail a link of column c is shown in.
func DetailGroup(c Column) int {
	switch c {
	case ColumnCommunication:
		return GroupCommunication
	case ColumnAzure:
		return GroupAzure
	case ColumnGoal, ColumnMaturity:
		return GroupMentioned
	}
	return GroupProject
}
