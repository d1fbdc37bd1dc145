package ui

import (
	"strings"
	"testing"
)

func TestDefaultKeysDoNotClash(t *testing.T) {
	if action, err := CheckKeys(nil); err != nil {
		t.Errorf("%s: %v", action, err)
	}
}

func TestRebinding(t *testing.T) {
	swap := map[string][]string{"slack": {"i"}, "issues": {"s"}}
	if _, err := CheckKeys(swap); err != nil {
		t.Fatal(err)
	}
	m, rec := newTestModel(t, 120, 30, Options{Keys: swap})
	m, _ = press(t, m, "i")
	if len(rec.urls) != 1 || rec.urls[0] != "https://kubernetes.slack.com/archives/CU3N85WJK" {
		t.Errorf("i opened %q", rec.urls)
	}
	m, _ = press(t, m, "?")
	if help := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(help, "i open Slack") || !strings.Contains(help, "s open issues") {
		t.Errorf("help does not show the bindings in force:\n%s", help)
	}
	action, err := CheckKeys(map[string][]string{"slack": {"q"}})
	if action != "slack" || err == nil || err.Error() != `"q" would do both quit and slack` {
		t.Errorf("clash: %s %v", action, err)
	}
}
