// Command upstream-tui browses the Container Compute Upstream Projects
// catalog in the terminal, and answers the same questions on the command
// line (list, show, open, lint, health). This file only wires the
// packages, and restores the terminal before a signal ends the browser.
package main

import (
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/upstream-tui/upstream-tui/data"
	"github.com/upstream-tui/upstream-tui/data/config"
	"github.com/upstream-tui/upstream-tui/data/fetch"
	"github.com/upstream-tui/upstream-tui/data/github"
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
	cfg, settings := readConfig(config.DefaultFile())
	catalog := os.Getenv("UPSTREAM_TUI_CATALOG")
	if catalog == "" {
		catalog = cfg.Catalog
	}
	sources := &data.Sources{
		Remote:     fetch.Remote{CacheDir: fetch.DefaultCacheDir()},
		BeforeFile: limitMemory,
	}
	return cli.Deps{
		Stdout:         stdout,
		Stderr:         stderr,
		Catalogs:       sources,
		Links:          data.LinkSources{Sources: sources},
		DefaultCatalog: catalog,
		Settings:       settings,
		State:          state.Store{Dir: state.DefaultDir()},
		Terminal:       terminal.Width,
		Background: func() (dark, ok bool) {
			withSignalsHeld(func() { dark, ok = terminal.Background() })
			return dark, ok
		},
		Browse: func(cat *model.Catalog, opts ui.Options) error {
			// A frame is written on the renderer's next tick: at 120 a
			// second, a keystroke shows within 8 ms instead of 17. The
			// colour profile is the one lipgloss found for stdout when the
			// program started: found again, it would cost another terminfo
			// read and, in tmux, another run of "tmux info". Signals are
			// runBrowser's.
			return runBrowser(tea.NewProgram(ui.New(cat, opts), tea.WithFPS(120),
				tea.WithColorProfile(lipgloss.Writer.Profile), tea.WithoutSignalHandler()))
		},
		Opener:  ui.SystemOpener,
		NoColor: os.Getenv("NO_COLOR") != "",
		Plain:   os.Getenv("TERM") == "dumb",
		Build:   build(),
		// Repositories' health from GitHub's API (GITHUB_API_URL, else
		// api.github.com) through the cache, with the user's token if
		// there is one; answers as old as the config's max_age (24h) are
		// asked again.
		Health: github.New(github.Options{
			API: os.Getenv("GITHUB_API_URL"), Token: github.DefaultToken,
			CacheDir: fetch.DefaultCacheDir(), MaxAge: cfg.MaxAge,
		}),
	}
}

// readConfig reads the config file at path. A mistake in it means none of
// it is used: the settings are the defaults, with a notice that names the
// file, the line and the key.
func readConfig(path string) (config.Config, cli.Settings) {
	cfg, err := config.Load(path, ui.Actions(), ui.CheckKeys)
	if err != nil {
		return config.Config{}, cli.Settings{RecentFirst: true, Notice: "config not used, running on the defaults: " + err.Error()}
	}
	s := cli.Settings{MaxAge: cfg.MaxAge, Theme: cfg.Theme, RecentFirst: true, Plain: cfg.Plain, Keys: cfg.Keys,
		KeepRedirectHosts: cfg.KeepRedirectHosts, NoHealth: cfg.NoHealth}
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

// endingSignals are the signals that end the program. While the terminal
// is the program's (the browser, or show asking for the background
// colour), each is caught so that the terminal is restored first; then
// the program exits quietly with 128 and the signal's number (Run). A
// closed SSH session is a SIGHUP.
var endingSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// catchSignals catches the ending signals until stop is called, except
// those the program was started ignoring (nohup, a background job):
// catching one would stop ignoring it.
func catchSignals() (caught <-chan os.Signal, stop func()) {
	c := make(chan os.Signal, 2)
	var sigs []os.Signal
	for _, s := range endingSignals {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	signal.Notify(c, sigs...)
	return c, func() { signal.Stop(c) }
}

// program is what runBrowser needs of a tea.Program.
type program interface {
	Run() (tea.Model, error)
	Quit()
	Kill()
}

// killAfter is how long a signal waits for the browser to quit in good
// order (a last frame, the terminal restored) before it is killed, which
// restores the terminal at once; a second signal kills it at once. Killed,
// it has as long again to return before the program exits without it
// (an update that never ends).
const killAfter = time.Second

// runBrowser runs the browser until it quits or an ending signal ends it:
// then it returns cli.Signalled once Run has restored the terminal. The
// browser was made with tea.WithoutSignalHandler: Bubble Tea's own
// handler takes only SIGINT (to its "program was killed" error) and
// SIGTERM (to a quit with status 0).
func runBrowser(p program) error {
	caught, stop := catchSignals()
	defer stop()
	return runUntilSignal(p, caught, killAfter, os.Exit)
}

// runUntilSignal runs p, quitting it on the first signal from caught and
// killing it on a second, or when it has not quit within wait; if it
// has not returned wait after that, exit is called with the status.
func runUntilSignal(p program, caught <-chan os.Signal, wait time.Duration, exit func(int)) error {
	done := make(chan struct{})
	first := make(chan os.Signal, 1)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var s os.Signal
		select {
		case s = <-caught:
		case <-done:
			return
		}
		first <- s
		go p.Quit() // returns once the browser takes it, or has ended
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-done:
			return
		case <-caught:
		case <-timer.C:
		}
		p.Kill() // the terminal is restored when it returns
		timer.Reset(wait)
		select {
		case <-done:
		case <-timer.C:
			exit(status(s))
		}
	}()
	_, err := p.Run()
	close(done)
	<-stopped
	select {
	case s := <-first:
		if sig, ok := s.(syscall.Signal); ok {
			return cli.Signalled{Signal: sig}
		}
	default:
	}
	return err
}

// status is the exit status for a signal, as cli.Run gives it.
func status(s os.Signal) int {
	if sig, ok := s.(syscall.Signal); ok {
		return cli.Signalled{Signal: sig}.Status()
	}
	return cli.ExitFailure
}

// withSignalsHeld runs f, which puts the terminal in raw mode for a moment
// and restores it, with the ending signals held: one that comes meanwhile
// ends the program once f has returned, as it would have, but quietly.
func withSignalsHeld(f func()) {
	caught, stop := catchSignals()
	f()
	stop()
	select {
	case s := <-caught:
		os.Exit(status(s))
	default:
	}
}
