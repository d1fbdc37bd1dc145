//go:build unix

package disk

import "syscall"

// nonBlock opens a FIFO without waiting for a writer; a regular file
// reads as it always does.
const nonBlock = syscall.O_NONBLOCK
