package disk

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is a path that names something other than a regular
// file: a FIFO would block a read forever, a device such as /dev/zero
// would never end, a directory holds no bytes to read.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is a file over the limit its kind allows.
type TooLargeError struct {
	Limit int64
	// What names the kind of file, for the message: "a catalog".
	What string
}

// Error says the limit: "larger than 1 MiB, too large for a config file".
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than %s, too large for %s", Size(e.Limit), e.What)
}

// Size writes a byte count the way limits are given: "5 MiB", "64 KiB".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// OpenRegular opens path for reading only when it is a regular file. It
// opens without blocking (a FIFO with no writer would hold an ordinary
// open forever) and asks the opened file, not the path, what it is, so a
// file swapped for another between a check and the open cannot fool it.
// Symbolic links are followed: a link to a catalog is a catalog, a link
// to /dev/zero is not.
func OpenRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = ErrNotRegular
		if st.IsDir() {
			err = ErrIsDir
		}
	}
	if err != nil {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return f, nil
}

// ErrIsDir is a directory where a file was expected; it is also
// ErrNotRegular.
var ErrIsDir = fmt.Errorf("is a directory, %w", ErrNotRegular)

// ReadRegular reads a regular file of at most limit bytes, whatever its
// size says: a file that grows while it is read, or one whose stat lies
// (files in /proc), is cut off at limit+1 bytes and refused. what names
// the kind of file in the error ("a config file").
func ReadRegular(path string, limit int64, what string) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &os.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit, What: what}}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &os.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit, What: what}}
	}
	return data, nil
}
