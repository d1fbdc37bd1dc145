package model

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplitSimpleURL: where splitSimpleURL takes a URL, it finds the host
// and path that url.Parse does.
func FuzzSplitSimpleURL(f *testing.F) {
	for _, s := range []string{
		"https://github.com/org/repo/issues", "http://kubernetes.slack.com/archives/C1", "https://groups.google.com/forum/#!forum/x",
		"https://x.example?q=1#f", "https://x.example#%zz", "https://X.Example/A%20B", "https://user@host/", "https://host:8080/x",
		"https://[::1]/", "https:///x", "https://a b/", "HTTPS://x/", `https://x/\y`, "https://x/a;b=c,d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		host, path, ok := splitSimpleURL(raw)
		if !ok {
			return
		}
		u, err := url.Parse(raw)
		switch {
		case err != nil:
			t.Fatalf("split %q, which does not parse: %v", raw, err)
		case u.Hostname() != host || u.Path != path:
			t.Fatalf("split %q into %q and %q; url.Parse finds %q and %q", raw, host, path, u.Hostname(), u.Path)
		}
	})
}

// FuzzCheckURL: the URL rule never panics, and every URL it accepts is an
// absolute http or https URL with a host, without whitespace or control
// characters, not starting with "-".
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{
		"https://github.com/open-policy-agent/gatekeeper", "http://sigs.k8s.io/x", "javascript:alert(1)", "file:///etc/passwd",
		"ftp://x", "vscode://x", `C:\Windows\calc.exe`, `\\host\share`, "--help", "-https://x", "https://", "https://a b",
		"https://x/\x1b[2J", "HTTPS://X.EXAMPLE", "https://[::1]:80/", "https://user@host/", "//host/x", "https:x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if CheckURL(raw) != nil {
			return
		}
		u, err := url.Parse(raw)
		switch {
		case err != nil:
			t.Fatalf("accepted %q, which does not parse: %v", raw, err)
		case u.Scheme != "http" && u.Scheme != "https" && !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
			t.Fatalf("accepted %q with scheme %q", raw, u.Scheme)
		case u.Hostname() == "":
			t.Fatalf("accepted %q without a host", raw)
		case strings.HasPrefix(raw, "-"):
			t.Fatalf("accepted %q starting with -", raw)
		case strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
			t.Fatalf("accepted %q with whitespace or a control", raw)
		}
	})
}

// FuzzTypingNarrows: typing a query letter by letter, each search narrowed
// from the one before, finds what a fresh search finds, scores included.
// Narrowing is only right while a longer word matches a subset of what the
// shorter one matched, which the typo rules must keep.
func FuzzTypingNarrows(f *testing.F) {
	for _, s := range []string{"kubelte", "gaetkeeper", "vritual", "kbue", "gate keeper", "keda", "slack", "sig-net@", "Ærø", "cloudn", "ab ba"} {
		f.Add(s)
	}
	ps := []Project{
		{Name: "OPA Gatekeeper", Area: "Cloud Native Governance", Goal: Text{{Text: "Enable services to masquerade as kubelet"}},
			Maturity: Maturity{Text: "CNCF: graduated"}, Links: []Link{{Label: "sig-net@googlegroups.com", Kind: KindMailingList}}},
		{Name: "Virtual Kubelet", Area: "Kubernetes Enhancements", Goal: Text{{Text: "Integrates Ærø clouds"}},
			Maturity: Maturity{Text: "Azure: sandbox?"}, Links: []Link{{Label: "#kubernetes-users", Kind: KindSlack}}},
		{Name: "Keyvault Flexvol", Area: "Cloud Native Governance", Goal: Text{{Text: "Mount Azure Keyvault secrets into pods"}},
			Maturity: Maturity{Text: "CNCF: sandbox (pending)"}, Links: []Link{{Label: "GitHub issues", Kind: KindIssues}}},
	}
	ix := NewIndex(ps)
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) || strings.Contains(q, ":") || len(q) > 40 { // facets never narrow
			return
		}
		s := ix.NewSearcher()
		for i := range q {
			typed := q[:i+len(string([]rune(q[i:])[0]))]
			got, want := slices.Clone(s.Search(typed)), ix.Search(typed, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("typing %q: narrowed %v, fresh %v", typed, got, want)
			}
		}
	})
}
