package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
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
		out = append(out, Source{ID: f.id, Path: f.path, Hash: h})
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
