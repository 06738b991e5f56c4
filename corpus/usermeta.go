package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"reportsearch/corpus/extract"
)

// A user says what a file does not: where it was published, its title,
// issuer or date. Beside report.pdf, a file report.meta.json holds
//
//	{"source_url": "https://…", "title": "…", "issuer": "…", "date": "2023-01-17"}
//
// and a text report may open with the same keys as front matter:
//
//	---
//	source_url: https://…
//	date: 2023-01-17
//	---

// SidecarSuffix ends the name of the file that describes a report.
const SidecarSuffix = ".meta.json"

// maxSidecar bounds a sidecar's size: it holds four short fields.
const maxSidecar = 64 << 10

var reISODate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkMeta validates what a user wrote, naming the field that is wrong.
func checkMeta(m extract.Meta, where string) error {
	if m.SourceURL != "" {
		u, err := url.Parse(m.SourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("corpus: %s: source_url %q is not an http(s) address", where, m.SourceURL)
		}
	}
	if m.Date != "" && !reISODate.MatchString(m.Date) {
		return fmt.Errorf("corpus: %s: date %q is not YYYY-MM-DD", where, m.Date)
	}
	return nil
}

// SidecarOf is the path of the sidecar that describes the report at path.
func SidecarOf(path string) string { return stripExt(path) + SidecarSuffix }

// readSidecar reads the sidecar beside path; no sidecar is no metadata.
func readSidecar(path string) (extract.Meta, []byte, error) {
	var m extract.Meta
	side := SidecarOf(path)
	f, err := OpenRegular(side)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil, nil
	}
	if err != nil {
		return m, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSidecar+1))
	if err != nil {
		return m, nil, fmt.Errorf("corpus: %w", err)
	}
	if len(data) > maxSidecar {
		return m, nil, fmt.Errorf("corpus: %s: more than %d bytes", side, maxSidecar)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, nil, fmt.Errorf("corpus: %s: %v (expected {\"source_url\", \"title\", \"issuer\", \"date\"})", side, err)
	}
	m = trimMeta(m)
	return m, data, checkMeta(m, side)
}

func trimMeta(m extract.Meta) extract.Meta {
	m.Title, m.Issuer = strings.TrimSpace(m.Title), strings.TrimSpace(m.Issuer)
	m.Date, m.SourceURL = strings.TrimSpace(m.Date), strings.TrimSpace(m.SourceURL)
	return m
}

// splitFrontMatter takes a leading --- block of key: value lines off a text
// report. A block with a key it does not know is not front matter (a
// report may open with a rule) and stays in the text.
func splitFrontMatter(data []byte) (extract.Meta, []byte) {
	var m extract.Meta
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(body, []byte("---\n")) && !bytes.HasPrefix(body, []byte("---\r\n")) {
		return m, data
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Scan() // the opening ---
	consumed := len(sc.Bytes()) + 1
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		consumed += len(sc.Bytes()) + 1
		if line == "---" {
			if checkMeta(trimMeta(m), "front matter") != nil {
				return extract.Meta{}, data
			}
			return trimMeta(m), body[min(consumed, len(body)):]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return extract.Meta{}, data
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch strings.TrimSpace(key) {
		case "source_url":
			m.SourceURL = value
		case "title":
			m.Title = value
		case "issuer":
			m.Issuer = value
		case "date":
			m.Date = value
		default:
			return extract.Meta{}, data
		}
	}
	return extract.Meta{}, data
}
