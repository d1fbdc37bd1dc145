//go:build unix

package disk

import "syscall"

// names is how many names (hard links) the file fi describes has.
func names(fi interface{ Sys() any }) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
