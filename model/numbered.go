package model

// NumberedLinks returns the links a project's detail numbers, in order:
// those that pass the URL rule, the project's own first, then those under
// Communication, then those under Use on Azure, each group in the order of
// p.Links. Link N of the app and of `open --link N` is the Nth.
func NumberedLinks(p *Project) []Link {
	var out []Link
	for group := range DetailGroups {
		for _, l := range p.Links {
			if DetailGroup(l.Column) == group && CheckURL(l.URL) == nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// DetailGroups is how many groups of links the detail has.
const DetailGroups = 3

// DetailGroup is the group of the detail a link of column c is shown in:
// 0 the project's own (Project, Goal, Maturity), 1 Communication, 2 Use on
// Azure.
func DetailGroup(c Column) int {
	switch c {
	case ColumnCommunication:
		return 1
	case ColumnAzure:
		return 2
	}
	return 0
}
