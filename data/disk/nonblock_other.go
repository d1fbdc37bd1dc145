//go:build !unix

package disk

// nonBlock is nothing where opening a FIFO does not wait for a writer.
const nonBlock = 0

// names is how many names (hard links) a file has: one, where the
// system does not say.
func names(interface{ Sys() any }) uint64 { return 1 }
