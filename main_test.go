package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// result is what one run of the command line gave.
type result struct {
	status         int
	stdout, stderr string
	opened         []string
}

// execute runs the real command tree with the real wiring, except that
// links go to a recording opener (failing with openErr when set).
func execute(t *testing.T, openErr error, args ...string) result {
	t.Helper()
	return executeWith(t, openErr, nil, args...)
}

// executeWith is execute with the wiring changed by change first (a fake
// terminal, a theme), when it is not nil.
func executeWith(t *testing.T, openErr error, change func(*cli.Deps), args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	var r result
	d := deps(&stdout, &stderr)
	d.Opener = func(url string) error {
		r.opened = append(r.opened, url)
		return openErr
	}
	if change != nil {
		change(&d)
	}
	r.status = cli.Run(args, d)
	r.stdout, r.stderr = stdout.String(), stderr.String()
	return r
}

var (
	readme     = filepath.Join("testdata", "upstream-readme.md")
	firstDraft = filepath.Join("testdata", "upstream-first-draft.md")
)

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	junk := write("junk.md", "\x00\x01binary")
	prose := write("prose.md", "# Nothing here\n")
	oneOfEach := write("one-of-each.md", "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n| **Runtime** | | | | | |\n"+
		"| | [Moby](https://github.com/moby/moby) | Toolkit | CNCF: graduated | | |\n| | [Moby](https://example.com/m) | Other | CNCF: graduated | | |\n| lonely |\n")
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout string // a part of standard output
		stderr string // all of standard error
		opened []string
	}{
		{name: "help", args: []string{"--help"}, stdout: "Usage:\n  upstream-tui [QUERY] [flags]\n  upstream-tui [command]"},
		{name: "browser needs a terminal", status: 2, stderr: "upstream-tui: the interactive browser needs a terminal; standard output is not one (try 'upstream-tui list')\n"},
		{name: "unknown flag", args: []string{"--bogus"}, status: 2, stderr: "upstream-tui: unknown flag: --bogus\n"},
		{name: "mistyped command", args: []string{"lsit"}, status: 2, stderr: "upstream-tui: unknown command \"lsit\". Did you mean \"lint\" or \"list\"? (to search for it: upstream-tui -- lsit)\n"},
		{name: "mistyped command and a name", args: []string{"shwo", "gatekeeper"}, status: 2, stderr: "upstream-tui: unknown command \"shwo\". Did you mean \"show\"? (to search for it: upstream-tui -- shwo)\n"},
		{name: "mistyped command with controls", args: []string{"l\x1bst"}, status: 2, stderr: "upstream-tui: unknown command \"l\\x1bst\". Did you mean \"lint\" or \"list\"? (to search for it: put -- before it)\n"},
		{name: "completion for no such shell", args: []string{"completion", "tcsh"}, status: 2, stderr: "upstream-tui: no completion for the shell \"tcsh\"; use bash, fish, powershell or zsh\n"},
		{name: "unknown area", args: []string{"--area", "nowhere"}, status: 2},
		{name: "binary catalog", args: []string{"--catalog", junk}, status: 1, stderr: "upstream-tui: " + junk + ":1: not a Markdown catalog (binary data)\n"},
		{name: "no table", args: []string{"list", "--catalog", prose}, status: 1, stderr: "upstream-tui: " + prose + ": no project table (a table with \"Project Area\" and \"Project\" columns)\n"},
		{name: "missing file", args: []string{"show", "moby", "--catalog", filepath.Join(dir, "nope.md")}, status: 1, stderr: "upstream-tui: " + filepath.Join(dir, "nope.md") + ": no such file\n"},

		{name: "list", args: []string{"list"}, stdout: "NAME                                                  AREA                                  MATURITY          GOAL\nAKS Engine                                            Kubernetes Cluster Management         Azure incubating  Self-managed clusters on Azure\n"},
		{name: "list ranks", args: []string{"list", "csi", "-o", "tsv"}, stdout: "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\nAzure Disk CSI Driver\tKubernetes Azure Cloud Provider\tCNCF unknown\tEnable use of Azure disk volume\thttps://sigs.k8s.io/azuredisk-csi-driver\n"},
		{name: "list area", args: []string{"list", "--area", "runtime", "-o", "tsv"}, stdout: "HOMEPAGE\nMoby\t"},
		{name: "list area all", args: []string{"list", "--area", "All", "gatek", "-o", "tsv"}, stdout: "HOMEPAGE\nOPA Gatekeeper\t"},
		{name: "list markdown", args: []string{"list", "gatekeeper", "-o", "markdown"}, stdout: "| Project Area | Project | Goal | Maturity | Communication | Use on Azure |\n|---|---|---|---|---|---|\n" +
			"| Cloud Native Governance and Security | [OPA Gatekeeper](https://github.com/open-policy-agent/gatekeeper) | K8s native Open Policy Agent policy enforcement | CNCF: incubating <br> API: alpha | [\\#kubernetes-policy](https://openpolicyagent.slack.com/archives/CDTN970AX) <br> [GitHub issues](https://github.com/open-policy-agent/gatekeeper/issues) | [Azure Policy for AKS](https://docs.microsoft.com/en-us/azure/governance/policy/concepts/rego-for-aks) <br> [Azure Policy for AKS Engine](https://docs.microsoft.com/en-us/azure/governance/policy/concepts/aks-engine) |\n"},
		{name: "list format in capitals", args: []string{"list", "gatekeeper", "-o", "JSON"}, stdout: "[\n  {\n    \"name\": \"OPA Gatekeeper\","},
		{name: "show format in capitals", args: []string{"show", "gatekeeper", "-o", "Json"}, stdout: "{\n  \"name\": \"OPA Gatekeeper\","},
		{name: "list bad format", args: []string{"list", "-o", "yaml"}, status: 2, stderr: "upstream-tui: unknown output format \"yaml\"; use one of table, json, tsv, markdown\n"},
		{name: "list nothing", args: []string{"list", "zzzqqq", "-o", "json"}, stdout: "[]\n"},
		{name: "list facets", args: []string{"list", "state:graduated", "has:slack", "-o", "tsv"}, stdout: "NAME\tAREA\tMATURITY\tGOAL\tHOMEPAGE\nIn-tree (legacy)\t"},
		{name: "list facets and words", args: []string{"list", "org:cncf", "state:incubating", "gate", "-o", "tsv"}, stdout: "HOMEPAGE\nOPA Gatekeeper\t"},
		{name: "list negated facet", args: []string{"list", "-o", "tsv", "--", "-has:slack", "org:azure"}, stdout: "HOMEPAGE\nAAD Pod Identity\t"},
		{name: "list unknown facet", args: []string{"list", "colour:red"}, status: 2, stderr: "upstream-tui: colour:red: unknown filter; use area:, org:, state:, has: or is: (-has:slack leaves out)\n"},
		{name: "list negated facet before --", args: []string{"list", "-has:slack"}, status: 2, stderr: "upstream-tui: unknown shorthand flag: 'a' in -as:slack (a negated filter goes after --: upstream-tui list -- -has:slack)\n"},
		{name: "negated facet with a space before --", args: []string{"--plain", "-area:Container Runtime"}, status: 2, stderr: "upstream-tui: unknown shorthand flag: 'a' in -area:Container Runtime (a negated filter goes after --: upstream-tui -- \"-area:Container Runtime\")\n"},
		{name: "unknown shorthand flag", args: []string{"list", "-x"}, status: 2, stderr: "upstream-tui: unknown shorthand flag: 'x' in -x\n"},
		{name: "list unclosed quote", args: []string{"list", `area:"unclosed`}, status: 2, stderr: "upstream-tui: unclosed quote in the query: a quoted value ends with \" too (area:\"container runtime\")\n"},
		{name: "negative max age", args: []string{"list", "--max-age", "-5m"}, status: 2, stderr: "upstream-tui: --max-age must be positive (30m, 6h); --refresh downloads now\n"},
		{name: "zero max age", args: []string{"show", "moby", "--max-age", "0s"}, status: 2, stderr: "upstream-tui: --max-age must be positive (30m, 6h); --refresh downloads now\n"},
		{name: "ftp catalog", args: []string{"list", "--catalog", "ftp://x/y"}, status: 2, stderr: "upstream-tui: \"ftp://x/y\": only http(s) URLs and files are catalogs\n"},
		{name: "lint ftp", args: []string{"lint", "FTP://x/y"}, status: 2, stderr: "upstream-tui: \"FTP://x/y\": only http(s) URLs and files are catalogs\n"},
		{name: "list too long a query", args: []string{"list", strings.Repeat("kube ", 6000)}, status: 2, stderr: "upstream-tui: query too long: 30000 characters; at most 256\n"},

		{name: "show piped is markdown", args: []string{"show", "gatekeeper"}, stdout: "# OPA Gatekeeper\n\n**Area:** Cloud Native Governance and Security  \n**Maturity:** CNCF · incubating · API alpha  \n**Repository:** open-policy-agent/gatekeeper · "},
		{name: "show piped links", args: []string{"show", "gatekeeper"}, stdout: "\n\nK8s native Open Policy Agent policy enforcement\n\n## Project\n\n- **1** [homepage](<https://github.com/open-policy-agent/gatekeeper>)\n\n## Communication\n\n- **2** [\\#kubernetes-policy](<https://openpolicyagent.slack.com/archives/CDTN970AX>) *(Slack)*\n- **3** [GitHub issues](<https://github.com/open-policy-agent/gatekeeper/issues>)\n"},
		{name: "show shared", args: []string{"show", "azure", "disk", "csi"}, stdout: "*(Slack, shared from In-tree (legacy))*"},
		{name: "show ambiguous", args: []string{"show", "csi"}, status: 1, stderr: `upstream-tui: "csi" matches 5 projects: "Azure Disk CSI Driver", "Azure File CSI Driver", "Azure Blobfuse CSI Driver", "Secrets Store CSI Driver", "Azure KeyVault Provider for Secrets Store CSI Driver"` + "\n"},
		{name: "show not found", args: []string{"show", "zzzqqq"}, status: 1, stderr: "upstream-tui: no project matches \"zzzqqq\"\n"},
		{name: "show needs a name", args: []string{"show"}, status: 2, stderr: "upstream-tui: show needs 1 argument; see 'upstream-tui show --help'\n"},
		{name: "show bad format", args: []string{"show", "moby", "-o", "yaml"}, status: 2},
		{name: "show exact beats substring", args: []string{"show", "Containerd", "-o", "json"}, stdout: "\"name\": \"Containerd\""},
		{name: "show fuzzy", args: []string{"show", "gtkpr", "-o", "json"}, stdout: "\"name\": \"OPA Gatekeeper\""},

		{name: "open print", args: []string{"open", "gate", "--link", "issues", "--print"}, stdout: "https://github.com/open-policy-agent/gatekeeper/issues\n"},
		{name: "open slack", args: []string{"open", "azure disk csi", "--link", "slack"}, stderr: "Opened https://kubernetes.slack.com/archives/C5HJXTT9Q\n", opened: []string{"https://kubernetes.slack.com/archives/C5HJXTT9Q"}},
		{name: "open home", args: []string{"open", "moby"}, opened: []string{"https://github.com/moby/moby"}},
		{name: "open number", args: []string{"open", "moby", "--link", "3", "--print"}, stdout: "https://forums.mobyproject.org/\n"},
		{name: "open no such number", args: []string{"open", "moby", "--link", "9"}, status: 1, stderr: "upstream-tui: Moby has no link 9 (it has 8 links)\n"},
		{name: "open no such link", args: []string{"open", "gatekeeper", "--link", "mailing-list"}, status: 1, stderr: "upstream-tui: OPA Gatekeeper has no mailing list (--link mailing-list)\n"},
		{name: "open bad kind", args: []string{"open", "moby", "--link", "fax"}, status: 2, stderr: "upstream-tui: unknown link kind \"fax\"; --link takes a number or one of slack, issues, mailing-list, docs, releases, tests, forum, board, repository, home, contribute\n"},
		{name: "open link kind as has: takes it", args: []string{"open", "azure disk csi", "--link", "mail", "--print"}, stdout: "https://groups.google.com/forum/#!forum/kubernetes-provider-azure\n"},
		{name: "open link kind in capitals", args: []string{"open", "moby", "--link", "Slack", "--print"}, stdout: "https://opencontainers.slack.com/archives/C0LQVA03W\n"},
		{name: "open other catalog", args: []string{"open", "aad", "--link", "board", "--print", "--catalog", readme}, stdout: "https://github.com/Azure/aad-pod-identity/projects/3\n"},

		{name: "lint other catalog", args: []string{"lint", firstDraft}, status: 1, stdout: firstDraft + ":30: error: Containerd has no homepage link in its Project cell\n", stderr: "upstream-tui: " + firstDraft + ": 9 errors, 18 warnings\n"},
		{name: "lint one of each", args: []string{"lint", oneOfEach}, status: 1, stdout: oneOfEach + ":5: error: duplicate project name \"Moby\" (first on line 4)\n" + oneOfEach + ":6: warning: row has 1 cell; the header has 6\n", stderr: "upstream-tui: " + oneOfEach + ": 1 error, 1 warning\n"},
		{name: "version takes no arguments", args: []string{"version", "now"}, status: 2, stderr: "upstream-tui: version takes no arguments, got 1; see 'upstream-tui version --help'\n"},
		{name: "lint missing", args: []string{"lint", filepath.Join(dir, "nope.md")}, status: 1},
		{name: "lint not a catalog", args: []string{"lint", junk}, status: 1, stdout: junk + ":1: error: not a Markdown catalog (binary data)\n"},
		{name: "lint two files", args: []string{"lint", "a", "b"}, status: 2, stderr: "upstream-tui: lint takes at most 1 argument, got 2; see 'upstream-tui lint --help'\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := execute(t, nil, tc.args...)
			if r.status != tc.status {
				t.Errorf("status %d, want %d (stderr %q)", r.status, tc.status, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout:\n%s\nwant it to contain:\n%s", r.stdout, tc.stdout)
			}
			if tc.stderr != "" && r.stderr != tc.stderr {
				t.Errorf("stderr %q, want %q", r.stderr, tc.stderr)
			}
			if tc.status != 0 && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			if strings.Join(r.opened, " ") != strings.Join(tc.opened, " ") {
				t.Errorf("opened %q, want %q", r.opened, tc.opened)
			}
		})
	}
}

