//go:build !unix

package disk

// nonBlock is nothing where opening a FIFO does not wait for a writer.
const nonBlock = 0
