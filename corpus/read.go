package corpus

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
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
func Default() (*Report, error) {
	r, err := Parse(DefaultName, defaultReport)
	if err == nil {
		r.Provenance = Provenance{Format: "text", FileSize: int64(len(defaultReport))}
	}
	return r, err
}

// DefaultBytes returns a copy of the embedded report's bytes.
func DefaultBytes() []byte { return slices.Clone(defaultReport) }

// reportExts are the file types read as reports; markdownExts among them
// have their Markdown syntax stripped.
var (
	reportExts   = []string{".txt", ".text", ".md", ".markdown"}
	markdownExts = []string{".md", ".markdown"}
)

func isMarkdown(name string) bool {
	return slices.Contains(markdownExts, strings.ToLower(filepath.Ext(name)))
}

func stripExt(name string) string { return strings.TrimSuffix(name, filepath.Ext(name)) }

// docNames are files that sit beside reports but describe them.
var docNames = []string{"readme", "sources", "license", "licence", "changelog", "notice"}

// ReadFile reads and parses one report file: a regular file (a FIFO or a
// device is refused, see OpenRegular) of at most MaxFileSize bytes, even
// if it grows while it is read.
func ReadFile(path string) (*Report, error) { return readFile(path, Slug(filepath.Base(path))) }

func readFile(path, id string) (*Report, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPublishedSize+1))
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if len(data) > MaxPublishedSize {
		return nil, &FileError{Path: path, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxPublishedSize)}
	}
	meta, _, err := readSidecar(path)
	if err != nil {
		return nil, err
	}
	r, err := ParseFile(context.Background(), path, data, meta)
	if err != nil {
		return nil, err
	}
	if r.ID != id {
		r.Rename(id)
	}
	return r, nil
}

// reportFile is a file to read and the ID its report gets; problem, when
// set, is why it cannot be read (a library lists it rather than fail).
type reportFile struct{ path, id, problem string }

// reportFiles expands paths into the report files they name: a file stands
// for itself, a directory for every report file below it (sorted, skipping
// hidden files and README/SOURCES/LICENSE-style notes). A report's ID comes
// from its path below the directory named (a/report.txt → a-report), so it
// does not change when other files are added; IDs that still collide get
// "-2", "-3"… in path order.
func reportFiles(paths []string) ([]reportFile, error) { return listReportFiles(paths, false) }

// listReportFiles is reportFiles; tolerant, a file of a directory that
// cannot be read (a FIFO, a link out of the directory or to nothing, a
// subdirectory that cannot be listed) is returned with its problem instead
// of failing the listing, as a library that must go on with the others
// needs.
func listReportFiles(paths []string, tolerant bool) ([]reportFile, error) {
	var files []reportFile
	used := map[string]bool{}
	add := func(path, rel, problem string) {
		id := Slug(rel)
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", Slug(rel), n)
		}
		used[id] = true
		files = append(files, reportFile{path, id, problem})
	}
	for _, path := range paths {
		root, err := resolve(path)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		info, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if !info.IsDir() {
			add(path, filepath.Base(path), "")
			continue
		}
		var found []string
		problems := map[string]string{}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil && tolerant && p != root {
				if d != nil && d.IsDir() {
					return filepath.SkipDir // a folder that cannot be listed
				}
				return nil
			}
			if err != nil {
				return err
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && p != root {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !IsReportName(name) {
				return nil
			}
			var problem error
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				problem = insideLink(root, p)
			case !d.Type().IsRegular():
				info, err := d.Info()
				if err != nil {
					problem = err
				} else {
					problem = regular(p, info) // a FIFO named like a report
				}
			}
			if problem != nil && !tolerant {
				return problem
			}
			if problem != nil {
				problems[p] = strings.TrimPrefix(problem.Error(), "corpus: ")
			}
			found = append(found, p)
			return nil
		})
		if errors.Is(err, ErrNotRegular) {
			return nil, err // named with its path already
		}
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if len(found) == 0 {
			return nil, &FileError{Path: path, Err: fmt.Errorf("%w (looked for %s files)", ErrNoReports, strings.Join(reportExts, ", "))}
		}
		slices.Sort(found)
		for _, f := range found {
			rel, _ := filepath.Rel(root, f)
			add(f, rel, problems[f])
		}
	}
	return files, nil
}

// resolve is filepath.EvalSymlinks with an error that always names the
// path: its "too many links" for a loop names none.
func resolve(path string) (string, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil && !errors.As(err, new(*fs.PathError)) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return target, err
}

// insideLink checks a link met in a directory of reports: it is read when
// it points to a file inside the directory (another name for a report
// there), and refused when it leads out of it — reading a directory does
// not read files elsewhere that a link planted in it names. A file outside
// is read when it is named itself.
func insideLink(root, link string) error {
	target, err := resolve(link)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(root, target); err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("%s links to %s, outside %s: a directory's reports are read from inside it; name the file itself to read it", link, target, root)
	}
	return nil
}

// ReportFiles expands paths into the report files they name (see ReadPaths).
func ReportFiles(paths []string) ([]string, error) {
	files, err := reportFiles(paths)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.path
	}
	return out, nil
}

// Walk reads the reports that paths name one at a time, so that a caller
// can process any number of them in bounded memory. It yields each report
// or the error that kept a file from being read; an error in expanding the
// paths is yielded alone.
func Walk(paths []string) iter.Seq2[*Report, error] {
	return func(yield func(*Report, error) bool) {
		files, err := reportFiles(paths)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, f := range files {
			if !yield(readFile(f.path, f.id)) {
				return
			}
		}
	}
}

// ReadPaths reads every report that paths name: a file stands for itself, a
// directory for the report files below it (.txt/.text/.md/.markdown, and
// .pdf/.docx/.html/.htm, with .doc/.wps/.odt/.rtf listed to be refused). It returns all
// reports or none: on any error it returns an error that lists every file
// that failed.
func ReadPaths(paths []string) ([]*Report, error) {
	var reports []*Report
	var errs []error
	for r, err := range Walk(paths) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		reports = append(reports, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return reports, nil
}

// Rename changes the report's ID and every section, paragraph, figure and
// commitment ID with it.
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
