package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

// embeddedPath is the catalog that data embeds in the binary.
var embeddedPath = filepath.Join("..", "projects.md")

// embedded returns the embedded catalog's Markdown.
func embedded() []byte {
	b, err := os.ReadFile(embeddedPath)
	if err != nil {
		panic(err)
	}
	return b
}

func mustLoad(t *testing.T, path string) *model.Catalog {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(path, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return c
}

// aboutText writes a catalog's prose back as Markdown headings and
// paragraphs, for tests to look for text in.
func aboutText(c *model.Catalog) string {
	var b strings.Builder
	for _, blk := range c.About {
		if blk.Kind == model.BlockHeading {
			b.WriteString(strings.Repeat("#", blk.Level) + " ")
		}
		for _, in := range blk.Text {
			b.WriteString(in.Text)
		}
		b.WriteString(strings.Join(blk.Lines, "\n") + "\n\n")
	}
	return b.String()
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

func link(t *testing.T, p *model.Project, kind model.Kind) model.Link {
	t.Helper()
	l, ok := p.FirstLink(kind)
	if !ok {
		t.Fatalf("%s has no %s link", p.Name, kind)
	}
	return l
}

var wantAreas = []string{
	"Kubernetes Cluster Management",
	"Kubernetes Azure Cloud Provider",
	"Container Runtime",
	"Kubernetes Enhancements",
	"Cloud Native Governance and Security",
	"Cloud Native Service Mesh",
}

func areaNames(c *model.Catalog) []string {
	var names []string
	for _, a := range c.Areas {
		names = append(names, a.Name)
	}
	return names
}

func TestCatalogCounts(t *testing.T) {
	for _, tc := range []struct {
		file          string
		projects      int
		areas         int
		firstAreaLine int
	}{
		{embeddedPath, 18, 6, 32},
		{"../../testdata/upstream-readme.md", 18, 6, 24},
		{"../../testdata/upstream-first-draft.md", 17, 6, 19},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			c := mustLoad(t, tc.file)
			if len(c.Projects) != tc.projects || len(c.Areas) != tc.areas {
				t.Errorf("got %d projects in %d areas, want %d in %d", len(c.Projects), len(c.Areas), tc.projects, tc.areas)
			}
			if c.Areas[0].Line != tc.firstAreaLine {
				t.Errorf("first area on line %d, want %d", c.Areas[0].Line, tc.firstAreaLine)
			}
			for _, p := range c.Projects {
				if p.Name == "" || p.Area == "" || p.Line == 0 {
					t.Errorf("incomplete project %+v", p)
				}
			}
		})
	}
}

