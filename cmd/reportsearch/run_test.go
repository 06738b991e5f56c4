package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestParseDefaultOutline(t *testing.T) {
	out, _, err := runCLI(t, "parse")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"shangcheng-2022-plan-report  关于上城区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案",
		"issuer 上城区发展改革和经济信息化局",
		"date 2023-01-17",
		"  二、 2022年国民经济和社会发展情况  [2022 result]",
		"    （三） 规建并重强功能，城区品质迭代升级  [2022 result]",
		"      1. 城区空间更新发展  [2022 result]  1 paragraph: shangcheng-2022-plan-report/2.3.1/p1",
		"  四、 2023年经济和社会发展的主要任务  [2023 target]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q", want)
		}
	}
}

// jsonSection mirrors the documented JSON shape of `parse --json`.
type jsonSection struct {
	ID         string `json:"id"`
	Level      int    `json:"level"`
	Number     int    `json:"number"`
	Title      string `json:"title"`
	Year       int    `json:"year"`
	Paragraphs []struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"paragraphs"`
	Sections []jsonSection `json:"sections"`
}

type jsonReport struct {
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Issuer   string        `json:"issuer"`
	Date     string        `json:"date"`
	Sections []jsonSection `json:"sections"`
}

func TestParseJSON(t *testing.T) {
	out, _, err := runCLI(t, "parse", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not one JSON object: %v", err)
	}
	if r.ID != "shangcheng-2022-plan-report" || r.Issuer != "上城区发展改革和经济信息化局" || r.Date != "2023-01-17" || !strings.HasPrefix(r.Title, "关于上城区2022年") {
		t.Errorf("metadata: %+v", r)
	}
	if len(r.Sections) != 4 || len(r.Sections[1].Sections) != 5 || len(r.Sections[1].Sections[0].Sections) != 3 {
		t.Fatalf("tree shape wrong: %d parts", len(r.Sections))
	}
	item := r.Sections[1].Sections[0].Sections[0]
	if item.Level != 3 || item.Number != 1 || item.Year != 2022 || item.Title != "都市经济质效齐升" ||
		len(item.Paragraphs) != 1 || !strings.HasPrefix(item.Paragraphs[0].Text, "“3+2”产业发展能级不断提升") {
		t.Errorf("item 2.1.1 = %+v", item)
	}
}

func TestParseFilesAndDirectories(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus", "testdata", "reports")
	out, _, err := runCLI(t, "parse", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var reports []jsonReport
	if err := json.Unmarshal([]byte(out), &reports); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	// Every .txt file under the directory, its subdirectories too, is a
	// report; SOURCES.md files are not.
	var files []string
	if err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			files = append(files, path)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(reports) != len(files) || len(files) < 80 {
		t.Fatalf("%d reports of %d files", len(reports), len(files))
	}
	for _, r := range reports {
		if strings.HasPrefix(r.ID, "dev-") {
			continue // the development corpus has its own test: corpus.TestEveryReportReads
		}
		if len(r.Sections) < 2 || !strings.Contains(r.Title, "报告") {
			t.Errorf("%s: %d parts, title %q", r.ID, len(r.Sections), r.Title)
		}
	}
}

func TestErrorsAndExitKinds(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		usage bool
		says  string
	}{
		{"unknown flag", []string{"parse", "--bogus"}, true, "unknown flag"},
		{"unknown command", []string{"frobnicate"}, true, "unknown command"},
		{"missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, false, "nope.txt"},
		{"binary file", []string{"parse", bin}, false, "image.txt: binary file"},
		{"empty directory", []string{"parse", t.TempDir()}, false, "no report files"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCLI(t, tc.args...)
			if err == nil {
				t.Fatal("no error")
			}
			var ue usageError
			if errors.As(err, &ue) != tc.usage {
				t.Errorf("usage error = %v, want %v (%v)", !tc.usage, tc.usage, err)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q does not say %q", err, tc.says)
			}
			if out != "" {
				t.Errorf("wrote output despite the error: %q", out)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	out, _, err := runCLI(t, "--help")
	if err != nil || !strings.Contains(out, "parse") {
		t.Fatalf("help: %v\n%s", err, out)
	}
}

// TestBadCommandLinesExit2: a wrong number of arguments and a number flag
// out of range are usage errors (exit 2), like an unknown flag.
func TestBadCommandLinesExit2(t *testing.T) {
	for _, args := range [][]string{{"search"}, {"ask"}, {"cite"}, {"cite", "a", "b"}, {"search", "--limit", "-5", "就业"},
		{"search", "--limit", "101", "就业"}, {"search", "--page", "0", "就业"}} {
		_, _, err := runCLI(t, args...)
		if err == nil || !isUsageError(err) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// TestServeAllowsItsOwnHosts: the Host check allows the loopback names and
// the address listened on; an address on every interface is warned of and
// allows the machine's own addresses.
func TestServeAllowsItsOwnHosts(t *testing.T) {
	var log strings.Builder
	hosts, err := allowedHosts("127.0.0.2:8080", []string{"reports.lan"}, &log)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"127.0.0.1", "localhost", "::1", "127.0.0.2", "reports.lan"} {
		if !slices.Contains(hosts, h) {
			t.Errorf("hosts %v lack %s", hosts, h)
		}
	}
	if log.Len() != 0 {
		t.Errorf("a loopback address warned: %s", log.String())
	}
	hosts, err = allowedHosts(":8080", nil, &log)
	if err != nil || !strings.Contains(log.String(), "every network interface") || len(hosts) <= 3 {
		t.Errorf(":8080: hosts %v, %v, log %q", hosts, err, log.String())
	}
	if _, err := allowedHosts("8080", nil, &log); err == nil || !isUsageError(err) {
		t.Errorf("--addr 8080: %v, want a usage error", err)
	}
}
