package ui

import (
	stdhtml "html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

// TestEscapeMarkdown renders catalog-like text through glamour and checks
// that it comes out exactly as written, with no hyperlink made of it.
func TestEscapeForGlamour(t *testing.T) {
	r := newDetailRenderer(render.New("dark", false), false)
	var punct strings.Builder
	for c := rune(0x21); c < 0x7f; c++ {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			punct.WriteRune(c)
		}
	}
	for _, in := range []string{
		punct.String(),
		"> > > > quoted",
		"# not a heading #",
		"<ul><li>not a list</li></ul>",
		"- not a bullet",
		"1. not a number",
		"**not bold** _not em_ ~~not struck~~ `not code`",
		"[not a link](https://example.com) www.example.com a@b.example https://example.com/x ftp://x",
		"AT&amp;T &copy; \\* \\",
		"| not | a | table |",
	} {
		out := r.markdown(escapeForGlamour(in), 200)
		if got := strings.TrimSpace(ansi.Strip(out)); got != in {
			t.Errorf("escapeForGlamour(%q) renders as %q", in, got)
		}
		if strings.Contains(out, "\x1b]8;") {
			t.Errorf("escapeForGlamour(%q) renders a hyperlink", in)
		}
	}
}

// TestEscapeMarkdownForReaders renders escaped text with goldmark, as another Markdown
// reader would, and checks that it reads back as written.
func TestEscapeMarkdownForReaders(t *testing.T) {
	for _, in := range []string{
		"K8s native Open Policy Agent policy enforcement",
		"In-tree (legacy)",
		"- not a bullet", "+ nor this", "1. not a number", "12) nor this", "> not a quote", "# not a heading #",
		"**not bold** _not em_ ~~not struck~~ `not code` <b>not html</b> [not](a link) a|b AT&amp;T \\* \\",
		"=== not an underline",
	} {
		var html strings.Builder
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(EscapeMarkdown(in)), &html); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(html.String()), "<p>"), "</p>")
		if got = stdhtml.UnescapeString(got); got != in {
			t.Errorf("EscapeMarkdown(%q) = %q reads as %q", in, EscapeMarkdown(in), got)
		}
	}
}

// TestLinkLabels: the detail does not say a link's kind when its label
// says it already, and labels the homepage "homepage" when its label is
// the project's name, the detail's title; other labels are the catalog's.
func TestLinkLabels(t *testing.T) {
	readme, err := data.LoadFile(filepath.Join("..", "testdata", "upstream-readme.md"))
	if err != nil {
		t.Fatal(err)
	}
	embedded := testCatalog(t)
	for _, tc := range []struct {
		cat     *model.Catalog
		project string
		want    []string // lines of the detail
		not     []string // parts of it
	}{
		{readme, "AKS Engine", []string{
			"- **1** [homepage](<https://github.com/Azure/aks-engine>)",
			"- **2** [releases](<https://github.com/Azure/aks-engine/releases>)",
			"- **4** [GitHub issues](<https://github.com/Azure/aks-engine/issues>)",
		}, []string{"(releases)", "(homepage)", "(issues)"}},
		{embedded, "Out-of-tree (new)", []string{"- **1** [homepage](<https://sigs.k8s.io/cloud-provider-azure>)"}, []string{"(new) (homepage)", "*(homepage)*"}},
		{readme, "Windows containers", []string{
			"- **2** [kubernetes releases](<https://github.com/kubernetes/kubernetes/releases>)",
			"- **3** [Tests](<https://testgrid.k8s.io/sig-windows#aks-engine-azure-1-17-windows>)",
			"- **5** [kubernetes-sig-windows@googlegroups.com](<https://groups.google.com/forum/#!forum/kubernetes-sig-windows>) *(mailing list)*",
			"- **6** [Windows Community Forum](<https://discuss.kubernetes.io/c/general-discussions/windows>)",
		}, nil},
		{readme, "Secrets Store CSI Driver", []string{"- **3** [Builds](<https://testgrid.k8s.io/sig-auth-secrets-store-csi-driver#secrets-store-csi-driver-e2e-vault-postsubmit>) *(tests)*"}, nil},
		{readme, "AAD Pod Identity", []string{"- **4** [GitHub Project](<https://github.com/Azure/aad-pod-identity/projects/3>) *(board)*"}, nil},
		{readme, "Moby", []string{"- **4** [Moby Forums](<https://forums.mobyproject.org/>)"}, nil},
	} {
		p := findProject(t, tc.cat, tc.project)
		md := DetailMarkdown(p, nil)
		lines := strings.Split(md, "\n")
		for _, want := range tc.want {
			if !slices.Contains(lines, want) {
				t.Errorf("%s: no line %q in\n%s", tc.project, want, md)
			}
		}
		for _, not := range tc.not {
			if strings.Contains(md, not) {
				t.Errorf("%s: %q in\n%s", tc.project, not, md)
			}
		}
	}

	// A homepage labelled otherwise than the project keeps its label.
	p := &model.Project{Name: "Tool", Links: []model.Link{{Label: "Tool on GitHub", URL: "https://github.com/o/tool", Kind: model.KindHome, Column: model.ColumnProject}}}
	if md := DetailMarkdown(p, nil); !strings.Contains(md, "- **1** [Tool on GitHub](<https://github.com/o/tool>) *(homepage)*") {
		t.Errorf("homepage with a label of its own:\n%s", md)
	}

	// No label of any known catalog is followed by its own kind.
	item := regexp.MustCompile(`\[(.*)\]\(<[^>]*>\) \*\(([^,)]*)`)
	for _, c := range []*model.Catalog{embedded, readme} {
		for i := range c.Projects {
			for _, m := range item.FindAllStringSubmatch(DetailMarkdown(&c.Projects[i], nil), -1) {
				if strings.Contains(strings.ToLower(m[1]), strings.ToLower(m[2])) {
					t.Errorf("%s: %q beside its kind %q", c.Projects[i].Name, m[1], m[2])
				}
			}
		}
	}
}

func findProject(t *testing.T, c *model.Catalog, name string) *model.Project {
	t.Helper()
	for i := range c.Projects {
		if c.Projects[i].Name == name {
			return &c.Projects[i]
		}
	}
	t.Fatalf("no project %q", name)
	return nil
}
