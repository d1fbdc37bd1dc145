package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeOpeners puts scripts named after openers first on PATH; each appends
// its name and arguments to the returned log file and prints noise.
func fakeOpeners(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	for _, n := range names {
		script := "#!/bin/sh\necho " + n + " \"$@\" >> " + log + "\necho noise; echo noise >&2\n"
		if err := os.WriteFile(filepath.Join(dir, n), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

func readLog(t *testing.T, log string) string {
	b, err := os.ReadFile(log)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

func TestSystemOpener(t *testing.T) {
	const url = "https://github.com/open-policy-agent/gatekeeper"
	for _, tc := range []struct {
		name string
		env  map[string]string
		url  string
		log  string // what the fake openers were run with
		err  string
	}{
		{name: "BROWSER", env: map[string]string{"BROWSER": "mybrowser --new-tab"}, url: url, log: "mybrowser --new-tab " + url},
		{name: "xdg-open with a display", env: map[string]string{"DISPLAY": ":0"}, url: url, log: "xdg-open " + url},
		{name: "wayland", env: map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, url: url, log: "xdg-open " + url},
		{name: "WSL", env: map[string]string{"WSL_DISTRO_NAME": "Debian"}, url: url, log: "wslview " + url},
		{name: "no display", url: url, err: "no browser can run here"},
		{name: "BROWSER with %s", env: map[string]string{"BROWSER": "mybrowser --url=%s --new-tab"}, url: url, log: "mybrowser --url=" + url + " --new-tab"},
		{name: "SSH session", env: map[string]string{"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 5022 10.0.0.2 22"}, url: url, err: "SSH session"},
		{name: "SSH tty", env: map[string]string{"DISPLAY": ":0", "SSH_TTY": "/dev/pts/3"}, url: url, err: "SSH session"},
		{name: "SSH with BROWSER", env: map[string]string{"SSH_TTY": "/dev/pts/3", "BROWSER": "mybrowser"}, url: url, log: "mybrowser " + url},
		{name: "refused scheme", env: map[string]string{"DISPLAY": ":0", "BROWSER": "mybrowser"}, url: "javascript:alert(1)", err: `scheme "javascript"`},
		{name: "refused flag", env: map[string]string{"DISPLAY": ":0"}, url: "--help", err: "may not start with '-'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "SSH_CONNECTION", "SSH_TTY"} {
				t.Setenv(k, tc.env[k])
			}
			log := fakeOpeners(t, "mybrowser", "xdg-open", "wslview")
			err := SystemOpener(tc.url)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("err = %v, want %q", err, tc.err)
				}
			} else if err != nil {
				t.Errorf("err = %v", err)
			}
			if got := readLog(t, log); got != tc.log {
				t.Errorf("openers ran with %q, want %q", got, tc.log)
			}
		})
	}
}
