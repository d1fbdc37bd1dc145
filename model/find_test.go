package model

import (
	"strings"
	"testing"
)

func TestFindProject(t *testing.T) {
	c := &Catalog{Projects: []Project{
		{Name: "Containerd"}, {Name: "Containerd Shim"}, {Name: "OPA Gatekeeper"},
		{Name: "Azure Disk CSI Driver"}, {Name: "Azure File CSI Driver"}, {Name: "Moby"},
	}}
	ix := NewIndex(c.Projects)
	for _, tc := range []struct {
		name, want, err string
	}{
		{name: "containerd", want: "Containerd"},          // exact beats the substring in "Containerd Shim"
		{name: "  MOBY ", want: "Moby"},                   // case and spaces
		{name: "gate", want: "OPA Gatekeeper"},            // the one name containing it
		{name: "disk csi", want: "Azure Disk CSI Driver"}, // substring with a space
		{name: "gtkpr", want: "OPA Gatekeeper"},           // fuzzy, clearly leading
		{name: "csi", err: `"csi" matches 2 projects: "Azure Disk CSI Driver", "Azure File CSI Driver"`},
		{name: "azr csi drv", err: `matches 2 projects`}, // fuzzy, too close to call
		{name: "zzz", err: `no project matches "zzz"`},
		{name: " ", err: "no project name given"},
	} {
		i, err := FindProject(c, ix, tc.name)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("FindProject(%q) = %v, want an error with %q", tc.name, err, tc.err)
			}
		case err != nil || c.Projects[i].Name != tc.want:
			t.Errorf("FindProject(%q) = %d, %v; want %q", tc.name, i, err, tc.want)
		}
	}
}
