package landscape

import (
	"errors"
	"fmt"
	"strings"

	"github.com/upstream-tui/upstream-tui/data/markdown"
	"github.com/upstream-tui/upstream-tui/model"
)

// cncfStates are the values of an item's project: key.
var cncfStates = map[string]bool{"graduated": true, "incubating": true, "sandbox": true, "archived": true}

// Lint checks a landscape file as its maintainers would want, each finding
// at its line: names listed twice (an error in one subcategory, a warning
// across places, where they are shown as one project), missing homepages,
// URLs that are not https (an error when no browser may open them),
// unknown CNCF maturities, second_path entries that name no subcategory,
// and lines escape sequences were removed from. A file that does not
// parse is one error finding.
func Lint(file string, src []byte) []model.Finding {
	r, err := read(file, src)
	if err != nil {
		line := 1
		msg := err.Error()
		if pe, ok := errors.AsType[*markdown.ParseError](err); ok {
			line, msg = max(pe.Line, 1), pe.Msg
		}
		return []model.Finding{{Line: line, Severity: model.SeverityError, Message: msg}}
	}
	var fs []model.Finding
	add := func(line int, sev model.Severity, format string, args ...any) {
		fs = append(fs, model.Finding{Line: line, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	for _, line := range r.cleaned {
		add(line, model.SeverityWarning, "removed escape sequences or control characters from this line")
	}
	first := map[string]*item{}
	for i := range r.items {
		it := &r.items[i]
		p := &it.project
		if f, ok := first[p.Name]; !ok {
			first[p.Name] = it
		} else if f.project.Place() == p.Place() {
			add(p.Line, model.SeverityError, "duplicate project name %q in %s (first on line %d)", p.Name, p.Place(), f.project.Line)
		} else {
			add(p.Line, model.SeverityWarning, "duplicate project name %q (first on line %d, in %s): shown as one project", p.Name, f.project.Line, f.project.Place())
		}
		if _, ok := p.Homepage(); !ok {
			add(p.Line, model.SeverityError, "%s has no homepage_url", p.Name)
		}
		if it.state != "" && !cncfStates[strings.ToLower(it.state)] {
			add(it.stateLine, model.SeverityWarning, "%s has an unknown CNCF maturity %q (graduated, incubating, sandbox or archived)", p.Name, it.state)
		}
		for _, l := range p.Links {
			checkLink(p.Name, l, int(l.Line), add)
		}
		for _, pa := range it.paths {
			if !r.subAreas[pa.place] {
				add(pa.line, model.SeverityWarning, "%s: second_path %q names no subcategory of this file", p.Name, pa.place)
			}
		}
	}
	model.SortFindings(fs)
	return fs
}

// checkLink reports a link no browser may open (model.CheckURL) and one
// that is http:// rather than https://. A link derived from another one is
// checked there.
func checkLink(project string, l model.Link, line int, add func(int, model.Severity, string, ...any)) {
	if l.DerivedFrom != 0 {
		return
	}
	if err := model.CheckURL(l.URL); err != nil {
		add(line, model.SeverityError, "%s: link %q: %v", project, l.Label, err)
		return
	}
	if strings.HasPrefix(strings.ToLower(l.URL), "http://") {
		add(line, model.SeverityWarning, "%s: link %q uses http://; use https:// (%s)", project, l.Label, l.URL)
	}
}
