package corpus

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed reports/shangcheng-2022-plan-report.txt
var defaultReport []byte

// DefaultName is the file name of the report embedded in the binary.
const DefaultName = "shangcheng-2022-plan-report.txt"

// Default parses the report embedded in the binary: the Shangcheng District
// (Hangzhou) report on the execution of the 2022 plan and the 2023 draft plan.
func Default() (*Report, error) { return Parse(DefaultName, defaultReport) }

// DefaultBytes returns a copy of the embedded report's bytes.
func DefaultBytes() []byte { return slices.Clone(defaultReport) }

// ReadFile reads and parses one report file.
func ReadFile(path string) (*Report, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("corpus: %s: is a directory", path)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("corpus: %s: %w: %d bytes, limit %d", path, ErrTooLarge, info.Size(), MaxFileSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return Parse(path, data)
}

// reportExts are the file types read from a directory.
var reportExts = []string{".txt", ".md", ".text", ".markdown"}

// docNames are files that sit beside reports but describe them.
var docNames = []string{"readme", "sources", "license", "licence", "changelog", "notice"}

// ReportFiles expands paths into the report files they name: a file stands
// for itself, a directory for every .txt/.md file below it (sorted, skipping
// hidden files and README/SOURCES/LICENSE-style notes).
func ReportFiles(paths []string) ([]string, error) {
	var files []string
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if !info.IsDir() {
			files = append(files, path)
			continue
		}
		var found []string
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && p != path {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !slices.Contains(reportExts, strings.ToLower(filepath.Ext(name))) {
				return nil
			}
			stem := strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))
			if slices.Contains(docNames, stem) {
				return nil
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("corpus: %s: %w (looked for %s files)", path, ErrNoReports, strings.Join(reportExts, ", "))
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return files, nil
}

// ReadPaths reads every report that paths name (see ReportFiles). It reads
// them all before it returns: on any error it returns no reports and an
// error that lists every file that failed. Two files with the same slug get
// "-2", "-3"… in the order of their paths.
func ReadPaths(paths []string) ([]*Report, error) {
	files, err := ReportFiles(paths)
	if err != nil {
		return nil, err
	}
	var reports []*Report
	var errs []error
	ids := map[string]int{}
	for _, f := range files {
		r, err := ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids[r.ID]++
		if n := ids[r.ID]; n > 1 {
			r.Rename(fmt.Sprintf("%s-%d", r.ID, n))
		}
		reports = append(reports, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return reports, nil
}

// Rename changes the report's ID and every section and paragraph ID with it.
func (r *Report) Rename(id string) {
	old := r.ID
	r.ID = id
	re := func(s string) string {
		if s == "" {
			return s
		}
		return id + strings.TrimPrefix(s, old)
	}
	for s := range r.AllSections() {
		s.ID = re(s.ID)
	}
	for p := range r.Paragraphs() {
		p.ID, p.SectionID = re(p.ID), re(p.SectionID)
		for _, f := range p.Figures {
			f.ID, f.ParagraphID = re(f.ID), re(f.ParagraphID)
		}
	}
	for _, c := range r.Commitments {
		c.ID, c.ParagraphID = re(c.ID), re(c.ParagraphID)
		for i, f := range c.Figures {
			c.Figures[i] = re(f)
		}
	}
}
