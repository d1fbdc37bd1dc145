package linkcheck

import (
	"bytes"
	"fmt"

	"github.com/upstream-tui/upstream-tui/data/disk"
	"github.com/upstream-tui/upstream-tui/model/inert"
)

// ChangedError says the file changed on disk since it was read: fixes
// made from the old text are not written over the new.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return inert.Escape(e.Path) + " changed on disk since it was read; not overwritten (run lint --online --fix again)"
}

// Write writes fixed over path, atomically and keeping the file's mode,
// when the file still holds original; else it returns a *ChangedError
// and leaves the file alone. limit bounds the read back.
func Write(path string, original, fixed []byte, limit int64) error {
	now, err := disk.ReadRegular(path, limit, "a catalog")
	if err != nil {
		return fmt.Errorf("%s: %s", inert.Escape(path), disk.Reason(err))
	}
	if !bytes.Equal(now, original) {
		return &ChangedError{Path: path}
	}
	if err := disk.Replace(path, fixed); err != nil {
		return fmt.Errorf("%s: not written: %s", inert.Escape(path), disk.Reason(err))
	}
	return nil
}