func TestEmbeddedCatalog(t *testing.T) {
	c := mustLoad(t, embeddedPath)
	if got := areaNames(c); !reflect.DeepEqual(got, wantAreas) {
		t.Errorf("areas = %q", got)
	}
	if c.Title != "Container Compute Upstream Projects" {
		t.Errorf("title = %q", c.Title)
	}

	gk := project(t, c, "OPA Gatekeeper")
	if gk.Line != 50 || gk.Area != "Cloud Native Governance and Security" {
		t.Errorf("gatekeeper line %d area %q", gk.Line, gk.Area)
	}
	wantMaturity := model.Maturity{Text: "CNCF: incubating\nAPI: alpha", Org: "CNCF", State: "incubating", API: "alpha"}
	if gk.Maturity != wantMaturity {
		t.Errorf("maturity = %+v", gk.Maturity)
	}
	wantLinks := []model.Link{
		{Label: "OPA Gatekeeper", URL: "https://github.com/open-policy-agent/gatekeeper", Kind: model.KindHome, Column: model.ColumnProject},
		{Label: "#kubernetes-policy", URL: "https://openpolicyagent.slack.com/archives/CDTN970AX", Kind: model.KindSlack, Column: model.ColumnCommunication},
		{Label: "GitHub issues", URL: "https://github.com/open-policy-agent/gatekeeper/issues", Kind: model.KindIssues, Column: model.ColumnCommunication},
		{Label: "Azure Policy for AKS", URL: "https://docs.microsoft.com/en-us/azure/governance/policy/concepts/rego-for-aks", Kind: model.KindDocs, Column: model.ColumnAzure},
		{Label: "Azure Policy for AKS Engine", URL: "https://docs.microsoft.com/en-us/azure/governance/policy/concepts/aks-engine", Kind: model.KindDocs, Column: model.ColumnAzure},
	}
	if !reflect.DeepEqual(gk.Links, wantLinks) {
		t.Errorf("gatekeeper links:\n got %+v\nwant %+v", gk.Links, wantLinks)
	}

	// "same slack and email" borrows In-tree (legacy)'s channel and list.
	for _, name := range []string{"Out-of-tree (new)", "Azure Disk CSI Driver", "Azure File CSI Driver", "Azure Blobfuse CSI Driver"} {
		p := project(t, c, name)
		slack, mail := link(t, p, model.KindSlack), link(t, p, model.KindMailingList)
		if slack.URL != "https://kubernetes.slack.com/archives/C5HJXTT9Q" || slack.Label != "#provider-azure" {
			t.Errorf("%s slack = %+v", name, slack)
		}
		if mail.URL != "https://groups.google.com/forum/#!forum/kubernetes-provider-azure" {
			t.Errorf("%s mailing list = %+v", name, mail)
		}
		if slack.SharedFrom != "In-tree (legacy)" || mail.SharedFrom != "In-tree (legacy)" {
			t.Errorf("%s shares from %q and %q", name, slack.SharedFrom, mail.SharedFrom)
		}
		if len(p.Notes) != 0 {
			t.Errorf("%s notes = %q", name, p.Notes)
		}
	}
	intree := project(t, c, "In-tree (legacy)")
	if link(t, intree, model.KindSlack).SharedFrom != "" {
		t.Error("In-tree (legacy)'s own Slack link is marked shared")
	}

	if got := project(t, c, "Moby").Notes; !reflect.DeepEqual(got, []string{"many more"}) {
		t.Errorf("Moby notes = %q", got)
	}
	if got := link(t, project(t, c, "Moby"), model.KindForum).URL; got != "https://forums.mobyproject.org/" {
		t.Errorf("Moby forum = %q", got)
	}
	blob := project(t, c, "Azure Blobfuse CSI Driver")
	if blob.Goal.Plain() != "Enable use of azure-storage-fuse" || blob.Goal[1].URL != "https://github.com/Azure/azure-storage-fuse" {
		t.Errorf("blobfuse goal = %+v", blob.Goal)
	}
	sscsi := project(t, c, "Secrets Store CSI Driver").Maturity
	if sscsi.State != "sandbox" || !sscsi.Tentative {
		t.Errorf("secrets store maturity = %+v", sscsi)
	}
	if m := project(t, c, "AAD Pod Identity").Maturity; m.State != "incubating" || m.Org != "Azure" {
		t.Errorf("AAD maturity = %+v", m)
	}
	if m := project(t, c, "Moby").Maturity; m.State != model.StateUnknown {
		t.Errorf("Moby maturity = %+v", m)
	}
	for _, want := range []string{"## Maturity", "## Support", "To make a correction to this list"} {
		if !strings.Contains(aboutText(c), want) {
			t.Errorf("About lacks %q", want)
		}
	}
	if strings.Contains(aboutText(c), "| Project Area |") {
		t.Error("About holds the table")
	}
}

