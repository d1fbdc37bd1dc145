package model

import "fmt"

// Count writes n things in English, as every message does: "1 project",
// "2 projects", "0 errors". thing is a noun whose plural takes an s.
func Count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
