// Command upstream-tui browses the Container Compute Upstream Projects
// catalog in the terminal, and answers the same questions on the command
// line (list, show, open, lint). This file only wires the packages.
package main

import (
	"io"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/config"
	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/state"
	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
	"github.com/upstream-tui/upstream-tui/ui/terminal"
)

// version, when set at build time with -ldflags "-X main.version=...",
// stands for the module version go build records.
var version string

func main() {
	os.Exit(cli.Run(os.Args[1:], deps(os.Stdout, os.Stderr)))
}

// deps wires the command line to the catalog sources, the config file,
// the state directory, the terminal and the browser.
func deps(stdout, stderr io.Writer) cli.Deps {
	cfg, settings := readConfig()
	catalog := os.Getenv("UPSTREAM_TUI_CATALOG")
	if catalog == "" {
		catalog = cfg.Catalog
	}
	return cli.Deps{
		Stdout: stdout,
		Stderr: stderr,
		Catalogs: &data.Sources{
			Remote:     fetch.Remote{CacheDir: fetch.DefaultCacheDir()},
			BeforeFile: limitMemory,
		},
		DefaultCatalog: catalog,
		Settings:       settings,
		State:          state.Store{Dir: state.DefaultDir()},
		Terminal:       terminal.Width,
		Background:     terminal.Background,
		Browse: func(cat *model.Catalog, opts ui.Options) error {
			// A frame is written on the renderer's next tick: at 120 a
			// second, a keystroke shows within 8 ms instead of 17. The
			// colour profile is the one lipgloss found for stdout when the
			// program started: found again, it would cost another terminfo
			// read and, in tmux, another run of "tmux info".
			_, err := tea.NewProgram(ui.New(cat, opts), tea.WithFPS(120),
				tea.WithColorProfile(lipgloss.Writer.Profile)).Run()
			return err
		},
		Opener:  ui.SystemOpener,
		NoColor: os.Getenv("NO_COLOR") != "",
		Plain:   os.Getenv("TERM") == "dumb",
		Build:   build(),
	}
}

// readConfig reads the config file. A mistake in it means none of it is used:
// the settings are the defaults, with a notice that names the file, the
// line and the key.
func readConfig() (config.Config, cli.Settings) {
	cfg, err := config.Load(config.DefaultFile(), ui.Actions(), ui.CheckKeys)
	if err != nil {
		return config.Config{}, cli.Settings{RecentFirst: true, Notice: "config not used, running on the defaults: " + err.Error()}
	}
	s := cli.Settings{MaxAge: cfg.MaxAge, Theme: cfg.Theme, RecentFirst: true, Plain: cfg.Plain, Keys: cfg.Keys}
	if cfg.RecentFirst != nil {
		s.RecentFirst = *cfg.RecentFirst
	}
	return cfg, s
}

// limitMemory sets a soft memory limit for reading a catalog file, unless
// GOMEMLIMIT sets one: the garbage of loading would otherwise let the heap
// grow to twice what the catalog keeps. The catalog and its index keep
// about 2.7 times the file's size (100,000 projects: a 50 MB file, 136 MiB
// kept). Four times the file's size peaks at 204 MiB of RSS and loads as
// fast as five times (219 MiB), in BenchmarkStartup/100k-whole.
func limitMemory(path string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	debug.SetMemoryLimit(max(128<<20, 4*size))
}

// build reads what go build recorded: the module version (v1.2.0 from go
// install ...@latest, "(devel)" in a checkout) and the commit and its time,
// which are missing when built with -buildvcs=false.
func build() cli.Build {
	var b cli.Build
	if info, ok := debug.ReadBuildInfo(); ok {
		b.Version, b.Go = info.Main.Version, info.GoVersion
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Revision = s.Value
			case "vcs.time":
				b.Time = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if version != "" {
		b.Version = version
	}
	return b
}
