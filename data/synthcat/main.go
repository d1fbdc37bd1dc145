// Command synthcat writes a synthetic catalog in the upstream Markdown
// format to standard output, for trying upstream-tui on large catalogs:
//
//	go run ./data/synthcat -projects 100000 > /tmp/big.md
//	upstream-tui --catalog /tmp/big.md
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/upstream-tui/upstream-tui/data/synth"
)

func main() {
	areas := flag.Int("areas", 12, "number of areas")
	projects := flag.Int("projects", 1000, "number of projects")
	seed := flag.Uint64("seed", 1, "seed; the same seed writes the same catalog")
	flag.Parse()
	if err := synth.Write(os.Stdout, *areas, *projects, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synthcat:", err)
		os.Exit(1)
	}
}
