package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

func TestIndexCommand(t *testing.T) {
	root := t.TempDir()
	out, errOut, err := runCLI(t, "index", "--out", root)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "已索引 1 份报告") || !strings.Contains(errOut, "已索引 1/1：shangcheng-2022-plan-report") {
		t.Errorf("stdout %q stderr %q", out, errOut)
	}
	out, _, err = runCLI(t, "index", "--out", root)
	if err != nil || !strings.Contains(out, "已是最新") {
		t.Errorf("second run: %q %v", out, err)
	}
	out, _, err = runCLI(t, "index", "--out", root, "--force")
	if err != nil || !strings.Contains(out, "已索引 1 份报告") {
		t.Errorf("--force: %q %v", out, err)
	}
	m, _, err := indexer.Current(root)
	if err != nil || m.Staleness([]corpus.Source{corpus.DefaultSource()}, nil) != "" {
		t.Errorf("manifest %+v, %v", m, err)
	}
	if _, _, err := runCLI(t, "index", "--out", root, filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("indexing a missing file succeeded")
	}
}

// TestKilledBuildLeavesIndexIntact kills `reportsearch index` with SIGKILL
// while it writes a new build and checks that the previous index is still
// current and usable, and that the next build succeeds and clears the
// remains.
func TestKilledBuildLeavesIndexIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large index")
	}
	root := t.TempDir()
	if _, _, err := runCLI(t, "index", "--out", root); err != nil {
		t.Fatal(err)
	}
	before, beforeDir, err := indexer.Current(root)
	if err != nil {
		t.Fatal(err)
	}
	// A corpus large enough to take a few seconds to index.
	big := t.TempDir()
	src := filepath.Join("..", "..", "corpus", "testdata", "reports")
	files, err := corpus.ReportFiles([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%d-%s", i, filepath.Base(f))
			if err := os.WriteFile(filepath.Join(big, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd := exec.Command(os.Args[0], "index", "--out", root, big)
	cmd.Env = append(os.Environ(), "REPORTSEARCH_MAIN=1")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has indexed a few reports into its new build.
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(stderr.String(), "已索引 20/") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the build did not get going: %s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	builds, _ := os.ReadDir(filepath.Join(root, "builds"))
	if len(builds) != 2 {
		t.Fatalf("%d builds after the kill, want the old one and the partial one", len(builds))
	}

	after, afterDir, err := indexer.Current(root)
	if err != nil || afterDir != beforeDir || after.Corpus != before.Corpus {
		t.Fatalf("after the kill the current index is %s (%v), want %s", afterDir, err, beforeDir)
	}
	idx, _, err := indexer.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	n, err := idx.DocCount()
	idx.Close()
	if err != nil || int(n) != before.Documents() {
		t.Fatalf("the old index has %d documents (%v), want %d", n, err, before.Documents())
	}

	// The next build completes and removes the partial one (one report is
	// enough for that, and quick under the race detector).
	if _, _, err := runCLI(t, "index", "--out", root, files[0]); err != nil {
		t.Fatal(err)
	}
	builds, _ = os.ReadDir(filepath.Join(root, "builds"))
	for _, b := range builds {
		if _, err := os.Stat(filepath.Join(root, "builds", b.Name(), "manifest.json")); err != nil {
			t.Errorf("incomplete build %s left behind", b.Name())
		}
	}
}

// syncBuffer is a bytes.Buffer that the child's output copier and the test
// can use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
