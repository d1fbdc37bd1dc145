package landscape

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// trimmed is testdata/landscape.yml: the real landscape.yml with the
// first three items of each subcategory and a few chosen ones (Akri,
// Kubernetes, k0rdent, ...).
func trimmed(t testing.TB) (*model.Catalog, []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "landscape.yml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("landscape.yml", src)
	if err != nil {
		t.Fatal(err)
	}
	return c, src
}

func project(t *testing.T, c *model.Catalog, name string) *model.Project {
	t.Helper()
	for i := range c.Projects {
		if c.Projects[i].Name == name {
			return &c.Projects[i]
		}
	}
	t.Fatalf("no project %q", name)
	return nil
}

// TestTrimmedCounts: the projects listed in each category, counted from
// the file by another YAML reader (PyYAML): the distinct names of its
// items and of the items whose second_path names it.
func TestTrimmedCounts(t *testing.T) {
	c, _ := trimmed(t)
	want := []struct {
		area  string
		count int
	}{
		{"Provisioning", 18}, {"Runtime", 9}, {"Orchestration & Management", 22}, {"App Definition and Development", 15},
		{"Platform", 13}, {"Serverless", 16}, {"Observability and Analysis", 18}, {"Special", 9}, {"CNCF Members", 19},
		{"Wasm", 37}, {"AI Agent", 30}, {"Inference", 6}, {"Data", 6}, {"Training", 9}, {"AI Native Infra", 25},
	}
	if len(c.Areas) != len(want) {
		t.Fatalf("%d areas; want %d", len(c.Areas), len(want))
	}
	for i, w := range want {
		if c.Areas[i].Name != w.area {
			t.Errorf("area %d is %q; want %q", i, c.Areas[i].Name, w.area)
		}
		if n := len(c.AreaProjects(w.area)); n != w.count {
			t.Errorf("%s lists %d projects; want %d", w.area, n, w.count)
		}
	}
	if len(c.Projects) != 238 {
		t.Errorf("%d projects; want 238 distinct names", len(c.Projects))
	}
	if c.Title != Title || c.Areas[0].Line != 4 {
		t.Errorf("title %q, first area on line %d", c.Title, c.Areas[0].Line)
	}
}

func TestAkri(t *testing.T) {
	c, _ := trimmed(t)
	p := project(t, c, "Akri")
	if p.Area != "Provisioning" || p.SubArea != "Automation & Configuration" || p.Goal.Plain() != "A Kubernetes Resource Interface for the Edge" {
		t.Errorf("place %v, goal %q", p.Place(), p.Goal.Plain())
	}
	if p.Maturity.Org != "CNCF" || p.Maturity.State != "sandbox" || p.Maturity.Short() != "CNCF sandbox" {
		t.Errorf("maturity %+v", p.Maturity)
	}
	want := []model.Link{
		{Label: "Akri", URL: "https://docs.akri.sh", Kind: model.KindHome, Column: model.ColumnProject},
		{Label: "Repository", URL: "https://github.com/project-akri/akri", Kind: model.KindRepository, Column: model.ColumnProject},
		{Label: "#akri", URL: "https://kubernetes.slack.com/messages/C01D9L7QE8Z", Kind: model.KindSlack, Column: model.ColumnCommunication},
		{Label: "Issues", URL: "https://github.com/project-akri/akri/issues", Kind: model.KindIssues, Column: model.ColumnCommunication, DerivedFrom: model.KindRepository},
		{Label: "Twitter", URL: "https://twitter.com/ProjectAkri", Kind: model.KindOther, Column: model.ColumnProject},
		{Label: "Crunchbase", URL: "https://www.crunchbase.com/organization/cloud-native-computing-foundation", Kind: model.KindOther, Column: model.ColumnProject},
		{Label: "Annual review", URL: "https://github.com/cncf/toc/pull/1080", Kind: model.KindOther, Column: model.ColumnProject},
		{Label: "DevStats", URL: "https://akri.devstats.cncf.io/", Kind: model.KindOther, Column: model.ColumnProject},
		{Label: "Blog", URL: "https://medium.com/akri", Kind: model.KindOther, Column: model.ColumnProject},
		{Label: "Artwork", URL: "https://github.com/cncf/artwork/blob/master/examples/sandbox_a-j.md#akri-logos", Kind: model.KindOther, Column: model.ColumnProject},
	}
	links := slices.Clone(p.Links)
	for i := range links {
		links[i].Line = 0
	}
	if !reflect.DeepEqual(links, want) {
		t.Errorf("links\n%+v\nwant\n%+v", links, want)
	}
	// Each link names the line its URL is written on; the issues page,
	// written nowhere, the repository's.
	_, src := trimmed(t)
	lines := strings.Split(string(src), "\n")
	for _, l := range p.Links {
		switch {
		case l.DerivedFrom == model.KindRepository:
			if repo, _ := p.FirstLink(model.KindRepository); l.Line != repo.Line {
				t.Errorf("%s: line %d, want the repository's %d", l.Label, l.Line, repo.Line)
			}
		case l.Line < 1 || int(l.Line) > len(lines) || !strings.Contains(lines[l.Line-1], l.URL):
			t.Errorf("%s: line %d does not hold %s", l.Label, l.Line, l.URL)
		}
	}
	dates := []model.DatedFact{{Label: "Accepted", Date: "2021-09-14"}, {Label: "Annual review", Date: "2023-06-13"}}
	if !reflect.DeepEqual(p.Dates, dates) {
		t.Errorf("dates %+v", p.Dates)
	}
	if r, _ := model.RepoOf(p); r.String() != "project-akri/akri" {
		t.Errorf("RepoOf = %v", r)
	}
}

