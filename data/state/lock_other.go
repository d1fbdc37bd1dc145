//go:build !unix

package state

import "time"

// lockWait is unused where there is no flock.
const lockWait = 0

// lock does nothing where there is no flock: a save still merges with
// the file it reads, but two saves at the same instant may interleave.
func lock(string, time.Duration) (func(), error) { return func() {}, nil }
