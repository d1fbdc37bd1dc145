package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui/render"
)

// osc8 matches a hyperlink: its URL and its text.
var osc8 = regexp.MustCompile("\x1b\\]8;;([^\x07\x1b]*)\x07(.*?)\x1b\\]8;;\x07")

// TestHyperlinks: each numbered link's label is a hyperlink to its URL,
// the screen text is unchanged, and a refused link is not clickable.
func TestHyperlinks(t *testing.T) {
	for _, width := range []int{40, 80, 120} {
		m, _ := newTestModel(t, 160, 40, Options{Hyperlinks: true, Query: "gatekeeper"})
		plain, _ := newTestModel(t, 160, 40, Options{Query: "gatekeeper"})
		p, _, _ := m.view.selectedProject()
		k := detailKey{width: width}
		got := m.view.renderer.renderDetail(p, model.NumberedLinks(p), k)
		if ansi.Strip(got) != ansi.Strip(plain.view.renderer.renderDetail(p, nil, k)) {
			t.Errorf("%d: hyperlinks changed the text", width)
		}
		var links []string
		for _, sm := range osc8.FindAllStringSubmatch(got, -1) {
			links = append(links, ansi.Strip(sm[2])+" -> "+sm[1])
		}
		want := []string{
			"homepage -> https://github.com/open-policy-agent/gatekeeper", // the name is the detail's title
			"#kubernetes-policy -> https://openpolicyagent.slack.com/archives/CDTN970AX",
			"GitHub issues -> https://github.com/open-policy-agent/gatekeeper/issues",
			"Azure Policy for AKS -> https://docs.microsoft.com/en-us/azure/governance/policy/concepts/rego-for-aks",
			"Azure Policy for AKS Engine -> https://docs.microsoft.com/en-us/azure/governance/policy/concepts/aks-engine",
		}
		if strings.Join(links, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d: links\n%s\nwant\n%s", width, strings.Join(links, "\n"), strings.Join(want, "\n"))
		}
	}
	evil := &model.Project{Name: "Evil", Links: []model.Link{
		{Label: "home", URL: "javascript:alert(1)", Kind: model.KindHome, Column: model.ColumnProject},
		{Label: "chat", URL: "https://example.com/chat", Kind: model.KindSlack, Column: model.ColumnCommunication},
	}}
	got := newDetailRenderer(render.New("dark", false), true).renderDetail(evil, model.NumberedLinks(evil), detailKey{width: 80})
	ms := osc8.FindAllStringSubmatch(got, -1)
	if len(ms) != 1 || ms[0][1] != "https://example.com/chat" || strings.Contains(got, "javascript") && strings.Contains(got, "8;;javascript") {
		t.Errorf("links %q", ms)
	}
}
