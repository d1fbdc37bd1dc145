package ui

import (
	"testing"

	"github.com/upstream-tui/upstream-tui/model"
)

// What the tests of package ui_test (which also run ui/cli's commands)
// need of the app's insides.

// HealthApp is the app on cat (nil: the embedded catalog) with a fake
// health source that holds the embedded catalog's health, cached and
// answered alike, once that health is loaded; src is the source.
func HealthApp(t *testing.T, cat *model.Catalog) (m Model, src model.HealthSource) {
	m, fake, _ := newHealthApp(t, cat, 100, 30, Options{})
	return m, fake
}

// DetailLinks are the links project p's detail numbers, in order.
func (m *Model) DetailLinks(p int) []model.Link { return m.detailLinks(p) }
