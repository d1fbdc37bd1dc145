package model

import "testing"

func TestParseMaturity(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  Maturity
	}{
		{[]string{"CNCF: incubating"}, Maturity{Text: "CNCF: incubating", Org: "CNCF", State: "incubating"}},
		{[]string{"CNCF: incubating", "API: alpha"}, Maturity{Text: "CNCF: incubating\nAPI: alpha", Org: "CNCF", State: "incubating", API: "alpha"}},
		{[]string{"Azure: incubation"}, Maturity{Text: "Azure: incubation", Org: "Azure", State: "incubating"}},
		{[]string{"CNCF: sandbox?"}, Maturity{Text: "CNCF: sandbox?", Org: "CNCF", State: "sandbox", Tentative: true}},
		{[]string{"CNCF: ??"}, Maturity{Text: "CNCF: ??", Org: "CNCF", State: StateUnknown}},
		{[]string{"CNCF: N/A", "API: N/A"}, Maturity{Text: "CNCF: N/A\nAPI: N/A", Org: "CNCF", State: StateUnknown}},
		{[]string{"Moby: ??"}, Maturity{Text: "Moby: ??", Org: "Moby", State: StateUnknown}},
		{[]string{"K8s API: stable"}, Maturity{Text: "K8s API: stable", Org: "K8s API", State: "stable"}},
		{[]string{"CNCF: stable", "Feature: alpha"}, Maturity{Text: "CNCF: stable\nFeature: alpha", Org: "CNCF", State: "stable", API: "alpha"}},
		{[]string{"CNCF: sandbox (pending)"}, Maturity{Text: "CNCF: sandbox (pending)", Org: "CNCF", State: "sandbox", Tentative: true}},
		{[]string{"CNCF: sandbox (proposed)"}, Maturity{Text: "CNCF: sandbox (proposed)", Org: "CNCF", State: "sandbox", Tentative: true}},
		{[]string{"CNCF: incubating (since 2019)"}, Maturity{Text: "CNCF: incubating (since 2019)", Org: "CNCF", State: "incubating"}},
		{[]string{"Graduated"}, Maturity{Text: "Graduated", State: "graduated"}},
		{[]string{"Azure: experimental"}, Maturity{Text: "Azure: experimental", Org: "Azure", State: "experimental"}},
		{nil, Maturity{State: StateUnknown}},
		{[]string{"  ", ""}, Maturity{State: StateUnknown}},
	} {
		if got := ParseMaturity(tc.lines); got != tc.want {
			t.Errorf("ParseMaturity(%q) = %+v, want %+v", tc.lines, got, tc.want)
		}
	}
	if KnownState("experimental") || !KnownState("incubating") || !KnownState(StateUnknown) {
		t.Error("KnownState is wrong")
	}
}
