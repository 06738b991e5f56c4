package indexer

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// An update starts from a copy of the current build: bleve's segment files
// are written once and never again (zapx maps them read-only; a new
// segment takes a number above the highest on disk), so the copy links
// them rather than copying gigabytes; the root file, which scorch
// rewrites, and the small metadata are copied.

// copyBuild makes dst a copy of the index at src: bleve's segment files
// (.zap, written once and never again) as hard links, where the file
// system allows, everything else as copies.
func copyBuild(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(d.Name(), ".zap") && os.Link(path, target) == nil {
			return nil
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