// TestOneProjectInSeveralPlaces: an item listed in two subcategories, and
// one with second_path, are one project each, listed in every place.
func TestOneProjectInSeveralPlaces(t *testing.T) {
	c, _ := trimmed(t)
	k := project(t, c, "k0rdent")
	places := []model.Place{{Area: "Platform", SubArea: "Certified Kubernetes - Distribution"}, {Area: "Platform", SubArea: "Certified Kubernetes - AI Platform"}}
	if k.Place() != (model.Place{Area: "Orchestration & Management", SubArea: "Scheduling & Orchestration"}) || !reflect.DeepEqual(k.OtherPlaces, places) {
		t.Errorf("k0rdent in %v and %v", k.Place(), k.OtherPlaces)
	}
	// The second item's repository is another: both are kept.
	var repos []string
	for _, l := range k.Links {
		if l.Kind == model.KindRepository {
			repos = append(repos, l.URL)
		}
	}
	if !slices.Equal(repos, []string{"https://github.com/k0rdent/k0rdent", "https://github.com/k0rdent/kcm"}) {
		t.Errorf("k0rdent's repositories %v", repos)
	}
	kube := project(t, c, "Kubernetes")
	if !kube.InArea("Wasm") || !kube.InArea("AI Native Infra") || !kube.InArea("Orchestration & Management") || kube.InArea("Runtime") {
		t.Errorf("Kubernetes in %v and %v", kube.Place(), kube.OtherPlaces)
	}
	n := 0
	for _, p := range c.Projects {
		if p.Name == "Kgateway" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Kgateway is %d projects", n)
	}
}

// TestFacetQueries: the facets over the trimmed file hold for the
// projects PyYAML finds, merged by name as the reader merges them.
func TestFacetQueries(t *testing.T) {
	c, _ := trimmed(t)
	ix := model.NewIndex(c.Projects)
	names := func(q string) []string {
		var out []string
		for _, m := range ix.Search(q, nil) {
			out = append(out, c.Projects[m.Project].Name)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"state:graduated", []string{"Argo", "CoreDNS", "Falco", "Fluentd", "Kubernetes", "Kyverno", "Open Policy Agent (OPA)", "containerd"}},
		{"org:cncf -has:slack", []string{"Agones", "Antrea", "Artifact Hub", "BFE", "Chaosblade", "KAITO", "Kgateway", "SpinKube", "bootc", "composefs", "container2wasm"}},
		{"area:automation has:slack state:sandbox", []string{"Akri"}},
		{"area:wasm org:cncf", []string{"Kubernetes", "SpinKube", "container2wasm"}},
	} {
		if got := names(tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q; want %q", tc.query, got, tc.want)
		}
	}
	// Counted by PyYAML too: the projects with a repo_url, and those with
	// a project: (a CNCF maturity).
	if n := len(names("has:repository")); n != 160 {
		t.Errorf("has:repository: %d projects; want 160", n)
	}
	if n := len(names("org:cncf")); n != 24 {
		t.Errorf("org:cncf: %d projects; want 24", n)
	}
	// Without project:, a project has no maturity: no state: holds.
	if got := names("-state:s -state:g -state:i -state:a"); len(got) != len(c.Projects)-24 {
		t.Errorf("%d projects have no maturity", len(got))
	}
}

func TestIs(t *testing.T) {
	for src, want := range map[string]bool{
		"landscape:\n  - category:\n":                     true,
		"# comment\n\n---\nlandscape: # the list\n  []\n": true,
		"version: 2\nlandscape:\n":                        true,
		"landscape: []\n":                                 false, // inline: not the schema's form
		"# upstream\n\nSome prose.\nlandscape:\n":         false,
		"| Project Area | Project |\n|---|---|\n":         false,
		"":               false,
		"landscapes:\n":  false,
		"  landscape:\n": false,
	} {
		if got := Is([]byte(src)); got != want {
			t.Errorf("Is(%q) = %v", src, got)
		}
	}
	_, src := trimmed(t)
	if !Is(src) {
		t.Error("the trimmed landscape.yml is not recognised")
	}
	md, err := os.ReadFile(filepath.Join("..", "projects.md"))
	if err != nil || Is(md) {
		t.Errorf("projects.md recognised as a landscape (%v)", err)
	}
}