func TestUpstreamReadme(t *testing.T) {
	c := mustLoad(t, "../../testdata/upstream-readme.md")
	if got := areaNames(c); len(got) != 6 || got[0] != wantAreas[0] {
		t.Errorf("areas = %q", got)
	}
	aks := project(t, c, "AKS Engine")
	if l := link(t, aks, model.KindReleases); l.URL != "https://github.com/Azure/aks-engine/releases" || l.Column != model.ColumnProject {
		t.Errorf("AKS Engine releases = %+v", l)
	}
	if n := len(aks.Links); n != 6 {
		t.Errorf("AKS Engine has %d links, want 6: %+v", n, aks.Links)
	}
	if l := link(t, project(t, c, "Cluster API Azure Provider"), model.KindTests); l.URL != "https://testgrid.k8s.io/sig-cluster-lifecycle-cluster-api-provider-azure" {
		t.Errorf("CAPZ tests = %+v", l)
	}
	if l := link(t, project(t, c, "AAD Pod Identity"), model.KindBoard); l.URL != "https://github.com/Azure/aad-pod-identity/projects/3" {
		t.Errorf("AAD board = %+v", l)
	}
	gk := project(t, c, "OPA Gatekeeper")
	if !reflect.DeepEqual(gk.Notes, []string{"Azure Policy for Azure Arc connected clusters"}) {
		t.Errorf("gatekeeper notes = %q", gk.Notes)
	}
	if gk.Maturity.API != "v1alpha1 and v1beta1" {
		t.Errorf("gatekeeper API = %q", gk.Maturity.API)
	}
	smi := project(t, c, "Service Mesh Interface (SMI) Spec")
	if smi.Maturity.State != "sandbox" || !strings.HasPrefix(smi.Maturity.API, "Traffic Split v1alpha3") {
		t.Errorf("SMI maturity = %+v", smi.Maturity)
	}
	if l := link(t, project(t, c, "Azure Disk CSI Driver"), model.KindSlack); l.SharedFrom != "In-tree (legacy)" {
		t.Errorf("disk slack = %+v", l)
	}
	if m := project(t, c, "Out-of-tree Provider").Maturity; m.State != model.StateUnknown || m.API != "alpha" {
		t.Errorf("out-of-tree maturity = %+v", m)
	}
	if about := aboutText(c); !strings.Contains(about, "# Contributing") || !strings.Contains(about, "## Maturity") {
		t.Errorf("About = %.200q", about)
	}
}

// TestUpstreamReadmeReadFaithfully: what the later README's cells say is
// read as they say it. A state "pending" is tentative, as "sandbox?" is; a
// link inside a goal or a maturity is kept apart from the project's own
// links, with its column, in the detail's group of mentioned links; a
// label is kept as written, its kind beside it, so that the detail can
// leave out what the label says already.
func TestUpstreamReadmeReadFaithfully(t *testing.T) {
	c := mustLoad(t, "../../testdata/upstream-readme.md")

	smi := project(t, c, "Service Mesh Interface (SMI) Spec")
	if m := smi.Maturity; m.Org != "CNCF" || m.State != "sandbox" || !m.Tentative || m.Short() != "CNCF sandbox?" {
		t.Errorf("SMI maturity = %+v, want a tentative CNCF sandbox", m)
	}

	for _, tc := range []struct {
		project, label, url string
		column              model.Column
	}{
		{"Service Mesh Interface (SMI) Spec", "pending", "https://github.com/cncf/toc/pull/336", model.ColumnMaturity},
		{"Azure Blobfuse CSI Driver", "azure-storage-fuse", "https://github.com/Azure/azure-storage-fuse", model.ColumnGoal},
		{"Secrets Store CSI Driver", "Container Storage Interface (CSI)", "https://kubernetes-csi.github.io/docs/", model.ColumnGoal},
	} {
		p := project(t, c, tc.project)
		var found bool
		for _, l := range p.Links {
			if l.URL != tc.url {
				continue
			}
			found = true
			if l.Label != tc.label || l.Column != tc.column || l.Kind != model.KindOther {
				t.Errorf("%s: %+v, want %q in column %s", tc.project, l, tc.label, tc.column)
			}
			if g := model.DetailGroup(l.Column); g != model.GroupMentioned {
				t.Errorf("%s: %q is shown in group %d, want the mentioned links", tc.project, l.Label, g)
			}
		}
		if !found {
			t.Errorf("%s: no link to %s in %+v", tc.project, tc.url, p.Links)
		}
		for _, l := range model.NumberedLinks(p)[:1] {
			if l.Kind != model.KindHome {
				t.Errorf("%s: link 1 is %+v, not the homepage", tc.project, l)
			}
		}
	}

	for _, tc := range []struct {
		project, label string
		kind           model.Kind
	}{
		{"AKS Engine", "AKS Engine", model.KindHome},
		{"AKS Engine", "releases", model.KindReleases},
		{"Windows containers", "kubernetes releases", model.KindReleases},
		{"Windows containers", "Tests", model.KindTests},
		{"Secrets Store CSI Driver", "Builds", model.KindTests},
		{"Moby", "Moby Forums", model.KindForum},
		{"AAD Pod Identity", "GitHub Project", model.KindBoard},
	} {
		if l := link(t, project(t, c, tc.project), tc.kind); l.Label != tc.label {
			t.Errorf("%s: %s link labelled %q, want %q", tc.project, tc.kind, l.Label, tc.label)
		}
	}
}

