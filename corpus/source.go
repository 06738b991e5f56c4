package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Source is a report file to be read: its ID, where it is, and the sha256
// of its bytes. Sources let an index tell whether it is current without
// parsing anything.
type Source struct {
	ID   string `json:"id"`
	Path string `json:"path"` // empty for the embedded report
	Hash string `json:"hash"`
	// Size and ModTime (Unix nanoseconds) are the file's when it was
	// hashed: a file whose size and time are unchanged is taken to be
	// unchanged, as make and git take it, and is not read again.
	Size    int64 `json:"size,omitempty"`
	ModTime int64 `json:"mtime,omitempty"`
	// Sidecar is the sha256 of the report's .meta.json, when it has one:
	// editing it changes the report.
	Sidecar string `json:"sidecar,omitempty"`
	// Problem, for a library's source, is why the file cannot be read
	// (see SourcesSince); Read returns it as the error.
	Problem string `json:"problem,omitempty"`
}

// DefaultSource is the report embedded in the binary.
func DefaultSource() Source {
	sum := sha256.Sum256(defaultReport)
	return Source{ID: Slug(DefaultName), Hash: hex.EncodeToString(sum[:])}
}

// Sources lists the report files that paths name (see ReadPaths), with the
// hash of each, reading every file once and keeping none in memory.
func Sources(paths []string) ([]Source, error) {
	files, err := reportFiles(paths)
	if err != nil {
		return nil, err
	}
	out := make([]Source, 0, len(files))
	for _, f := range files {
		// Absolute, so that an index can read its reports again from any
		// working directory.
		path, err := filepath.Abs(f.path)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		s, err := hashFile(Source{ID: f.id, Path: path})
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// SourcesSince is Sources for a library that was listed before: a file
// whose size and time are those of its entry in previous is not read
// again (its sidecar is). A file that cannot be listed, hashed or whose
// sidecar is wrong is a source with its Problem, not an error: the
// library lists it and goes on.
func SourcesSince(paths []string, previous []Source) ([]Source, error) {
	files, err := listReportFiles(paths, true)
	if err != nil {
		return nil, err
	}
	known := map[string]Source{}
	for _, s := range previous {
		known[s.Path] = s
	}
	out := make([]Source, 0, len(files))
	for _, f := range files {
		path, err := filepath.Abs(f.path)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		s := Source{ID: f.id, Path: path}
		if f.problem != "" {
			s.Problem = f.problem
			out = append(out, s)
			continue
		}
		if old, ok := known[path]; ok && old.ID == f.id && old.Problem == "" {
			s = old
		}
		rehashed, err := Rehash([]Source{s})
		if err != nil {
			s.Hash, s.Problem = "", strings.TrimPrefix(err.Error(), "corpus: ")
			out = append(out, s)
			continue
		}
		out = append(out, rehashed[0])
	}
	return out, nil
}

// hashFile returns s with the hash, size and time of its file.
func hashFile(s Source) (Source, error) {
	f, err := OpenRegular(s.Path)
	if err != nil {
		return s, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return s, fmt.Errorf("corpus: %w", err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, MaxPublishedSize+1)); err != nil {
		return s, &FileError{Path: s.Path, Err: err}
	}
	s.Hash, s.Size, s.ModTime = hex.EncodeToString(h.Sum(nil)), info.Size(), info.ModTime().UnixNano()
	return withSidecar(s)
}

// withSidecar returns s with the hash of its sidecar ("" for none).
func withSidecar(s Source) (Source, error) {
	_, data, err := readSidecar(s.Path)
	if err != nil {
		return s, err
	}
	s.Sidecar = ""
	if data != nil {
		sum := sha256.Sum256(data)
		s.Sidecar = hex.EncodeToString(sum[:])
	}
	return s, nil
}

// Read reads and parses the source's report.
func (s Source) Read() (*Report, error) {
	if s.Problem != "" {
		return nil, fmt.Errorf("corpus: %s", s.Problem)
	}
	if s.Path == "" {
		return Default()
	}
	return readFile(s.Path, s.ID)
}

// ParserVersion changes whenever parsing, figure extraction or domain
// tagging changes what a report yields, so that indexes built by an older
// program are rebuilt.
const ParserVersion = "2026-12-07.37"

// Version identifies what this program makes of a report: the parser
// version and the embedded domain taxonomy.
func Version() string {
	sum := sha256.Sum256(append([]byte(ParserVersion+"\x00"), defaultDomains...))
	return hex.EncodeToString(sum[:6])
}

// Rehash reads the sources' files again and returns them with their
// current hashes (the embedded report keeps its own), or an error naming a
// file that is gone.
func Rehash(sources []Source) ([]Source, error) {
	out := make([]Source, len(sources))
	for i, s := range sources {
		if s.Path == "" {
			out[i] = DefaultSource()
			out[i].ID = s.ID
			continue
		}
		if info, err := os.Stat(s.Path); err == nil && s.Hash != "" && s.Size != 0 &&
			info.Size() == s.Size && info.ModTime().UnixNano() == s.ModTime {
			// Unchanged: not read again; its small sidecar is.
			if out[i], err = withSidecar(s); err != nil {
				return nil, err
			}
			continue
		}
		h, err := hashFile(Source{ID: s.ID, Path: s.Path})
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}