func TestOpenFailure(t *testing.T) {
	r := execute(t, errors.New("no browser"), "open", "moby", "--link", "slack")
	want := "upstream-tui: could not open a browser (no browser); the URL is https://opencontainers.slack.com/archives/C0LQVA03W\n"
	if r.status != 1 || r.stderr != want {
		t.Errorf("status %d stderr %q", r.status, r.stderr)
	}
}

// TestListJSON compares list -o json on each catalog with a golden file
// (regenerate with go test . -update), and checks the JSON's shape.
func TestListJSON(t *testing.T) {
	for _, tc := range []struct{ name, catalog string }{
		{"embedded", ""},
		{"readme", readme},
		{"first_draft", firstDraft},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"list", "-o", "json"}
			if tc.catalog != "" {
				args = append(args, "--catalog", tc.catalog)
			}
			r := execute(t, nil, args...)
			if r.status != 0 {
				t.Fatalf("status %d: %s", r.status, r.stderr)
			}
			var projects []map[string]any
			if err := json.Unmarshal([]byte(r.stdout), &projects); err != nil {
				t.Fatal(err)
			}
			for _, p := range projects {
				for _, key := range []string{"name", "area", "goal", "maturity", "links", "notes"} {
					if _, ok := p[key]; !ok {
						t.Errorf("%v has no %q", p["name"], key)
					}
				}
			}
			golden.RequireEqual(t, []byte(r.stdout))
		})
	}
}

