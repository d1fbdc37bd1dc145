// Package githubtest is a local server that answers like GitHub's REST
// API for the two requests data/github sends, for tests: a repository
// (with a 301 to /repositories/ID for a renamed one, and 404 for none)
// and its latest release (404 for none), and the GraphQL query that asks
// for many repositories at once, with ETags honoured by 304, the
// rate headers on every answer, and a 403 once the budget is spent, all
// shaped as GitHub's REST documentation gives them. Requests are recorded
// with their Authorization and If-None-Match headers.
package githubtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Repo is a repository the server knows.
type Repo struct {
	FullName    string
	ID          int64
	Archived    bool
	Description string
	Stars       int
	Forks       int
	OpenIssues  int
	PushedAt    time.Time
	// License is an SPDX id; "" for none.
	License string
	Topics  []string
	// Release is the latest release; nil answers 404.
	Release *Release
}

// Release is a repository's latest release.
type Release struct {
	Tag         string
	PublishedAt time.Time
}

// Request is a request the server received.
type Request struct {
	Path          string
	Authorization string
	IfNoneMatch   string
}

// Server is the fake API. Its URL is what GITHUB_API_URL names.
type Server struct {
	*httptest.Server

	mu       sync.Mutex
	repos    map[string]*Repo // by lower-cased full name
	byID     map[int64]*Repo
	renamed  map[string]int64 // old lower-cased full name: the repository's ID
	limit    int
	used     int
	reset    time.Time
	hook     func(w http.ResponseWriter, r *http.Request) bool
	requests []Request
}

