package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestByteOrderMark: a config an editor saved with a UTF-8 byte order
// mark reads as without it, its lines unchanged.
func TestByteOrderMark(t *testing.T) {
	path := writeConfig(t, "\ufefftheme = \"light\"\n[keys]\nslack = \"i\"\n")
	cfg, err := Load(path, testActions, nil)
	if err != nil || cfg.Theme != "light" || cfg.KeyLines["slack"] != 3 {
		t.Errorf("%+v %v", cfg, err)
	}
	path = writeConfig(t, "\ufefftheme = \"blue\"\n")
	if _, err := Load(path, testActions, nil); err == nil || !strings.HasSuffix(err.Error(), `config.toml:1: theme: "blue" is not a theme; use auto, dark or light`) {
		t.Errorf("a mistake after the mark: %v", err)
	}
}

// TestConfigTooLarge: a config over 1 MiB is refused, naming the file,
// without reading on.
func TestConfigTooLarge(t *testing.T) {
	path := writeConfig(t, "# "+strings.Repeat("x", 1<<20)+"\n")
	if _, err := Load(path, testActions, nil); err == nil || err.Error() != path+": larger than 1 MiB, too large for a config file" {
		t.Errorf("%v", err)
	}
}

// TestConfigNameEchoedInert: a file name holding escapes is echoed with
// them shown, not sent to the terminal.
func TestConfigNameEchoedInert(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a\x1b]0;x\x07.toml")
	if err := os.WriteFile(path, []byte("theme = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, testActions, nil)
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") {
		t.Errorf("%q", err)
	}
}
