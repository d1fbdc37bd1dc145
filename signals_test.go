package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/upstream-tui/upstream-tui/model"
	"github.com/upstream-tui/upstream-tui/ui"
	"github.com/upstream-tui/upstream-tui/ui/cli"
)

// fakeProgram stands for the browser: Run returns when it is quit (unless
// it ignores Quit, as a browser stuck in an update would) or killed
// (unless it is stuck for good).
type fakeProgram struct {
	ignoreQuit, ignoreKill bool
	end                    chan error
	mu                     sync.Mutex
	calls                  []string
}

func newFakeProgram() *fakeProgram { return &fakeProgram{end: make(chan error, 2)} }

func (p *fakeProgram) Run() (tea.Model, error) { return nil, <-p.end }

func (p *fakeProgram) record(call string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, call)
}

func (p *fakeProgram) Quit() {
	p.record("quit")
	if !p.ignoreQuit {
		p.end <- nil
	}
}

func (p *fakeProgram) Kill() {
	p.record("kill")
	if !p.ignoreKill {
		p.end <- tea.ErrProgramKilled
	}
}

func (p *fakeProgram) called() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.calls...)
}

func TestRunUntilSignal(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		ignoreQuit, ignoreKill bool
		signals                []os.Signal
		wantKill               bool
		wantExit               int // 0: not called
	}{
		{"a signal quits", false, false, []os.Signal{syscall.SIGHUP}, false, 0},
		{"stuck, killed after a while", true, false, []os.Signal{syscall.SIGQUIT}, true, 0},
		{"a second signal kills", true, false, []os.Signal{syscall.SIGINT, syscall.SIGINT}, true, 0},
		{"stuck for good, exits", true, true, []os.Signal{syscall.SIGTERM}, true, 143},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newFakeProgram()
			p.ignoreQuit, p.ignoreKill = tc.ignoreQuit, tc.ignoreKill
			caught := make(chan os.Signal, len(tc.signals))
			for _, s := range tc.signals {
				caught <- s
			}
			exited := make(chan int, 1)
			exit := func(status int) {
				exited <- status
				p.end <- errors.New("exited") // os.Exit would not return
			}
			wait := 50 * time.Millisecond
			if len(tc.signals) > 1 {
				wait = time.Minute // only the second signal can kill it in time
			}
			start := time.Now()
			err := runUntilSignal(p, caught, wait, exit)
			sig, ok := errors.AsType[cli.Signalled](err)
			if !ok || sig.Signal != tc.signals[0] {
				t.Errorf("got %v, want the first signal, %v", err, tc.signals[0])
			}
			// Quit runs on its own: it may not have been called yet.
			if got := p.called(); slices.Contains(got, "kill") != tc.wantKill {
				t.Errorf("calls %q, want a kill: %v", got, tc.wantKill)
			}
			select {
			case status := <-exited:
				if status != tc.wantExit {
					t.Errorf("exit(%d), want %d", status, tc.wantExit)
				}
			default:
				if tc.wantExit != 0 {
					t.Errorf("exit not called, want exit(%d)", tc.wantExit)
				}
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// No signal: Run's own result.
	p := newFakeProgram()
	p.end <- io.ErrUnexpectedEOF
	if err := runUntilSignal(p, make(chan os.Signal), time.Millisecond, nil); err != io.ErrUnexpectedEOF || len(p.called()) != 0 {
		t.Errorf("without a signal: %v, calls %q", err, p.called())
	}
}

// TestSignalledExitsQuietly: a browser a signal ended exits with the
// signal's status and says nothing.
func TestSignalledExitsQuietly(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGHUP: 129, syscall.SIGINT: 130, syscall.SIGQUIT: 131, syscall.SIGTERM: 143} {
		var stdout, stderr bytes.Buffer
		d := deps(&stdout, &stderr)
		d.Terminal = func(io.Writer) (int, bool) { return 80, true }
		d.Browse = func(*model.Catalog, ui.Options) error { return cli.Signalled{Signal: sig} }
		if status := cli.Run(nil, d); status != want || stdout.Len()+stderr.Len() != 0 {
			t.Errorf("%v: status %d, want %d; output %q %q", sig, status, want, stdout.String(), stderr.String())
		}
	}
}
