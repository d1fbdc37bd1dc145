package github

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	gh "github.com/google/go-github/v84/github"

	"github.com/upstream-tui/upstream-tui/model"
)

// batchSize is how many repositories one GraphQL query asks for: a
// query of 50 costs GitHub 1 point of 5,000 an hour, where REST would
// take 100 requests.
const batchSize = 50

// repoFields is what a GraphQL query asks of each repository: the REST
// answers' fields (open_issues counts issues and pull requests there).
const repoFields = `nameWithOwner isArchived description stargazerCount forkCount pushedAt
licenseInfo { spdxId } repositoryTopics(first: 20) { nodes { topic { name } } }
latestRelease { tagName publishedAt } issues(states: OPEN) { totalCount }
pullRequests(states: OPEN) { totalCount }`

// gqlRepo is a repository in a GraphQL answer.
type gqlRepo struct {
	NameWithOwner  string    `json:"nameWithOwner"`
	IsArchived     bool      `json:"isArchived"`
	Description    string    `json:"description"`
	StargazerCount int       `json:"stargazerCount"`
	ForkCount      int       `json:"forkCount"`
	PushedAt       time.Time `json:"pushedAt"`
	LicenseInfo    *struct {
		SpdxID string `json:"spdxId"`
	} `json:"licenseInfo"`
	RepositoryTopics struct {
		Nodes []struct {
			Topic struct {
				Name string `json:"name"`
			} `json:"topic"`
		} `json:"nodes"`
	} `json:"repositoryTopics"`
	LatestRelease *struct {
		TagName     string    `json:"tagName"`
		PublishedAt time.Time `json:"publishedAt"`
	} `json:"latestRelease"`
	Issues       struct{ TotalCount int } `json:"issues"`
	PullRequests struct{ TotalCount int } `json:"pullRequests"`
}

// gqlAnswer is a GraphQL answer: a repository by alias (null when not
// found), and the errors, each with the alias it is about.
type gqlAnswer struct {
	Data   map[string]*gqlRepo `json:"data"`
	Errors []struct {
		Type    string `json:"type"`
		Path    []any  `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

// graphqlURL is the GraphQL endpoint of the REST API at api: /graphql
// beside api.github.com's root, /api/graphql for GitHub Enterprise's
// /api/v3.
func graphqlURL(api *url.URL) *url.URL {
	u := *api
	if p, ok := strings.CutSuffix(u.Path, "/api/v3/"); ok {
		u.Path = p + "/api/graphql"
	} else {
		u.Path += "graphql"
	}
	return &u
}

// Prefetch asks GitHub's GraphQL API, with a token, for the repositories
// whose cached answers are older than the max age (all, with refresh), a
// query for each batchSize of them, and keeps the answers as Check does.
// It reports which repositories it answered: Check returns those from
// the cache without a request, and asks for the others itself. Without a
// token it answers none (GraphQL needs one); a query that fails answers
// none of its batch, and stops the rest.
func (s *Source) Prefetch(ctx context.Context, repos []model.Repo, refresh bool) []bool {
	answered := make([]bool, len(repos))
	if s.err != nil || s.token() == "" {
		return answered
	}
	var ask []int
	for i, r := range repos {
		if r.IsZero() {
			continue
		}
		if c := s.lookup(r); !refresh && c.ok && s.now().Sub(c.health.CheckedAt) < s.maxAge {
			answered[i] = true
			continue
		}
		ask = append(ask, i)
	}
	for start := 0; start < len(ask); start += batchSize {
		batch := ask[start:min(start+batchSize, len(ask))]
		if s.batch(ctx, repos, batch) != nil {
			break
		}
		for _, i := range batch {
			answered[i] = true
		}
	}
	return answered
}

// batch asks one GraphQL query for the repositories at the indexes, and
// keeps every answer.
func (s *Source) batch(ctx context.Context, repos []model.Repo, indexes []int) error {
	var query strings.Builder
	vars := map[string]string{}
	query.WriteString("query(")
	for k := range indexes {
		if k > 0 {
			query.WriteString(", ")
		}
		fmt.Fprintf(&query, "$o%d: String!, $n%d: String!", k, k)
	}
	query.WriteString(") {")
	for k, i := range indexes {
		fmt.Fprintf(&query, "\nr%d: repository(owner: $o%d, name: $n%d, followRenames: true) { %s }", k, k, k, repoFields)
		vars[fmt.Sprintf("o%d", k)], vars[fmt.Sprintf("n%d", k)] = repos[i].Owner, repos[i].Name
	}
	query.WriteString("\n}")
	body, err := json.Marshal(map[string]any{"query": query.String(), "variables": vars})
	if err != nil {
		return err
	}
	if err := s.graphql.take(s.now(), 1); err != nil {
		return err
	}
	defer s.graphql.done()
	req, err := http.NewRequest(http.MethodPost, s.graphqlURL.String(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	var answer gqlAnswer
	if _, err := s.client.Do(ctx, req, &answer); err != nil {
		return err
	}
	missing := map[string]bool{}
	for _, e := range answer.Errors {
		if len(e.Path) == 1 && e.Type == "NOT_FOUND" {
			missing[fmt.Sprint(e.Path[0])] = true
			continue
		}
		return fmt.Errorf("GitHub's GraphQL answer: %s", cleanText(e.Message, maxReason))
	}
	now := s.now()
	for k, i := range indexes {
		alias := fmt.Sprintf("r%d", k)
		r := answer.Data[alias]
		var h model.Health
		switch {
		case r != nil:
			h = fromGraphQL(repos[i], r)
		case missing[alias]:
			h = model.Health{Repo: repos[i], Missing: true}
		default:
			return fmt.Errorf("GitHub's GraphQL answer has no %s", repos[i])
		}
		h.CheckedAt = now
		e := entry{health: h} // no ETag: the next REST check reads it whole
		s.remember(repos[i].Key(), e)
		_ = writeEntry(s.cacheDir, e)
	}
	return nil
}

// fromGraphQL is the health a GraphQL repository tells, as fromRepository
// makes it of a REST answer.
func fromGraphQL(asked model.Repo, r *gqlRepo) model.Health {
	rest := &gh.Repository{
		FullName: &r.NameWithOwner, Archived: &r.IsArchived, Description: &r.Description,
		StargazersCount: &r.StargazerCount, ForksCount: &r.ForkCount,
	}
	open := r.Issues.TotalCount + r.PullRequests.TotalCount
	rest.OpenIssuesCount = &open
	if !r.PushedAt.IsZero() {
		rest.PushedAt = &gh.Timestamp{Time: r.PushedAt}
	}
	if r.LicenseInfo != nil {
		rest.License = &gh.License{SPDXID: &r.LicenseInfo.SpdxID}
	}
	for _, n := range r.RepositoryTopics.Nodes {
		rest.Topics = append(rest.Topics, n.Topic.Name)
	}
	h := fromRepository(asked, rest)
	if rel := r.LatestRelease; rel != nil {
		h.LatestRelease = fromRelease(&gh.RepositoryRelease{TagName: &rel.TagName, PublishedAt: &gh.Timestamp{Time: rel.PublishedAt}})
	}
	return h
}
