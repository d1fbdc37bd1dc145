package github

import (
	"strings"

	gh "github.com/google/go-github/v84/github"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// Bounds of the texts kept from an answer: GitHub's own limits are lower
// (a description of 350 characters, 20 topics of 50), so only a server
// that is not GitHub meets them.
const (
	maxDescription = 1000
	maxName        = 200
	maxTopics      = 50
)

// noAssertion is the SPDX id GitHub gives a licence it cannot name.
const noAssertion = "NOASSERTION"

// fromRepository is the health a repository's answer tells, asked as
// asked. A full_name that is not the one asked (compared without case)
// is a rename or a transfer.
func fromRepository(asked model.Repo, r *gh.Repository) model.Health {
	h := model.Health{
		Repo:        asked,
		Archived:    r.GetArchived(),
		Description: cleanText(r.GetDescription(), maxDescription),
		Stars:       max(r.GetStargazersCount(), 0),
		Forks:       max(r.GetForksCount(), 0),
		OpenIssues:  max(r.GetOpenIssuesCount(), 0),
		PushedAt:    r.GetPushedAt().Time,
		Topics:      cleanTopics(r.Topics),
	}
	if id := r.GetLicense().GetSPDXID(); id == noAssertion {
		h.License = "other"
	} else {
		h.License = cleanText(id, maxName)
	}
	if now, ok := repoOfFullName(r.GetFullName()); ok && !strings.EqualFold(now.String(), asked.String()) {
		h.MovedTo = now
	}
	return h
}

// fromRelease is a latest release's answer.
func fromRelease(r *gh.RepositoryRelease) *model.Release {
	return &model.Release{Tag: cleanText(r.GetTagName(), maxName), PublishedAt: r.GetPublishedAt().Time}
}

// repoOfFullName reads "owner/name" by the rule for repository links, so
// that a name no repository can have is none.
func repoOfFullName(full string) (model.Repo, bool) {
	if strings.Count(full, "/") != 1 {
		return model.Repo{}, false
	}
	return model.RepoOfURL("https://github.com/" + full)
}

// cleanText is text from GitHub made inert, on one line, and cut to n
// bytes.
func cleanText(s string, n int) string {
	return inert.Cap(strings.Join(strings.Fields(inert.Text(s)), " "), n)
}

// cleanTopics are the topics made inert, the empty ones dropped, at most
// maxTopics of them.
func cleanTopics(topics []string) []string {
	var out []string
	for _, t := range topics {
		if len(out) == maxTopics {
			break
		}
		if t = cleanText(t, maxName); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// validETag is an ETag fit to send back: printable ASCII, and short. Any
// other is dropped (the next check downloads the answer whole).
func validETag(tag string) string {
	if len(tag) > 256 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if tag[i] < ' ' || tag[i] >= 0x7f {
			return ""
		}
	}
	return tag
}
