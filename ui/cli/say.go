package cli

import (
	"io"
	"strings"

	"github.com/upstream-tui/upstream-tui/model/inert"
)

// Everything the command line says to standard error, errors and notices
// alike, goes through say; what cobra writes there itself goes through an
// inertWriter. Messages are made where they are raised, each quoting what
// it echoes with inert.Quote (a name, a key, an argument: quoted, escaped,
// cut); say is the last line of defence, for what a message echoes from
// further away (a server, a file, the environment).

// maxLine is how long a line say writes may be, in bytes: a few lines of
// a terminal. Echoes are cut long before (inert.Quote); this bounds what
// a message gathers (a list of ambiguous names).
const maxLine = 2000

// line is msg as the program shows it, on standard error and in the
// browser's status line: what a terminal would act on removed, one line,
// at most maxLine bytes.
func line(msg string) string {
	return inert.Cap(strings.Join(strings.Fields(inert.Text(msg)), " "), maxLine)
}

// say writes msg to w, standard error, as one line (line).
func say(w io.Writer, msg string) {
	_, _ = io.WriteString(w, line(msg)+"\n")
}

// warn writes an error or a notice to standard error: "upstream-tui: " and
// msg, on one line.
func (a *app) warn(msg string) { say(a.Stderr, "upstream-tui: "+msg) }

// inertWriter is standard error as cobra is given it: what cobra writes
// there on its own (a completion's diagnostics, which may echo an
// argument) is made inert too.
type inertWriter struct{ w io.Writer }

func (w inertWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, inert.Text(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