// TestErrorsNameLines: each error names the file and the line at fault.
func TestErrorsNameLines(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		msg       string
	}{
		{"two values", "landscape:\n  - category:\n    name: A: B\n", 3, "not valid YAML: mapping values are not allowed"},
		{"tab", "landscape:\n  - category:\n\tname: A\n", 3, "not valid YAML"},
		{"unclosed quote", "landscape:\n  - category:\n    name: \"A\n", 3, "not valid YAML"},
		{"no list", "landscape:\n  category: x\n", 2, "landscape should be a list, not a mapping"},
		{"not landscape", "other: 1\n", 1, "not a landscape catalog"},
		{"no name", "landscape:\n  - category:\n    subcategories: []\n", 2, "a category has no name"},
		{"items not a list", "landscape:\n  - category:\n    name: A\n    subcategories:\n      - subcategory:\n        name: B\n        items: many\n", 7, "items should be a list, not a text"},
		{"item name not text", "landscape:\n  - category:\n    name: A\n    subcategories:\n      - subcategory:\n        name: B\n        items:\n          - item:\n            name: [x]\n", 9, "an item's name should be a text"},
		{"alias", "landscape:\n  - &c\n    category:\n    name: A\n  - *c\n", 5, "aliases (*c) are not allowed"},
	} {
		_, err := Parse("bad.yml", []byte(tc.src))
		pe, ok := errors.AsType[*markdown.ParseError](err)
		if !ok {
			t.Errorf("%s: error %v is no ParseError", tc.name, err)
			continue
		}
		if pe.Line != tc.line || !strings.Contains(pe.Msg, tc.msg) || !strings.HasPrefix(err.Error(), "bad.yml:") {
			t.Errorf("%s: %v; want line %d, %q", tc.name, err, tc.line, tc.msg)
		}
	}
}

// bomb is a "billion laughs": each level ten aliases of the one before,
// 10^9 "lol" once expanded.
const bomb = `landscape:
  - category:
    name: &a lol
    subcategories:
      - subcategory:
        name: b
        items:
          - item:
            name: x
            extra: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
            i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
            j: [*i, *i, *i, *i, *i, *i, *i, *i, *i, *i]
`

// TestBomb: a YAML bomb is refused, naming the line of its first alias,
// and refusing it allocates what a small file does, not its expansion
// (which would be gigabytes): aliases are never followed. So are a file
// too large and one nested too deep.
func TestBomb(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Parse("bomb.yml", []byte(bomb))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "bomb.yml:10: aliases (*a) are not allowed") {
		t.Fatalf("err = %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", grew)
	}
	if fs := Lint("bomb.yml", []byte(bomb)); len(fs) != 1 || fs[0].Line != 10 || fs[0].Severity != model.SeverityError {
		t.Errorf("lint: %+v", fs)
	}
	// A file over MaxBytes is refused before it is parsed.
	huge := append([]byte("landscape:\n"), make([]byte, MaxBytes)...)
	if _, err := Parse("huge.yml", huge); err == nil || err.Error() != "huge.yml: too large for a landscape catalog (over 16 MiB)" {
		t.Errorf("huge: %v", err)
	}
	// Deep nesting stops at the parser's bound, with an error.
	deep := "landscape:\n  - category:\n    name: A\n    x: " + strings.Repeat("[", 20000) + "\n"
	if _, err := Parse("deep.yml", []byte(deep)); err == nil || !strings.Contains(err.Error(), "deep.yml:") {
		t.Errorf("deep nesting: %v", err)
	}
}

