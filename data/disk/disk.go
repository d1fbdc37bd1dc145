// Package disk is how upstream-tui reads, writes and explains files on the
// user's disk: ReadRegular reads a regular file within a limit (never a
// FIFO, a device or an endless file), OpenRegular opens one, WriteAtomic
// replaces a file so that a reader never sees part of it (the URL cache
// and the state file use it), Replace does it to a file the user owns,
// keeping its mode (lint --fix), and Reason turns a file error into a short
// reason that does not repeat the path.
package disk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// rename makes an atomic write visible; tests replace it to inject a
// failure.
var rename = os.Rename

// The files Replace refuses to change.
var (
	ErrReadOnly   = errors.New("is read-only")
	ErrHardLinked = errors.New("has other names (hard links) that a rewrite would leave on the old text")
)

// WriteAtomic replaces path with data so that a reader sees the old file
// or the new one, never part of either: a temporary file in the same
// directory, synced, then renamed over path. On failure the temporary
// file is removed and path is as it was.
func WriteAtomic(path string, data []byte) error {
	return writeAtomic(path, data, 0)
}

// Replace replaces an existing file with data as WriteAtomic does,
// keeping the file's permissions; a symbolic link is followed, so that
// the file it names is replaced and the link stays a link. A file that is
// read-only, or has other names (hard links) that a rename would leave on
// the old content, is refused (ErrReadOnly, ErrHardLinked).
func Replace(path string, data []byte) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(real)
	if err != nil {
		return err
	}
	switch {
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "replace", Path: path, Err: ErrNotRegular}
	case st.Mode().Perm()&0o200 == 0:
		// A rename would replace it all the same: its owner made it
		// read-only, and the change is refused as an editor would.
		return &fs.PathError{Op: "replace", Path: path, Err: ErrReadOnly}
	case names(st) > 1:
		// A rename would give this name a new file and leave the other
		// names on the old one.
		return &fs.PathError{Op: "replace", Path: path, Err: ErrHardLinked}
	}
	return writeAtomic(real, data, st.Mode().Perm())
}

// writeAtomic is WriteAtomic, giving the new file perm when it is not 0
// (a temporary file is made 0600).
func writeAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if perm != 0 {
		if err = f.Chmod(perm); err != nil {
			return err
		}
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return rename(f.Name(), path)
}

// Reason turns a file error into a short reason without repeating the
// path: "no such file", "permission denied", or the underlying error.
func Reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
