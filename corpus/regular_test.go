//go:build unix

package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOddFilesAreRefused: a FIFO or a device named like a report, alone or
// in a directory, is refused at once with its name — opening a FIFO would
// block until a writer comes — and links in a directory are read only
// when they stay inside it.
func TestOddFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	withFIFO := filepath.Join(dir, "reports")
	mkdir(t, withFIFO)
	writeReport(t, filepath.Join(withFIFO, "a.txt"))
	if err := syscall.Mkfifo(filepath.Join(withFIFO, "b.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := []struct {
		name string
		call func() error
		says []string
	}{
		{"ReadFile of a FIFO", func() error { _, err := ReadFile(fifo); return err }, []string{fifo, "named pipe"}},
		{"Sources of a FIFO", func() error { _, err := Sources([]string{fifo}); return err }, []string{fifo, "named pipe"}},
		{"ReadPaths of a directory with a FIFO", func() error { _, err := ReadPaths([]string{withFIFO}); return err }, []string{"b.txt", "named pipe"}},
		{"Sources of a directory with a FIFO", func() error { _, err := Sources([]string{withFIFO}); return err }, []string{"b.txt", "named pipe"}},
		{"ReadFile of a device", func() error { _, err := ReadFile("/dev/zero"); return err }, []string{"/dev/zero", "device"}},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- c.call() }()
			select {
			case err := <-done:
				if !errors.Is(err, ErrNotRegular) {
					t.Fatalf("err = %v, want ErrNotRegular", err)
				}
				for _, s := range c.says {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("%v: does not say %q", err, s)
					}
				}
				if strings.Contains(err.Error(), "corpus: corpus:") {
					t.Errorf("%v: prefixed twice", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("blocked on the FIFO")
			}
		})
	}
}

func TestLinksInADirectory(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.txt")
	writeReport(t, outside)
	reports := filepath.Join(dir, "reports")
	mkdir(t, reports)
	writeReport(t, filepath.Join(reports, "a.txt"))
	link(t, "a.txt", filepath.Join(reports, "alias.txt")) // inside: read
	if got, err := ReportFiles([]string{reports}); err != nil || len(got) != 2 {
		t.Errorf("a link inside the directory: %v, %v; want both files", got, err)
	}

	link(t, outside, filepath.Join(reports, "planted.txt"))
	_, err := ReportFiles([]string{reports})
	if err == nil || !strings.Contains(err.Error(), "planted.txt") || !strings.Contains(err.Error(), "outside") {
		t.Errorf("a link out of the directory: %v; want it refused by name", err)
	}
	if got, err := ReportFiles([]string{outside}); err != nil || len(got) != 1 {
		t.Errorf("the outside file named itself: %v, %v", got, err)
	}

	loop := filepath.Join(dir, "loop")
	mkdir(t, loop)
	link(t, "self.txt", filepath.Join(loop, "self.txt"))
	if _, err := ReportFiles([]string{loop}); err == nil || !strings.Contains(err.Error(), "self.txt") {
		t.Errorf("a link loop: %v; want an error naming it", err)
	}
	if _, err := ReportFiles([]string{filepath.Join(loop, "self.txt")}); err == nil || !strings.Contains(err.Error(), "self.txt") {
		t.Errorf("a link loop named itself: %v; want an error naming it", err)
	}
}

func writeReport(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("一、2022年工作回顾\n全年新建口袋公园5个。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}
