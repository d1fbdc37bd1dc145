package model

import (
	"reflect"
	"testing"
)

func TestNumberedLinks(t *testing.T) {
	p := &Project{Links: []Link{
		{Label: "azure", URL: "https://learn.example/a", Column: ColumnAzure},
		{Label: "slack", URL: "https://x.slack.com/c", Column: ColumnCommunication},
		{Label: "home", URL: "https://github.com/o/r", Column: ColumnProject},
		{Label: "bad", URL: "javascript:alert(1)", Column: ColumnProject},
		{Label: "goal", URL: "https://goal.example", Column: ColumnGoal},
		{Label: "pending", URL: "https://pending.example", Column: ColumnMaturity},
		{Label: "tests", URL: "https://tests.example", Column: ColumnProject},
	}}
	var got []string
	for _, l := range NumberedLinks(p) {
		got = append(got, l.Label)
	}
	// The goal's and the maturity's links come last, in a group of their
	// own: they are not the project's.
	want := []string{"home", "tests", "slack", "azure", "goal", "pending"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NumberedLinks = %q, want %q", got, want)
	}
}
