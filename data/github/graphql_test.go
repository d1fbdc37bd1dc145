package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/github/githubtest"
	"github.com/upstream-tui/upstream-tui/model"
)

var fixtureRepos = []string{"containerd/containerd", "Azure/aks-engine", "kubernetes-sigs/blobfuse-csi-driver",
	"Azure/kubernetes-keyvault-flexvol", "Azure/aad-pod-identity-gone"}

// With a token, Prefetch asks one GraphQL query for many repositories,
// and keeps for each the health a REST check gives: archived, moved,
// missing, licence, release and all.
func TestPrefetchAsREST(t *testing.T) {
	f := newFixture(t, Options{})
	rest := newFixture(t, Options{})
	repos := make([]model.Repo, len(fixtureRepos))
	for i, name := range fixtureRepos {
		repos[i] = repo(name)
	}
	answered := f.src.Prefetch(context.Background(), repos, false)
	reqs := f.api.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/graphql" || reqs[0].Authorization != "Bearer "+testToken {
		t.Fatalf("requests %+v, want one GraphQL query with the token", reqs)
	}
	for i, r := range repos {
		if !answered[i] {
			t.Errorf("%s not answered", r)
		}
		got, ok := f.src.Cached(r)
		want, err := rest.check(t, r.String(), false)
		if !ok || err != nil || !equalHealth(got, want) {
			t.Errorf("%s: GraphQL gave\n%+v\nREST\n%+v (%v)", r, got, want, err)
		}
		// Check answers from what Prefetch kept.
		if _, err := f.src.Check(context.Background(), r, false); err != nil {
			t.Error(err)
		}
	}
	if n := len(f.api.Requests()); n != 1 {
		t.Errorf("%d requests, want Check to ask nothing after Prefetch", n)
	}
	// Fresh answers are not asked again, unless refresh.
	f.src.Prefetch(context.Background(), repos, false)
	if n := len(f.api.Requests()); n != 1 {
		t.Errorf("%d requests for fresh answers", n)
	}
	f.src.Prefetch(context.Background(), repos, true)
	if n := len(f.api.Requests()); n != 2 {
		t.Errorf("refresh: %d requests, want 2", n)
	}
}

// A query asks for at most batchSize repositories; no token, no query;
// a query that fails answers nothing of its batch and stops the rest.
func TestPrefetchBatches(t *testing.T) {
	f := newFixture(t, Options{})
	var repos []model.Repo
	for i := range 2*batchSize + 1 {
		repos = append(repos, model.Repo{Owner: "owner", Name: fmt.Sprintf("repo-%d", i)})
	}
	answered := f.src.Prefetch(context.Background(), repos, false)
	if n := len(f.api.Requests()); n != 3 {
		t.Errorf("%d queries for %d repositories", n, len(repos))
	}
	for i, ok := range answered {
		if h, _ := f.src.Cached(repos[i]); !ok || !h.Missing {
			t.Errorf("%s: answered %v, %+v", repos[i], ok, h)
		}
	}

	none := newFixture(t, Options{Token: func(string) string { return "" }})
	if answered := none.src.Prefetch(context.Background(), repos[:3], true); answered[0] || len(none.api.Requests()) != 0 {
		t.Errorf("without a token: %v, %d requests", answered, len(none.api.Requests()))
	}

	failing := newFixture(t, Options{})
	failing.api.Hook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/graphql" {
			githubtest.Error(w, http.StatusBadGateway, "Bad Gateway", "")
			return true
		}
		return false
	})
	answered = failing.src.Prefetch(context.Background(), repos, true)
	if answered[0] || answered[len(repos)-1] || len(failing.api.Requests()) != 1 {
		t.Errorf("failing: answered %v with %d requests", answered[0], len(failing.api.Requests()))
	}
	// REST still answers.
	if _, err := failing.check(t, "containerd/containerd", true); err != nil {
		t.Errorf("REST after a failed query: %v", err)
	}
}

func TestGraphQLURL(t *testing.T) {
	for api, want := range map[string]string{
		"https://api.github.com/":         "https://api.github.com/graphql",
		"https://ghe.example.com/api/v3/": "https://ghe.example.com/api/graphql",
		"http://127.0.0.1:8080/":          "http://127.0.0.1:8080/graphql",
	} {
		u, _ := url.Parse(api)
		if got := graphqlURL(u).String(); got != want {
			t.Errorf("%s: %s, want %s", api, got, want)
		}
	}
}
