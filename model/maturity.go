package model

import (
	"strings"
)

// StateUnknown is the state of a maturity given as "??", "N/A" or nothing.
const StateUnknown = "unknown"

// Maturity is a project's maturity cell: the raw text and its parsed parts.
type Maturity struct {
	// Text is the cell as plain text, one line per item.
	Text string
	// Org is whose maturity model applies: "CNCF", "Azure", "Moby".
	Org string
	// State is the lower-case state: "incubating", "sandbox", or StateUnknown.
	State string
	// Tentative is set when the state is not yet granted: it ends in "?"
	// ("CNCF: sandbox?") or is said to be pending ("CNCF: sandbox
	// (pending)").
	Tentative bool
	// API is the API or feature version from a later line ("API: alpha").
	API string
}

// knownStates maps the spellings seen in catalogs to their normal form.
var knownStates = map[string]string{
	"graduated":  "graduated",
	"graduate":   "graduated",
	"incubating": "incubating",
	"incubation": "incubating",
	"incubator":  "incubating",
	"sandbox":    "sandbox",
	"alpha":      "alpha",
	"beta":       "beta",
	"stable":     "stable",
	"ga":         "stable",
	"deprecated": "deprecated",
	"archived":   "archived",
}

// unknownStates are the spellings of "we do not know".
var unknownStates = map[string]bool{"": true, "?": true, "??": true, "???": true, "n/a": true, "na": true, "tbd": true, "unknown": true}

// KnownState reports whether state is one of the normal maturity states
// (including StateUnknown).
func KnownState(state string) bool {
	if state == StateUnknown {
		return true
	}
	_, ok := knownStates[state]
	return ok
}

// ParseMaturity parses the items of a maturity cell, one per line:
// "CNCF: incubating", then optionally "API: alpha".
func ParseMaturity(lines []string) Maturity {
	var m Maturity
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	m.Text = strings.Join(kept, "\n")
	m.State = StateUnknown
	for i, l := range kept {
		key, val, found := strings.Cut(l, ":")
		if !found {
			key, val = "", l
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if isAPIKey(key) {
			if m.API == "" && !unknownStates[strings.ToLower(val)] {
				m.API = val
			}
			continue
		}
		if i > 0 {
			continue
		}
		m.Org = key
		m.State, m.Tentative = parseState(val)
	}
	return m
}

func isAPIKey(key string) bool {
	switch strings.ToLower(key) {
	case "api", "apis", "api version", "feature", "features":
		return true
	}
	return false
}

// tentativeWords, after a state, say that it is not yet granted:
// "sandbox (pending)".
var tentativeWords = []string{"pending", "proposed", "applied", "applying", "requested", "in review", "under review", "?"}

// parseState normalises a state such as "Incubation", "sandbox?" or
// "sandbox (pending)" to its lower-case normal form, and says whether it is
// tentative.
func parseState(s string) (state string, tentative bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if unknownStates[s] {
		return StateUnknown, false
	}
	// Keep the first word: "sandbox (pending)" is a sandbox project, if
	// a tentative one.
	if i := strings.IndexAny(s, " \t("); i > 0 {
		for _, w := range tentativeWords {
			if strings.Contains(s[i:], w) {
				tentative = true
			}
		}
		s = s[:i]
	}
	if strings.HasSuffix(s, "?") {
		tentative = true
		s = strings.TrimRight(s, "?")
	}
	if norm, ok := knownStates[s]; ok {
		return norm, tentative
	}
	if unknownStates[s] {
		return StateUnknown, false
	}
	return s, tentative
}

// Short is the maturity in a few words, as a badge: "CNCF incubating",
// "Azure sandbox?" (tentative), "unknown".
func (m Maturity) Short() string {
	state := m.State
	if m.Tentative {
		state += "?"
	}
	if m.Org == "" {
		return state
	}
	return m.Org + " " + state
}
