package markdown

import (
	"errors"

	"github.com/upstream-tui/upstream-tui/model"
)

// Lint checks a catalog the way its maintainers would want: its form (rows
// whose cell count differs from the header's, tables GFM would misread)
// and its content (model.Check). A catalog that does not parse is one error
// finding.
func Lint(file string, src []byte) []model.Finding {
	c, findings, err := parse(file, src)
	if err != nil {
		line := 1
		var pe *ParseError
		if errors.As(err, &pe) && pe.Line > 0 {
			line = pe.Line
		}
		msg := err.Error()
		if pe != nil {
			msg = pe.Msg
		}
		return []model.Finding{{Line: line, Severity: model.SeverityError, Message: msg}}
	}
	findings = append(findings, model.Check(c)...)
	model.SortFindings(findings)
	return findings
}
