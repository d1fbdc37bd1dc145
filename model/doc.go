// Package model is the domain model of upstream-tui, not a Bubble Tea
// model: the catalog (areas, projects, goals, links and their kinds,
// maturity, a project's sub-area, other places and dated facts), where a catalog came from (Origin) and what the app keeps
// between runs (State); and the pure logic over them: fuzzy search and
// ranking (index.go, query.go, searcher.go, score.go, match.go), query
// facets, finding a project by name, the URL rule, the numbering of a
// project's links and its repository's (RepoLinks), lint findings and what lint --online reports
// (linkcheck.go). It imports no Charm package and does
// no I/O; model/parallel splits its heavy work over the cores.
package model
