package model

import (
	"strings"
	"testing"
	"time"
)

func TestRepoOfURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want string
	}{
		{"https://github.com/Azure/aks-engine", "Azure/aks-engine"},
		{"https://github.com/Azure/aks-engine/issues", "Azure/aks-engine"},
		{"https://github.com/kubernetes/kubernetes/issues?q=is%3Aissue+label%3Aarea%2Fprovider%2Fazure+", "kubernetes/kubernetes"},
		{"https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/legacy-cloud-providers/azure", "kubernetes/kubernetes"},
		{"https://sigs.k8s.io/cluster-api-provider-azure", "kubernetes-sigs/cluster-api-provider-azure"},
		{"http://www.GitHub.com/Org/Repo.git#readme", "Org/Repo"},
		{"https://github.com/Azure", ""},
		{"https://github.com/orgs/Azure/projects", ""},
		{"https://github.com/a/%2e%2e", ""},
		{"https://gitlab.com/a/b", ""},
		{"https://github.com.evil.example/a/b", ""},
		{"javascript:github.com/a/b", ""},
		{"https://evil.example/github.com/a/b", ""},
	} {
		got, ok := RepoOfURL(tc.url)
		if got.String() != tc.want || ok != (tc.want != "") {
			t.Errorf("RepoOfURL(%q) = %q, %v; want %q", tc.url, got, ok, tc.want)
		}
	}
}

func TestRepoOfSkipsAzureAndSharedLinks(t *testing.T) {
	p := Project{Links: []Link{
		{URL: "https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/docs/x.md", Column: ColumnAzure},
		{URL: "https://github.com/other/shared/issues", Column: ColumnCommunication, SharedFrom: "Other"},
		{URL: "https://example.com", Column: ColumnProject, Kind: KindHome},
	}}
	if r, ok := RepoOf(&p); ok {
		t.Fatalf("RepoOf = %v; want none", r)
	}
	p.Links = append(p.Links, Link{URL: "https://github.com/own/repo/issues", Column: ColumnCommunication})
	if r, _ := RepoOf(&p); r.String() != "own/repo" {
		t.Fatalf("RepoOf = %v; want own/repo", r)
	}
}

// TestRepoOfPrefersRepositoryLinks: a repository link (the Landscape's
// repo_url) names the repository even when a link before it, the
// homepage here, points into another one.
func TestRepoOfPrefersRepositoryLinks(t *testing.T) {
	p := Project{Links: []Link{
		{URL: "https://github.com/org/website", Column: ColumnProject, Kind: KindHome},
		{URL: "https://github.com/org/shared", Column: ColumnProject, Kind: KindRepository, SharedFrom: "Other"},
		{URL: "https://gitlab.com/org/code", Column: ColumnProject, Kind: KindRepository},
		{URL: "https://github.com/org/code", Column: ColumnProject, Kind: KindRepository},
	}}
	if r, _ := RepoOf(&p); r.String() != "org/code" {
		t.Fatalf("RepoOf = %v; want org/code, the first repository link on GitHub", r)
	}
	p.Links = p.Links[:3]
	if r, _ := RepoOf(&p); r.String() != "org/website" {
		t.Fatalf("RepoOf = %v; want org/website: no repository link names a GitHub repository", r)
	}
}

func TestHealthStatus(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	checked := now.Add(-time.Hour)
	for _, tc := range []struct {
		h    *Health
		want Status
	}{
		{nil, StatusUnknown},
		{&Health{PushedAt: now}, StatusUnknown},
		{&Health{CheckedAt: checked, PushedAt: now.Add(-10 * day)}, StatusActive},
		{&Health{CheckedAt: checked, PushedAt: now.Add(-90 * day)}, StatusActive},
		{&Health{CheckedAt: checked, PushedAt: now.Add(-91 * day)}, StatusQuiet},
		{&Health{CheckedAt: checked, PushedAt: now.Add(-366 * day)}, StatusStale},
		{&Health{CheckedAt: checked}, StatusStale},
		{&Health{CheckedAt: checked, Archived: true, PushedAt: now}, StatusArchived},
		{&Health{CheckedAt: checked, Missing: true}, StatusMissing},
	} {
		if got := tc.h.Status(now); got != tc.want {
			t.Errorf("%+v: Status = %v; want %v", tc.h, got, tc.want)
		}
	}
	for s := StatusUnknown; s <= StatusMissing; s++ {
		if back, ok := ParseStatus(s.String()); !ok || back != s {
			t.Errorf("ParseStatus(%q) = %v, %v", s, back, ok)
		}
	}
}

func TestRepoLinks(t *testing.T) {
	smi := Repo{"deislabs", "smi-spec"}
	moved := &Health{Repo: smi, MovedTo: Repo{"servicemeshinterface", "smi-spec"}}
	urls := func(ls []Link) string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Kind.String()+" "+l.URL)
		}
		return strings.Join(out, "\n")
	}
	plain := &Project{Name: "SMI", Links: []Link{{URL: "https://smi-spec.io/", Kind: KindHome, Column: ColumnProject}}}
	// The Landscape's own repository link, in another case with a final
	// slash: the repository's is left out, not numbered twice.
	landscape := &Project{Name: "Airship", Links: []Link{{URL: "https://airshipit.org", Kind: KindHome, Column: ColumnProject},
		{Label: "Repository", URL: "https://github.com/Airshipit/Airshipctl/", Kind: KindRepository, Column: ColumnProject}}}
	for _, tc := range []struct {
		name string
		p    *Project
		repo Repo
		h    *Health
		want string
	}{
		{"not checked", plain, smi, nil, "repository https://github.com/deislabs/smi-spec\nreleases https://github.com/deislabs/smi-spec/releases\n" +
			"contribute https://github.com/deislabs/smi-spec/contribute"},
		{"moved", plain, smi, moved, "repository https://github.com/servicemeshinterface/smi-spec\n" +
			"releases https://github.com/servicemeshinterface/smi-spec/releases\ncontribute https://github.com/servicemeshinterface/smi-spec/contribute"},
		{"its own repository link", landscape, Repo{"airshipit", "airshipctl"}, nil,
			"releases https://github.com/airshipit/airshipctl/releases\ncontribute https://github.com/airshipit/airshipctl/contribute"},
		{"nothing left out", nil, Repo{"airshipit", "airshipctl"}, nil, "repository https://github.com/airshipit/airshipctl\n" +
			"releases https://github.com/airshipit/airshipctl/releases\ncontribute https://github.com/airshipit/airshipctl/contribute"},
		{"no repository", plain, Repo{}, nil, ""},
	} {
		if got := urls(RepoLinks(tc.p, tc.repo, tc.h)); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}
