package model

import (
	"strings"
	"testing"
)

func TestClassifyLink(t *testing.T) {
	for _, tc := range []struct {
		col        Column
		first      bool
		label, url string
		want       Kind
	}{
		{ColumnProject, true, "AKS Engine", "https://github.com/Azure/aks-engine", KindHome},
		{ColumnProject, false, "releases", "https://github.com/Azure/aks-engine/releases", KindReleases},
		{ColumnProject, false, "Tests", "https://testgrid.k8s.io/x", KindTests},
		{ColumnProject, false, "Builds", "https://testgrid.k8s.io/y", KindTests},
		{ColumnCommunication, false, "#provider-azure", "https://kubernetes.slack.com/archives/C5HJXTT9Q", KindSlack},
		{ColumnCommunication, false, "kubernetes-sig-windows@googlegroups.com", "https://groups.google.com/forum/#!forum/kubernetes-sig-windows", KindMailingList},
		{ColumnCommunication, false, "dev list", "mailto:dev@example.org", KindMailingList},
		{ColumnCommunication, false, "GitHub issues", "https://github.com/kubernetes/kubernetes/labels/area%2Fipv6", KindIssues},
		{ColumnCommunication, false, "Tracker", "https://github.com/moby/moby/issues", KindIssues},
		{ColumnCommunication, false, "Moby Forums", "https://forums.mobyproject.org/", KindForum},
		{ColumnCommunication, false, "Windows Community Forum", "https://discuss.kubernetes.io/c/general-discussions/windows", KindForum},
		{ColumnCommunication, false, "GitHub Project", "https://github.com/Azure/aad-pod-identity/projects/3", KindBoard},
		{ColumnCommunication, false, "Website", "https://example.org", KindOther},
		{ColumnAzure, false, "Use with AKS", "https://docs.microsoft.com/x", KindDocs},
		{ColumnGoal, false, "CSI", "https://kubernetes-csi.github.io/docs/", KindOther},
	} {
		if got := ClassifyLink(tc.col, tc.first, tc.label, tc.url); got != tc.want {
			t.Errorf("ClassifyLink(%s, %v, %q, %q) = %s, want %s", tc.col, tc.first, tc.label, tc.url, got, tc.want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	for _, ok := range []string{
		"https://github.com/open-policy-agent/gatekeeper",
		"http://sigs.k8s.io/secrets-store-csi-driver",
		"https://groups.google.com/forum/#!forum/kubernetes-provider-azure",
		"HTTPS://EXAMPLE.COM/",
	} {
		if err := CheckURL(ok); err != nil {
			t.Errorf("CheckURL(%q) = %v", ok, err)
		}
	}
	for _, tc := range []struct{ url, why string }{
		{"", "empty"},
		{"javascript:alert(1)", `scheme "javascript"`},
		{"file:///etc/passwd", `scheme "file"`},
		{"ftp://example.com/x", `scheme "ftp"`},
		{"vscode://x", `scheme "vscode"`},
		{"mailto:dev@example.org", `scheme "mailto"`},
		{`C:\Windows\system32\calc.exe`, "scheme"},
		{`\\host\share`, "not an absolute"},
		{"--help", "start with '-'"},
		{"-https://x.example", "start with '-'"},
		{"https://", "no host"},
		{"https:///path", "no host"},
		{"https://example.com/a b", "whitespace"},
		{"https://example.com/\x1b[2J", "control"},
		{"https://example.com/\u009b", "control"},
		{"//example.com/x", "not an absolute"},
	} {
		err := CheckURL(tc.url)
		if err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("CheckURL(%q) = %v, want an error saying %q", tc.url, err, tc.why)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 projects", 1: "1 project", 2: "2 projects"} {
		if got := Count(n, "project"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
