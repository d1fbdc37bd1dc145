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
	}}
	var got []string
	for _, l := range NumberedLinks(p) {
		got = append(got, l.Label)
	}
	want := []string{"home", "goal", "slack", "azure"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NumberedLinks = %q, want %q", got, want)
	}
}
