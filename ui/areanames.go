package ui

// ShortAreaNames returns the area names as the tabs show them: without the
// words other names share ("Kubernetes", "Cloud Native"), which tell them
// apart least. The command line's table uses them when it is short of room.
func ShortAreaNames(names []string) []string { return shortNames(names) }