func TestUpstreamFirstDraft(t *testing.T) {
	c := mustLoad(t, "../../testdata/upstream-first-draft.md")
	if got := areaNames(c)[2]; got != "Container Runtimes" {
		t.Errorf("third area = %q", got)
	}
	cd := project(t, c, "Containerd")
	if len(cd.Links) != 0 || cd.Maturity.Org != "Containerd" || cd.Maturity.State != model.StateUnknown {
		t.Errorf("containerd = %+v", cd)
	}
	if l := link(t, project(t, c, "Azure File CSI Driver"), model.KindMailingList); l.SharedFrom != "In-tree (legacy)" {
		t.Errorf("file mailing list = %+v", l)
	}
	project(t, c, "Flexvol Keyvault")
}

// variants rewrite the embedded catalog in the other ways GFM allows; each
// must give the same projects and links.
var variants = map[string]func(string) string{
	"crlf": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
	"no outer pipes": func(s string) string {
		return mapTableLines(s, func(cells []string) []string { return cells })
	},
	"alignment colons": func(s string) string {
		return strings.Replace(s, "|---|---|---|---|---|---|", "|:---|:---:|---:|:--|--|:-:|", 1)
	},
	"table before": func(s string) string {
		return strings.Replace(s, "## Project list", "| Name | Value |\n|---|---|\n| Project | x |\n\n## Project list", 1)
	},
	"reordered columns": func(s string) string {
		return mapTableLines(s, func(c []string) []string {
			// Communication, Goal, Project Area, Use on Azure, Maturity, Project
			return []string{c[4], c[2], c[0], c[5], c[3], c[1]}
		})
	},
	"html breaks and lists": func(s string) string {
		s = strings.ReplaceAll(s, " <br> ", "<br/>")
		return strings.Replace(s,
			"[Azure Kubernetes Service](https://docs.microsoft.com/en-us/azure/aks/)<br/>[Azure Stack Hub](https://docs.microsoft.com/en-us/azure-stack/user/azure-stack-kubernetes-aks-engine-overview) |",
			"<ul><li>[Azure Kubernetes Service](https://docs.microsoft.com/en-us/azure/aks/)</li><li>[Azure Stack Hub](https://docs.microsoft.com/en-us/azure-stack/user/azure-stack-kubernetes-aks-engine-overview)</li></ul> |", 1)
	},
}

// mapTableLines rewrites the table rows of the catalog as rows without
// outer pipes, with their cells passed through f (the delimiter row too).
func mapTableLines(s string, f func([]string) []string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), "|")
		for len(cells) < 6 {
			cells = append(cells, " ")
		}
		lines[i] = strings.Join(f(cells[:6]), "|")
	}
	return strings.Join(lines, "\n")
}