// hostile puts escape sequences, raw and as YAML escapes, in every field.
const hostile = "# \x1b]0;title\x07\n" +
	"landscape:\n" +
	"  - category:\n" +
	"    name: \"Cat\\e[2J\x1b[31m\"\n" +
	"    subcategories:\n" +
	"      - subcategory:\n" +
	"        name: \"Sub\\u009b2J\u202e\"\n" +
	"        items:\n" +
	"          - item:\n" +
	"            name: \"Evil\\e]8;;https://evil.example\\a\"\n" +
	"            description: \"goal\\x1b[1;1H\\r\\b\x1b]52;c;cGF5bG9hZA==\x07\"\n" +
	"            homepage_url: \"https://h.example/\\e[2J\"\n" +
	"            repo_url: \"https://github.com/a/b\\x07\"\n" +
	"            project: \"sandbox\\e[5m\"\n" +
	"            twitter: \"https://t.example/\\u0085x\"\n" +
	"            joined: \"2020\\e[8m\"\n" +
	"            second_path:\n" +
	"              - \"Other\\e[2J / Place\\u202e\"\n" +
	"            extra:\n" +
	"              slack_url: \"https://s.example\\e[0m\"\n" +
	"              chat_channel: \"#chan\\e]2;t\\a\"\n" +
	"              mailing_list_url: \"https://m.example\x1bP1$r\x1b\\\"\n" +
	"              accepted: \"2021\\e[31m\"\n" +
	"              weird\\e_url: \"https://w.example\"\n" +
	"              ébloggy_url: \"https://e.example\"\n" +
	"              other_links:\n" +
	"                - name: \"Link\\e[2J\"\n" +
	"                  url: \"https://o.example\\e[2J\"\n" +
	"              audits:\n" +
	"                - type: \"sec\\e[2J\"\n" +
	"                  vendor: \"V\\e[2J\"\n" +
	"                  date: \"2024\\e[2J\"\n" +
	"                  url: \"https://a.example\\e[2J\"\n"

// TestHostileTextIsInert: no text of the catalog, and no lint message,
// holds anything a terminal would act on, and nothing was dropped with it.
func TestHostileTextIsInert(t *testing.T) {
	c, err := Parse("hostile.yml", []byte(hostile))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Texts() {
		if !inert.IsClean(s) || strings.ContainsAny(s, "\r\b\a") {
			t.Errorf("not inert: %q", s)
		}
	}
	p := c.Projects[0]
	if p.Name != "Evil" || p.Goal.Plain() != "goal" || p.Area != "Cat" || p.SubArea != "Sub" || p.Maturity.State != "sandbox" {
		t.Errorf("project %+v", p)
	}
	if len(p.Links) != 10 || len(p.Dates) != 2 || len(p.OtherPlaces) != 1 || p.OtherPlaces[0] != (model.Place{Area: "Other", SubArea: "Place"}) {
		t.Errorf("%d links %+v, dates %+v, places %+v", len(p.Links), p.Links, p.Dates, p.OtherPlaces)
	}
	// A label made from a key keeps its first rune whole.
	if !slices.ContainsFunc(p.Links, func(l model.Link) bool { return l.Label == "ébloggy" && l.URL == "https://e.example" }) {
		t.Errorf("no ébloggy link in %+v", p.Links)
	}
	for _, f := range Lint("hostile.yml", []byte(hostile)) {
		if !inert.IsClean(f.Message) {
			t.Errorf("lint message not inert: %q", f.Message)
		}
	}
}

// TestParseHead: the head of the full file gives the first
// projects, each as the whole file gives it (the last one read may
// still gain places and links further on).
func TestParseHead(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "landscape-full.yml"))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Parse("full.yml", src)
	if err != nil {
		t.Fatal(err)
	}
	head, ok := ParseHead("full.yml", src[:HeadBytes])
	if !ok || len(head.Projects) < 30 || len(head.Projects) >= len(whole.Projects) {
		t.Fatalf("ok %v, %d projects", ok, len(head.Projects))
	}
	for i, p := range head.Projects {
		w := whole.Projects[i]
		if p.Name != w.Name || p.Place() != w.Place() || !reflect.DeepEqual(p.Links, w.Links[:len(p.Links)]) {
			t.Fatalf("project %d: %+v; whole file: %+v", i, p, w)
		}
	}
	if _, ok := ParseHead("x.yml", []byte("landscape:\n  - category:\n    name: A\n")); ok {
		t.Error("a head with no item gave a view")
	}
}

// TestChatsThatAreNotSlack: slack_url holds other chats too; a Discord
// server or an IRC network is labelled by its service and is no Slack
// channel (s does not open it), while a Slack invite page stays Slack.
func TestChatsThatAreNotSlack(t *testing.T) {
	for _, tc := range []struct {
		url, channel, label string
		kind                model.Kind
	}{
		{"https://libera.chat/", "#prometheus", "#prometheus (Libera Chat)", model.KindOther},
		{"https://discord.gg/tokio", "", "Discord", model.KindOther},
		{"https://www.discord.com/invite/x", "", "Discord", model.KindOther},
		{"https://kubernetes.slack.com/messages/C01D9L7QE8Z", "#akri", "#akri", model.KindSlack},
		{"https://slack.meshery.io", "", "Slack", model.KindSlack},
		{"https://org.zulipchat.com/", "", "Zulip", model.KindOther},
	} {
		l := chatLink(tc.url, tc.channel)
		if l.Label != tc.label || l.Kind != tc.kind {
			t.Errorf("%s: %q %v; want %q %v", tc.url, l.Label, l.Kind, tc.label, tc.kind)
		}
	}
}
