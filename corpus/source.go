package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Source is a report file to be read: its ID, where it is, and the sha256
// of its bytes. Sources let an index tell whether it is current without
// parsing anything.
type Source struct {
	ID   string `json:"id"`
	Path string `json:"path"` // empty for the embedded report
	Hash string `json:"hash"`
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
		h, err := hashFile(f.path)
		if err != nil {
			return nil, err
		}
		// Absolute, so that an index can read its reports again from any
		// working directory.
		path, err := filepath.Abs(f.path)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		out = append(out, Source{ID: f.id, Path: path, Hash: h})
	}
	return out, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, MaxFileSize+1)); err != nil {
		return "", fmt.Errorf("corpus: %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Read reads and parses the source's report.
func (s Source) Read() (*Report, error) {
	if s.Path == "" {
		return Default()
	}
	return readFile(s.Path, s.ID)
}

// ParserVersion changes whenever parsing, figure extraction or domain
// tagging changes what a report yields, so that indexes built by an older
// program are rebuilt.
const ParserVersion = "2026-11-27.10"

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
		h, err := hashFile(s.Path)
		if err != nil {
			return nil, err
		}
		out[i] = Source{ID: s.ID, Path: s.Path, Hash: h}
	}
	return out, nil
}
