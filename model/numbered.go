package model

// NumberedLinks returns the links a project's detail numbers, in order:
// those that pass the URL rule, group by group (DetailGroup), each group in
// the order of p.Links. Link N of the app and of `open --link N` is the Nth.
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
const DetailGroups = 4

// The groups of links in a project's detail, in order.
const (
	// GroupProject is the project's own links: its Project cell.
	GroupProject = iota
	// GroupCommunication is the Communication cell's.
	GroupCommunication
	// GroupAzure is the Use on Azure cell's.
	GroupAzure
	// GroupMentioned is the links inside the goal and the maturity: what
	// those cells point to ("pending"), not the project's own.
	GroupMentioned
)

// DetailGroup is the group of the detail a link of column c is shown in.
func DetailGroup(c Column) int {
	switch c {
	case ColumnCommunication:
		return GroupCommunication
	case ColumnAzure:
		return GroupAzure
	case ColumnGoal, ColumnMaturity:
		return GroupMentioned
	}
	return GroupProject
}
