// Package synth generates synthetic catalogs in the upstream Markdown
// format, for trying upstream-tui on large catalogs (the synthcat command)
// and for tests and benchmarks: Write writes one; data.SyntheticCatalog
// also parses it.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Write writes a synthetic catalog in the upstream README format:
// areas rows, then projects rows with realistic names, goals, maturities
// and links (releases and tests, Slack, mailing lists, issues, "same slack
// and email", <ul><li> cells). The same arguments always write the same
// bytes. Names are unique.
func Write(w io.Writer, areas, projects int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(words []string) string { return words[r.IntN(len(words))] }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Synthetic Upstream Projects\n\nA generated catalog of %d projects in %d areas (seed %d).\n\n## Project list\n\n", projects, areas, seed)
	bw.WriteString("| Project Area | Project & (artifacts) | Goal | Project State & <br> API Version | Communication | Use on Azure |\n")
	bw.WriteString("|---|---|---|---|---|---|\n")
	areas = max(areas, 1)
	for a := range areas {
		fmt.Fprintf(bw, "| %s %s %d |  |  |  |  |\n", pick(synthAreaWords), pick(synthAreaNouns), a+1)
		n := projects / areas
		if a < projects%areas {
			n++
		}
		for i := range n {
			id := a*(projects/areas+1) + i
			name := fmt.Sprintf("%s %s %s", pick(synthPrefixes), pick(synthNouns), synthID(id))
			slug := strings.ToLower(strings.ReplaceAll(name, " ", "-"))
			org := pick(synthOrgs)
			repo := "https://github.com/" + org + "/" + slug
			bw.WriteString("|  | [" + name + "](" + repo + ")")
			if r.IntN(4) > 0 {
				bw.WriteString(" <br> ([releases](" + repo + "/releases))")
			}
			if r.IntN(3) == 0 {
				bw.WriteString(" <br> [Tests](https://testgrid.k8s.io/" + slug + ")")
			}
			fmt.Fprintf(bw, " | %s %s %s %s |", pick(synthVerbs), pick(synthObjects), pick(synthJoins), pick(synthTargets))
			fmt.Fprintf(bw, " %s: %s <br> API: %s |", pick(synthMaturityOrgs), pick(synthStates), pick(synthAPIs))
			if i > 0 && r.IntN(6) == 0 {
				bw.WriteString(" same slack and email <br> [GitHub issues](" + repo + "/issues) |")
			} else {
				fmt.Fprintf(bw, " [#%s](https://kubernetes.slack.com/archives/C%07X)", slug, r.IntN(1<<28))
				if r.IntN(2) == 0 {
					fmt.Fprintf(bw, " <br> [%s@googlegroups.com](https://groups.google.com/forum/#!forum/%s)", slug, slug)
				}
				bw.WriteString(" <br> [GitHub issues](" + repo + "/issues) |")
			}
			switch r.IntN(3) {
			case 0:
				bw.WriteString("  |\n")
			case 1:
				bw.WriteString(" [Use with AKS](https://docs.microsoft.com/en-us/azure/aks/" + slug + ") |\n")
			default:
				bw.WriteString(" <ul><li>[Azure Kubernetes Service](https://docs.microsoft.com/en-us/azure/aks/)</li><li>[Use with AKS Engine](https://github.com/Azure/aks-engine/tree/master/examples/" + slug + ")</li><li>many more</li></ul> |\n")
			}
		}
	}
	bw.WriteString("\n## Maturity\n\nGenerated; the states and versions mean nothing.\n")
	return bw.Flush()
}

// synthID spells a project number as letters, so that names stay words.
func synthID(n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	s := ""
	for n >= 0 {
		s = string(letters[n%26]) + s
		n = n/26 - 1
	}
	return s
}

var (
	synthAreaWords    = []string{"Kubernetes", "Cloud Native", "Container", "Edge", "Serverless", "Data", "Network", "Storage"}
	synthAreaNouns    = []string{"Cluster Management", "Security", "Observability", "Runtime", "Service Mesh", "Enhancements", "Delivery", "Provider"}
	synthPrefixes     = []string{"Azure", "Kube", "Open", "Cloud", "Secrets", "Cluster", "Virtual", "Service", "Policy", "Edge", "Flux", "Helm", "Keda", "Dapr", "Nano", "Hyper"}
	synthNouns        = []string{"Operator", "Controller", "Driver", "Gateway", "Mesh", "Provider", "Agent", "Scheduler", "Proxy", "Registry", "Builder", "Identity", "Monitor", "Store", "Kubelet", "Engine"}
	synthOrgs         = []string{"Azure", "kubernetes-sigs", "kubernetes", "open-policy-agent", "deislabs", "containerd", "cncf", "microsoft"}
	synthVerbs        = []string{"Enables", "Manages", "Secures", "Schedules", "Observes", "Routes", "Mounts", "Provisions", "Scales", "Builds"}
	synthObjects      = []string{"workloads", "secrets", "volumes", "clusters", "policies", "containers", "identities", "services", "images", "nodes"}
	synthJoins        = []string{"on", "across", "for", "with", "inside", "between"}
	synthTargets      = []string{"Azure", "Kubernetes clusters", "edge devices", "Windows hosts", "AKS", "hybrid clouds", "K8s pods", "service meshes"}
	synthMaturityOrgs = []string{"CNCF", "CNCF", "Azure", "Moby", "K8s API"}
	synthStates       = []string{"graduated", "incubating", "incubation", "sandbox", "sandbox?", "alpha", "beta", "stable", "??", "N/A"}
	synthAPIs         = []string{"v1", "v1beta1", "v1alpha1", "v1alpha2", "N/A", "stable", "alpha"}
)
