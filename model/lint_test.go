package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	home := func(url string) Link { return Link{Label: "home", URL: url, Kind: KindHome, Column: ColumnProject} }
	c := &Catalog{Projects: []Project{
		{Name: "Fine", Line: 10, Goal: Text{{Text: "Do one thing"}}, Maturity: Maturity{State: "sandbox"},
			Links: []Link{home("https://a.example"), {Label: "GitHub issues", URL: "https://github.com/o/r/issues", Kind: KindIssues, Column: ColumnCommunication}}},
		{Name: "No Home", Line: 11, Maturity: Maturity{State: StateUnknown}},
		{Name: "fine", Line: 12, Goal: Text{{Text: "do one thing "}}, Maturity: Maturity{State: "experimental"},
			Links: []Link{home("http://b.example"), {Label: "GitHub issues", URL: "https://sigs.k8s.io/x/issues", Kind: KindIssues, Column: ColumnCommunication}}},
		{Name: "Bad URLs", Line: 13, Maturity: Maturity{State: "graduated"}, Links: []Link{
			home("javascript:alert(1)"),
			{Label: "empty", URL: "", Kind: KindOther, Column: ColumnCommunication},
			{Label: "broken", URL: "https://[::1", Kind: KindOther, Column: ColumnCommunication},
			{Label: "list", URL: "mailto:dev@example.org", Kind: KindMailingList, Column: ColumnCommunication},
			{Label: "no host", URL: "https:///x", Kind: KindOther, Column: ColumnCommunication},
			{Label: "#chan", URL: "ftp://shared.example", Kind: KindSlack, Column: ColumnCommunication, SharedFrom: "Fine"},
		}},
	}}
	var got []string
	for _, f := range Check(c) {
		got = append(got, fmt.Sprintf("%d %s %s", f.Line, f.Severity, f.Message))
	}
	want := []string{
		"11 error No Home has no homepage link in its Project cell",
		`12 error duplicate project name "fine" (first on line 10)`,
		`12 warning fine repeats Fine's goal (line 10): "do one thing "`,
		`12 warning fine has an unknown maturity state "experimental"`,
		`12 warning fine: link "home" uses http://; use https:// (http://b.example)`,
		`12 warning fine: "GitHub issues" does not point at a GitHub issues page: https://sigs.k8s.io/x/issues`,
		`13 error Bad URLs: link "home" has URL "javascript:alert(1)"; only http, https and mailto are allowed`,
		`13 error Bad URLs: link "empty" has an empty URL`,
		`13 error Bad URLs: link "broken" has an unparseable URL "https://[::1"`,
		`13 error Bad URLs: link "no host" has URL "https:///x" with no host`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
