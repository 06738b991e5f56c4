package testindex

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRemoveStale: a version no process holds and none used for an hour
// is removed; one held, or used lately, or the current one, is kept; a
// removal cut short leaves nothing behind after the next.
func TestRemoveStale(t *testing.T) {
	base := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	version := func(name string, used time.Time) string {
		dir := filepath.Join(base, name)
		if err := os.MkdirAll(filepath.Join(dir, "index"), 0o755); err != nil {
			t.Fatal(err)
		}
		lock := filepath.Join(dir, inUse)
		if err := os.WriteFile(lock, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(lock, used, used); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	stale := version("stale", old)
	recent := version("recent", time.Now())
	current := version("current", old)
	heldDir := version("held", old)
	f, err := os.Open(filepath.Join(heldDir, inUse))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	trash := filepath.Join(base, ".trash-cut-short-1")
	if err := os.Mkdir(trash, 0o755); err != nil {
		t.Fatal(err)
	}
	removeStale(base, "current")
	for dir, want := range map[string]bool{stale: false, recent: true, current: true, heldDir: true, trash: false} {
		if _, err := os.Stat(dir); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(dir), err == nil, want)
		}
	}
}

// TestHoldVersionMakesItsOwnLock: holding a version whose directory is
// gone makes it again, with a lock file of its own.
func TestHoldVersionMakesItsOwnLock(t *testing.T) {
	base := t.TempDir()
	if err := holdVersion(base, "v-test-hold"); err != nil {
		t.Fatal(err)
	}
	defer held.Delete("v-test-hold")
	if _, err := os.Stat(filepath.Join(base, "v-test-hold", inUse)); err != nil {
		t.Errorf("no lock file: %v", err)
	}
	// Another process cannot take the version while this one holds it.
	f, err := os.Open(filepath.Join(base, "v-test-hold", inUse))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err == nil {
		t.Error("an exclusive lock was granted on a held version")
	}
}