// New starts a server with a budget of 60 requests (GitHub's for no
// token), resetting in an hour; the test's end closes it.
func New(t interface{ Cleanup(func()) }) *Server {
	s := &Server{
		repos: map[string]*Repo{}, byID: map[int64]*Repo{}, renamed: map[string]int64{},
		limit: 60, reset: time.Now().Add(time.Hour).Truncate(time.Second),
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Add adds or replaces a repository; ID 0 is given one.
func (s *Server) Add(r Repo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.ID == 0 {
		r.ID = int64(1000 + len(s.byID))
	}
	s.repos[strings.ToLower(r.FullName)] = &r
	s.byID[r.ID] = &r
}

// Rename makes old answer 301 to the repository now named to.
func (s *Server) Rename(old, to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.renamed[strings.ToLower(old)] = s.repos[strings.ToLower(to)].ID
}

// SetBudget sets the hour's limit and how many requests are left of it.
func (s *Server) SetBudget(limit, remaining int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit, s.used = limit, limit-remaining
}

// SetReset sets when the budget resets: a test on a clock of its own
// sets it by that clock.
func (s *Server) SetReset(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reset = t.Truncate(time.Second)
}

// Reset is when the budget resets.
func (s *Server) Reset() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reset
}

// Hook, when it returns true, has answered a request in place of the
// server (an error, a hostile body); the rate headers are set before it
// is called.
func (s *Server) Hook(h func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = h
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, Request{Path: r.URL.Path, Authorization: r.Header.Get("Authorization"), IfNoneMatch: r.Header.Get("If-None-Match")})
	spent := s.used >= s.limit
	if !spent {
		s.used++
	}
	h := w.Header()
	h.Set("X-Ratelimit-Limit", strconv.Itoa(s.limit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(s.limit-s.used))
	h.Set("X-Ratelimit-Used", strconv.Itoa(s.used))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(s.reset.Unix(), 10))
	h.Set("X-Ratelimit-Resource", "core")
	hook := s.hook
	s.mu.Unlock()
	if hook != nil && hook(w, r) {
		return
	}
	if spent {
		Error(w, http.StatusForbidden, "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
			"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting")
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/graphql":
		s.graphql(w, r)
	case len(parts) == 3 && parts[0] == "repos":
		full := strings.ToLower(parts[1] + "/" + parts[2])
		if id, ok := s.renamed[full]; ok {
			w.Header().Set("Location", fmt.Sprintf("%s/repositories/%d", s.URL, id))
			Error(w, http.StatusMovedPermanently, "Moved Permanently", "https://docs.github.com/rest/repos/repos#get-a-repository")
			return
		}
		s.repository(w, r, s.repos[full])
	case len(parts) == 2 && parts[0] == "repositories":
		id, _ := strconv.ParseInt(parts[1], 10, 64)
		s.repository(w, r, s.byID[id])
	case len(parts) == 5 && parts[0] == "repos" && parts[3] == "releases" && parts[4] == "latest":
		repo := s.repos[strings.ToLower(parts[1]+"/"+parts[2])]
		if repo == nil || repo.Release == nil {
			Error(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/releases/releases#get-the-latest-release")
			return
		}
		answer(w, r, releaseJSON(repo, s.URL))
	default:
		Error(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest")
	}
}

// graphql answers a query for repositories as GitHub's GraphQL API
// does, from its variables: $oN and $nN name the repository of alias rN
// (renames followed); one not found is null, with a NOT_FOUND error. It
// needs a token. (The budget's headers are the REST one's: enough for
// tests.)
func (s *Server) graphql(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Ratelimit-Resource", "graphql")
	if r.Header.Get("Authorization") == "" {
		Error(w, http.StatusUnauthorized, "This endpoint requires you to be authenticated.", "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql")
		return
	}
	var q struct {
		Query     string            `json:"query"`
		Variables map[string]string `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&q); err != nil || !strings.Contains(q.Query, "repository(") {
		Error(w, http.StatusBadRequest, "Problems parsing JSON", "https://docs.github.com/graphql")
		return
	}
	data := map[string]any{}
	var errs []any
	for k := 0; ; k++ {
		owner, ok := q.Variables[fmt.Sprintf("o%d", k)]
		if !ok {
			break
		}
		alias := fmt.Sprintf("r%d", k)
		full := strings.ToLower(owner + "/" + q.Variables[fmt.Sprintf("n%d", k)])
		repo := s.repos[full]
		if id, ok := s.renamed[full]; ok {
			repo = s.byID[id]
		}
		if repo == nil {
			data[alias] = nil
			errs = append(errs, map[string]any{"type": "NOT_FOUND", "path": []string{alias},
				"message": "Could not resolve to a Repository with the name '" + full + "'."})
			continue
		}
		data[alias] = graphqlRepo(repo)
	}
	answer := map[string]any{"data": data}
	if errs != nil {
		answer["errors"] = errs
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(answer)
}

func graphqlRepo(r *Repo) map[string]any {
	topics := []any{}
	for _, t := range r.Topics {
		topics = append(topics, map[string]any{"topic": map[string]any{"name": t}})
	}
	v := map[string]any{
		"nameWithOwner": r.FullName, "isArchived": r.Archived, "description": r.Description,
		"stargazerCount": r.Stars, "forkCount": r.Forks, "pushedAt": r.PushedAt.UTC().Format(time.RFC3339),
		"licenseInfo": nil, "repositoryTopics": map[string]any{"nodes": topics}, "latestRelease": nil,
		"issues": map[string]any{"totalCount": r.OpenIssues}, "pullRequests": map[string]any{"totalCount": 0},
	}
	if r.License != "" {
		v["licenseInfo"] = map[string]any{"spdxId": r.License}
	}
	if r.Release != nil {
		v["latestRelease"] = map[string]any{"tagName": r.Release.Tag, "publishedAt": r.Release.PublishedAt.UTC().Format(time.RFC3339)}
	}
	return v
}

func (s *Server) repository(w http.ResponseWriter, r *http.Request, repo *Repo) {
	if repo == nil {
		Error(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/repos/repos#get-a-repository")
		return
	}
	answer(w, r, repoJSON(repo, s.URL))
}

// answer writes v as GitHub does, with a weak ETag of the body, or 304
// when If-None-Match names it.
func answer(w http.ResponseWriter, r *http.Request, v any) {
	body, _ := json.Marshal(v)
	sum := sha256.Sum256(body)
	etag := `W/"` + hex.EncodeToString(sum[:16]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age=60, s-maxage=60")
	w.Header().Set("Vary", "Accept, Accept-Encoding, Accept, X-Requested-With")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(body)
}

// Error writes an error as GitHub does: a message and the documentation's
// address, in JSON.
func Error(w http.ResponseWriter, status int, message, docs string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	body, _ := json.Marshal(map[string]string{"message": message, "documentation_url": docs, "status": strconv.Itoa(status)})
	w.Write(body)
}

func repoJSON(r *Repo, base string) map[string]any {
	owner, name, _ := strings.Cut(r.FullName, "/")
	v := map[string]any{
		"id": r.ID, "node_id": "R_kgDO" + strconv.FormatInt(r.ID, 36), "name": name, "full_name": r.FullName, "private": false,
		"owner":    map[string]any{"login": owner, "id": r.ID + 1, "type": "Organization", "site_admin": false},
		"html_url": "https://github.com/" + r.FullName, "description": r.Description, "fork": false,
		"url":        base + "/repos/" + r.FullName,
		"created_at": "2016-01-12T20:30:42Z", "updated_at": r.PushedAt.UTC().Format(time.RFC3339), "pushed_at": r.PushedAt.UTC().Format(time.RFC3339),
		"homepage": "", "size": 51234, "stargazers_count": r.Stars, "watchers_count": r.Stars, "language": "Go",
		"has_issues": true, "has_projects": true, "has_wiki": false, "has_pages": false, "has_discussions": false,
		"forks_count": r.Forks, "archived": r.Archived, "disabled": false, "open_issues_count": r.OpenIssues,
		"license": nil, "allow_forking": true, "is_template": false, "topics": append([]string{}, r.Topics...),
		"visibility": "public", "forks": r.Forks, "open_issues": r.OpenIssues, "watchers": r.Stars,
		"default_branch": "main", "network_count": r.Forks, "subscribers_count": 42,
	}
	if r.License != "" {
		v["license"] = map[string]any{"key": strings.ToLower(r.License), "name": r.License + " License", "spdx_id": r.License, "url": "https://api.github.com/licenses/" + strings.ToLower(r.License), "node_id": "MDc6TGljZW5zZTEz"}
	}
	return v
}

func releaseJSON(r *Repo, base string) map[string]any {
	return map[string]any{
		"url": base + "/repos/" + r.FullName + "/releases/1", "html_url": "https://github.com/" + r.FullName + "/releases/tag/" + r.Release.Tag,
		"id": 1, "node_id": "RE_kwDO", "tag_name": r.Release.Tag, "target_commitish": "main", "name": r.Release.Tag,
		"draft": false, "prerelease": false, "immutable": false,
		"created_at":   r.Release.PublishedAt.UTC().Format(time.RFC3339),
		"published_at": r.Release.PublishedAt.UTC().Format(time.RFC3339),
		"author":       map[string]any{"login": "release-bot", "id": 7, "type": "User"},
		"assets":       []any{}, "tarball_url": base + "/repos/" + r.FullName + "/tarball/" + r.Release.Tag,
		"zipball_url": base + "/repos/" + r.FullName + "/zipball/" + r.Release.Tag, "body": "Release notes.",
	}
}