// TestLintEmbedded compares the lint findings for the embedded catalog with
// a golden file; the two findings on line 39 are the ones the issue names.
func TestLintEmbedded(t *testing.T) {
	r := execute(t, nil, "lint")
	if r.status != 0 || r.stderr != "" {
		t.Errorf("status %d stderr %q", r.status, r.stderr)
	}
	for _, want := range []string{
		"projects.md:39: warning: Azure File CSI Driver repeats Azure Disk CSI Driver's goal",
		"projects.md:39: warning: Azure File CSI Driver: \"GitHub issues\" does not point at a GitHub issues page: https://sigs.k8s.io/azurefile-csi-driver/issues",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lint output lacks %q", want)
		}
	}
	golden.RequireEqual(t, []byte(r.stdout))
}

func TestCompletion(t *testing.T) {
	r := execute(t, nil, "__complete", "show", "Azure")
	for _, want := range []string{"Azure Disk CSI Driver\n", "Azure KeyVault Provider for Secrets Store CSI Driver\n", ":4\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show completion lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "Moby") {
		t.Errorf("show completion offers Moby for Azure:\n%s", r.stdout)
	}
	r = execute(t, nil, "__complete", "list", "--area", "Kubernetes A")
	if !strings.HasPrefix(r.stdout, "Kubernetes Azure Cloud Provider\n:4\n") {
		t.Errorf("area completion:\n%s", r.stdout)
	}
	r = execute(t, nil, "__complete", "open", "azure disk csi", "--link", "") // Moby has no mailing list
	if !strings.Contains(r.stdout, "slack\n") || !strings.Contains(r.stdout, "mailing-list\n") {
		t.Errorf("link completion:\n%s", r.stdout)
	}
	// The scripts load in bash.
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if r := execute(t, nil, "completion", shell); r.status != 0 || len(r.stdout) < 100 {
			t.Errorf("completion %s: status %d, %d bytes", shell, r.status, len(r.stdout))
		}
	}
	script := execute(t, nil, "completion", "bash").stdout
	out, err := exec.Command("bash", "-c", script+"\ncomplete -p upstream-tui").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "__start_upstream-tui upstream-tui") {
		t.Errorf("the bash script does not load: %v\n%s", err, out)
	}
}
