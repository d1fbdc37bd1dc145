//go:build !unix

package disk

// names is how many names (hard links) a file has: one, where the
// system does not say.
func names(interface{ Sys() any }) uint64 { return 1 }
