package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// landscapeTrimmed is the real landscape.yml cut to three items per
// subcategory and a few chosen ones.
var landscapeTrimmed = filepath.Join("testdata", "landscape.yml")

// TestLandscapeCommands runs every command on the trimmed landscape
// through the built binary: its projects, places, dates and links as
// list -o json gives them, facets, show, open --print and lint; and a
// landscape named .md is still read as one.
func TestLandscapeCommands(t *testing.T) {
	r := runBinary(t, nil, "list", "--catalog", landscapeTrimmed, "-o", "json")
	var projects []struct {
		Name        string `json:"name"`
		Area        string `json:"area"`
		SubArea     string `json:"sub_area"`
		OtherPlaces []struct {
			Area    string `json:"area"`
			SubArea string `json:"sub_area"`
		} `json:"other_places"`
		Dates []struct{ Label, Date string } `json:"dates"`
		Links []struct {
			Label, URL, Kind string
			DerivedFrom      string `json:"derived_from"`
		} `json:"links"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &projects); err != nil || r.status != 0 || len(projects) != 238 {
		t.Fatalf("list -o json: status %d, %d projects, %v\n%s", r.status, len(projects), err, r.stderr)
	}
	byName := map[string]int{}
	for i, p := range projects {
		byName[p.Name] = i
	}
	akri := projects[byName["Akri"]]
	kinds := map[string]string{}
	for _, l := range akri.Links {
		if _, ok := kinds[l.Kind]; !ok {
			kinds[l.Kind] = l.URL
		}
	}
	if kinds["slack"] != "https://kubernetes.slack.com/messages/C01D9L7QE8Z" || kinds["issues"] != "https://github.com/project-akri/akri/issues" ||
		kinds["repository"] != "https://github.com/project-akri/akri" || kinds["home"] != "https://docs.akri.sh" {
		t.Errorf("Akri's links %+v", akri.Links)
	}
	if akri.SubArea != "Automation & Configuration" || len(akri.Dates) != 2 || akri.Dates[0].Date != "2021-09-14" {
		t.Errorf("Akri: sub-area %q, dates %+v", akri.SubArea, akri.Dates)
	}
	if k := projects[byName["k0rdent"]]; len(k.OtherPlaces) != 2 || k.OtherPlaces[0].Area != "Platform" {
		t.Errorf("k0rdent's other places %+v", k.OtherPlaces)
	}

	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout []string // parts of standard output
	}{
		{"facet", []string{"list", "--catalog", landscapeTrimmed, "-o", "tsv", "state:graduated has:mail"}, 0,
			[]string{"Kubernetes\tOrchestration & Management / Scheduling & Orchestration\tCNCF graduated\t"}},
		{"area is a category", []string{"list", "--catalog", landscapeTrimmed, "--area", "wasm", "kubernetes"}, 0, []string{"Kubernetes", "SpinKube"}},
		{"show", []string{"show", "--catalog", landscapeTrimmed, "akri"}, 0,
			[]string{"**Area:** Provisioning / Automation \\& Configuration", "**Accepted:** 2021-09-14", "*(derived from the repository)*", "[\\#akri](<https://kubernetes.slack.com/messages/C01D9L7QE8Z>)"}},
		{"open slack", []string{"open", "--catalog", landscapeTrimmed, "akri", "--link", "slack", "--print"}, 0, []string{"https://kubernetes.slack.com/messages/C01D9L7QE8Z\n"}},
		{"open issues", []string{"open", "--catalog", landscapeTrimmed, "akri", "--link", "issues", "--print"}, 0, []string{"https://github.com/project-akri/akri/issues\n"}},
		{"open repository", []string{"open", "--catalog", landscapeTrimmed, "akri", "--link", "repo", "--print"}, 0, []string{"https://github.com/project-akri/akri\n"}},
		{"lint", []string{"lint", landscapeTrimmed}, 1, []string{
			landscapeTrimmed + ":", `warning: duplicate project name "k0rdent" (first on line `,
			`error: Argo: link "Introduction": refusing`, "uses http://; use https://",
		}},
	} {
		r := runBinary(t, nil, tc.args...)
		if r.status != tc.status {
			t.Errorf("%s: status %d; want %d\n%s", tc.name, r.status, tc.status, r.stderr)
		}
		for _, part := range tc.stdout {
			if !strings.Contains(r.stdout, part) {
				t.Errorf("%s: no %q in\n%s", tc.name, part, r.stdout)
			}
		}
	}

	// Recognised by content: the name says nothing.
	named := filepath.Join(t.TempDir(), "catalog.md")
	src, err := os.ReadFile(landscapeTrimmed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(named, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, nil, "list", "--catalog", named, "-o", "tsv"); r.status != 0 || strings.Count(r.stdout, "\n") != 239 {
		t.Errorf("a landscape named .md: status %d, %d lines\n%s", r.status, strings.Count(r.stdout, "\n"), r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(bad, []byte("landscape:\n  - category:\n    name: A: B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, nil, "list", "--catalog", bad); r.status != 1 || !strings.Contains(r.stderr, bad+":3: not valid YAML") {
		t.Errorf("bad YAML: status %d\n%s", r.status, r.stderr)
	}
}

// TestLandscapeInRealTerminal: the app on the trimmed landscape, at 80x24
// and 140x40: its 15 area tabs, the sub-area beside a project, the
// detail's dates and derived issues link, a project reachable from the
// tab of its second_path, and s opening Akri's Slack channel.
func TestLandscapeInRealTerminal(t *testing.T) {
	s := startTmux(t, 140, 40, "--catalog", landscapeTrimmed)
	s.waitFor("the landscape", contains("All 238", "Airship", "Automation & Configuration", "Maturity: none"))
	s.keys("/akri")
	s.waitFor("Akri", contains("Accepted: 2021-09-14", "Issues (derived from the repository)", "CNCF sandbox"))
	s.key("Enter")
	s.keys("s")
	s.waitOpened("https://kubernetes.slack.com/messages/C01D9L7QE8Z")
	s.keys("q")
	s.checkRestored("0")

	s = startTmux(t, 80, 24, "--catalog", landscapeTrimmed, "--area", "wasm", "kubernetes")
	// 15 areas do not fit in 80 columns: the bar scrolls around Wasm.
	screen := s.waitFor("Kubernetes in the Wasm tab", contains("Wasm · 3 of 37 match", "Kubernetes", "Scheduling & Orchestration", "Also in: Wasm / Orchestration & Management"))
	if bar := strings.Split(screen, "\n")[1]; !strings.Contains(bar, "‹") || !strings.Contains(bar, "›") || !strings.Contains(bar, "Wasm 3") {
		t.Errorf("the tab bar %q does not scroll around the Wasm tab", bar)
	}
	s.keys("q")
	s.checkRestored("0")
}

// TestListAreaShowsThePlaceThere: list --area shows a project listed in
// several areas where that area lists it, as the app's tab does; JSON
// keeps the catalog's own area.
func TestListAreaShowsThePlaceThere(t *testing.T) {
	r := execute(t, nil, "list", "--catalog", landscapeTrimmed, "--area", "ai native", "-o", "tsv", "kyverno")
	if r.status != 0 || !strings.Contains(r.stdout, "\nKyverno\tAI Native Infra / Governance, Policy & Security\t") {
		t.Errorf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
	r = execute(t, nil, "list", "--catalog", landscapeTrimmed, "--area", "ai native", "-o", "json", "kyverno")
	if !strings.Contains(r.stdout, `"area": "Provisioning"`) {
		t.Errorf("JSON lost the catalog's own area:\n%.400s", r.stdout)
	}
}
