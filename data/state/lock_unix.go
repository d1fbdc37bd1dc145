//go:build unix

package state

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockWait bounds how long a save waits for another instance's: a save
// takes milliseconds, so a lock held longer belongs to a process that is
// stuck, and the save gives up rather than hang the app.
const lockWait = 2 * time.Second

// lock takes an exclusive flock on path (created when missing), waiting
// at most wait; unlock releases it. The kernel releases it when the
// process dies, so a crash never leaves a stale lock.
func lock(path string, wait time.Duration) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil // closing releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) || time.Now().After(deadline) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, fmt.Errorf("another upstream-tui held the lock for over %v", wait)
			}
			return nil, fmt.Errorf("could not lock: %v", err)
		}
		// Polled: a blocking flock could not be given up after wait.
		time.Sleep(5 * time.Millisecond)
	}
}