func TestVariantsReadTheSame(t *testing.T) {
	want := mustLoad(t, embeddedPath)
	for name, rewrite := range variants {
		t.Run(name, func(t *testing.T) {
			src := rewrite(string(embedded()))
			if src == string(embedded()) {
				t.Fatal("the rewrite changed nothing")
			}
			got, err := Parse(name, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(areaNames(got), areaNames(want)) || len(got.Projects) != len(want.Projects) {
				t.Fatalf("areas %q, %d projects", areaNames(got), len(got.Projects))
			}
			for i := range want.Projects {
				w, g := want.Projects[i], got.Projects[i]
				if w.Name != g.Name || w.Goal.Plain() != g.Goal.Plain() || w.Maturity != g.Maturity ||
					!reflect.DeepEqual(w.Links, g.Links) || !reflect.DeepEqual(w.Notes, g.Notes) {
					t.Errorf("project %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestEscapesAndEntities(t *testing.T) {
	src := "| Project Area | Project | Goal |\n|---|---|---|\n| A &amp; B | | |\n| | [x\\|y](https://example.com/a\\_b) | one \\| two &lt;ok&gt; `code` |\n"
	c, err := Parse("escapes.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Projects[0]
	if p.Area != "A & B" || p.Name != "x|y" || p.Goal.Plain() != "one | two <ok> code" {
		t.Errorf("got area %q name %q goal %q", p.Area, p.Name, p.Goal.Plain())
	}
	if p.Links[0].URL != "https://example.com/a_b" {
		t.Errorf("url = %q", p.Links[0].URL)
	}
}

func TestSharedWithoutDonor(t *testing.T) {
	src := "| Project Area | Project | Communication |\n|---|---|---|\n| A | | |\n| | [P](https://p.example) | same slack and email |\n"
	c, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Projects[0]; len(p.Links) != 1 || !reflect.DeepEqual(p.Notes, []string{"same slack and email"}) {
		t.Errorf("got %+v", p)
	}
}

func TestNormaliseTables(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"| a | b |\n|---|---|---|\n", "| a | b |\n|---|---|\n"},
		{"a | b | c\n--|--\n", "a | b | c\n|---|---|---|\n"},
		{"| a \\| b | c |\n|---|---|---|\n", "| a \\| b | c |\n|---|---|\n"},
		{"| a | b |\n|---|---|\n", "| a | b |\n|---|---|\n"},
		{"Title\n---\n", "Title\n---\n"},
		// No outer pipes: a row with an empty first cell keeps it.
		{"a | b | c\n--|--|--\n | x | y\nz | | \n\n | w\n", "a | b | c\n--|--|--\n| | x | y\nz | | \n\n | w\n"},
		// Outer pipes: a leading pipe is only a pipe.
		{"| a | b |\n|--|--|\n | x |\n", "| a | b |\n|--|--|\n | x |\n"},
	} {
		if got, _ := normaliseTables([]byte(tc.in), new(atomic.Int64)); string(got) != tc.want {
			t.Errorf("normaliseTables(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestChunkedRows reads a table longer than several chunks: every row in
// order with its line, areas and shared links across chunk boundaries, and
// reference links defined outside the table.
func TestChunkedRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Big\n\n| Project Area | Project | Communication |\n|---|---|---|\n| First |  |  |\n")
	n := 3*chunkRows + 7
	for i := range n {
		if i == 2*chunkRows {
			b.WriteString("| Second |  |  |\n")
		}
		switch {
		case i == 0 || i == 2*chunkRows:
			fmt.Fprintf(&b, "|  | [P%d][home] | [#c%d](https://s.slack.com/archives/C%d) |\n", i, i, i)
		default:
			fmt.Fprintf(&b, "|  | [P%d](https://p.example/%d) | same slack and email |\n", i, i)
		}
	}
	b.WriteString("\n[home]: https://home.example/\n")
	c, err := Parse("big.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Projects) != n || len(c.Areas) != 2 {
		t.Fatalf("%d projects in %d areas", len(c.Projects), len(c.Areas))
	}
	for i, p := range c.Projects {
		wantLine := 6 + i
		if i >= 2*chunkRows {
			wantLine++ // the second area's row
		}
		if p.Name != fmt.Sprintf("P%d", i) || p.Line != wantLine {
			t.Fatalf("project %d is %q on line %d, want line %d", i, p.Name, p.Line, wantLine)
		}
		wantArea, donor := "First", "P0"
		if i >= 2*chunkRows {
			wantArea, donor = "Second", fmt.Sprintf("P%d", 2*chunkRows)
		}
		slack, ok := p.FirstLink(model.KindSlack)
		if p.Area != wantArea || !ok || (slack.SharedFrom != donor && p.Name != donor) {
			t.Fatalf("project %d: area %q, slack %+v", i, p.Area, slack)
		}
	}
	if home, _ := c.Projects[0].Homepage(); home.URL != "https://home.example/" {
		t.Errorf("reference link: %+v", home)
	}
}
