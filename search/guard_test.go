package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
)

// TestDamageBleveMissesIsAnError damages a segment in ways the open checks
// cannot see — the manifest is made to record the damaged file, as when a
// file changes under a running server — and checks that opening and
// searching return errors instead of panicking. A panic that escapes fails
// the whole test binary, so the test is that it ends; and at least one
// damage must have surfaced as ErrDamaged, or it exercised nothing.
func TestDamageBleveMissesIsAnError(t *testing.T) {
	root := t.TempDir()
	if _, err := indexer.Build(context.Background(), root, []corpus.Source{corpus.DefaultSource()}, indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	build, err := filepath.EvalSymlinks(filepath.Join(root, "current"))
	if err != nil {
		t.Fatal(err)
	}
	segs, _ := filepath.Glob(filepath.Join(build, "index", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment")
	}
	seg := segs[0]
	pristine, err := os.ReadFile(seg)
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join(build, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"就业", "数字经济", "老旧小区 改造", "\"城市更新\"", "year:2023 养老"}
	surfaced := 0
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 1))
		data := append([]byte(nil), pristine...)
		for range 32 {
			data[r.IntN(len(data))] ^= byte(1 + r.IntN(255))
		}
		writeSealed(t, build, seg, data, manifest)
		err := searchAll(root, queries)
		switch {
		case errors.Is(err, indexer.ErrDamaged):
			surfaced++
		case err != nil:
			t.Logf("seed %d: %v", seed, err) // bleve's own error: also fine
		}
	}
	writeSealed(t, build, seg, pristine, manifest)
	if err := searchAll(root, queries); err != nil {
		t.Fatalf("the restored index: %v", err)
	}
	if surfaced == 0 {
		t.Fatal("no damage surfaced as ErrDamaged: the test exercised no panic")
	}
	t.Logf("%d of 40 damages were panics inside bleve, turned into errors", surfaced)
}

// searchAll opens the index and runs the queries, stopping at an error.
func searchAll(root string, queries []string) error {
	e, err := Open(root)
	if err != nil {
		return err
	}
	defer e.Close()
	for _, s := range queries {
		q, err := query.Parse(s)
		if err != nil {
			return err
		}
		if _, err := e.Search(context.Background(), Request{Query: q}); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// writeSealed writes data to the segment and records it in the manifest
// as if the build had written it.
func writeSealed(t *testing.T, build, seg string, data, manifest []byte) {
	t.Helper()
	if err := os.WriteFile(seg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(filepath.Join(build, "index"), seg)
	for _, f := range m["files"].([]any) {
		if f := f.(map[string]any); f["path"] == filepath.ToSlash(rel) {
			f["size"] = len(data)
			f["crc32c"] = fmt.Sprintf("%x", crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
		}
	}
	out, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(build, "manifest.json"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}
