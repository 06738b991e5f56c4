package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reportsearch/indexer"
)

// TestReadCommandsKeepTheIndex: search and the other read commands use an
// index as it is while this program can, whatever became of its files and
// wherever they run from; a --domains index keeps its taxonomy for commands
// that do not name one.
func TestReadCommandsKeepTheIndex(t *testing.T) {
	dir := t.TempDir()
	reports := filepath.Join(dir, "reports")
	if err := os.Mkdir(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(reports, "report.txt")
	text := "一、2022年工作回顾\n全年城镇新增就业1.2万人，完成加装电梯30台。\n二、2023年主要任务\n新建口袋公园5个。\n"
	if err := os.WriteFile(report, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	domains := filepath.Join(dir, "domains.txt")
	if err := os.WriteFile(domains, []byte("住房\t加装电梯\n其他\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "index")
	if _, _, err := runCLI(t, "--domains", domains, "index", "--out", root, report); err != nil {
		t.Fatal(err)
	}
	search := func(args ...string) (string, string) {
		t.Helper()
		out, errOut, err := runCLI(t, append([]string{"--index", root}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		return out, errOut
	}
	// Without --domains: the index's own taxonomy, not a rebuild.
	out, errOut := search("search", "domain:住房")
	if strings.Contains(errOut, "indexing") || !strings.Contains(out, "加装电梯") {
		t.Errorf("search without --domains: %s\n%s", errOut, out)
	}
	// The report moved away: the index still answers, and is not rebuilt.
	if err := os.Rename(reports, filepath.Join(dir, "moved")); err != nil {
		t.Fatal(err)
	}
	out, errOut = search("ask", "2022年城镇新增就业多少人")
	if strings.Contains(errOut, "indexing") || !strings.Contains(out, "1.2万人") {
		t.Errorf("ask after the report moved: %s\n%s", errOut, out)
	}
	// From another working directory too.
	t.Chdir(dir)
	if out, _ = search("search", "口袋公园"); !strings.Contains(out, "口袋公园") {
		t.Errorf("search from another directory: %s", out)
	}
	// A read command given other domains warns and does not retag the
	// index (whose files are gone: retagging would fail).
	out, errOut = search("--domains", "builtin", "search", "domain:住房")
	if !strings.Contains(errOut, "warning: the index") || strings.Contains(errOut, "indexing") || !strings.Contains(out, "加装电梯") {
		t.Errorf("search --domains builtin: %s\n%s", errOut, out)
	}
}

// TestDomainsBuiltinRetags: `index --domains builtin` tags an index that
// has its own taxonomy with the built-in one again.
func TestDomainsBuiltinRetags(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, []byte("一、2022年工作回顾\n完成加装电梯30台，新建养老床位200张。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	domains := filepath.Join(dir, "domains.txt")
	if err := os.WriteFile(domains, []byte("住房\t加装电梯\n其他\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "index")
	for _, step := range []struct {
		domains, want string
	}{{domains, "住房"}, {"", "住房"}, {"builtin", "城市更新与住房"}} {
		args := []string{"index", "--out", root, report}
		if step.domains != "" {
			args = append([]string{"--domains", step.domains}, args...)
		}
		if _, errOut, err := runCLI(t, args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		m, _, err := indexer.Current(root)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(m.Domains, step.want) {
			t.Errorf("after %v: domains %v, want %s among them", args, m.Domains, step.want)
		}
	}
}

// TestReadCommandsOnADamagedIndex: a read command finding the index
// damaged rebuilds it from the reports its manifest lists and answers;
// when those are gone, it fails with an error (exit 1, not a usage error
// and not a panic) that says what is wrong and what to run.
func TestReadCommandsOnADamagedIndex(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, []byte("一、2022年工作回顾\n全年新建口袋公园5个。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "index")
	if _, _, err := runCLI(t, "index", "--out", root, report); err != nil {
		t.Fatal(err)
	}
	damage := func() {
		t.Helper()
		_, build, err := indexer.Current(root)
		if err != nil {
			t.Fatal(err)
		}
		segs, _ := filepath.Glob(filepath.Join(build, "index", "store", "*.zap"))
		for _, s := range segs {
			if err := os.Truncate(s, 10); err != nil {
				t.Fatal(err)
			}
		}
	}
	damage()
	out, errOut, err := runCLI(t, "--index", root, "search", "口袋公园")
	if err != nil || !strings.Contains(errOut, "damaged") || !strings.Contains(out, "口袋公园") {
		t.Fatalf("search on a damaged index: %v\n%s\n%s; want it rebuilt and answered", err, errOut, out)
	}
	damage()
	if err := os.Remove(report); err != nil {
		t.Fatal(err)
	}
	_, _, err = runCLI(t, "--index", root, "search", "口袋公园")
	if err == nil || errors.As(err, new(usageError)) {
		t.Fatalf("search on a damaged index without its reports: %v; want a plain error (exit 1)", err)
	}
	for _, s := range []string{"damaged", "has 10 bytes", "index --force"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %q", err, s)
		}
	}
}
