package web

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/corpus/extract"
	"reportsearch/internal/messages"
)

// A report is added from the page by writing it into the library folder,
// which the server watches: the upload only checks the file and puts it
// there under a name of the server's making; indexing is the library's.
// Nothing the client sends names a path. The file is checked whole before
// it enters the folder — its format by content, then read as a report —
// so a bad file gets a message and changes nothing.

// Upload turns on 「添加报告」: where files go and what a request must carry.
type Upload struct {
	// Dir is the library folder the server watches.
	Dir string
	// Token is what every upload must carry: the page puts it in its form
	// (it is the CSRF token), and a server reachable from other machines
	// asks the user for it (Ask).
	Token string
	// Ask is true when the user must type the token (serve --upload-token
	// on a non-loopback address); false when the page fills it in.
	Ask bool
	// MaxBytes bounds a file; 0 means DefaultMaxUpload.
	MaxBytes int64
}

// DefaultMaxUpload is the largest file a user may add from the page.
const DefaultMaxUpload = 50 << 20

// uploadFormats are the formats a file added from the page may be in, and
// the extension it is saved with.
var uploadFormats = map[extract.Format]string{extract.Text: ".txt", extract.PDF: ".pdf", extract.DOCX: ".docx", extract.HTML: ".html"}

// maxNameRunes bounds the saved file name's stem.
const maxNameRunes = 80

func errForbidden(key string, pairs ...any) *httpError {
	return newError(http.StatusForbidden, "forbidden", key, pairs...)
}

func errUnsupportedFile(key string, pairs ...any) *httpError {
	return newError(http.StatusUnsupportedMediaType, "unsupported file", key, pairs...)
}

// apiUpload takes one file (form field "file") and a token (field "token")
// and writes the file into the library folder. It answers 201 with the
// saved name; the library indexes it within seconds (GET /api/library).
func (s *Server) apiUpload(c *gin.Context) {
	name, err := s.receive(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if isAPI(c) {
		c.JSON(http.StatusCreated, gin.H{"file": name, "library": pathAPILibrary})
		return
	}
	c.Redirect(http.StatusSeeOther, pathReports+"?added="+url.QueryEscape(name))
}

// receive checks and saves the upload, returning the saved file's name.
func (s *Server) receive(c *gin.Context) (string, error) {
	up := s.cfg.Upload
	if up == nil {
		return "", errForbidden("web.upload-off")
	}
	if err := sameOrigin(c.Request); err != nil {
		return "", err
	}
	limit := up.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxUpload
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit+1<<20) // the form's own bytes besides the file
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return "", badRequest("web.upload-form")
	}
	var token, clientName, tmp string
	defer func() {
		if tmp != "" {
			os.Remove(tmp)
		}
	}()
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", uploadReadError(err, limit)
		}
		switch part.FormName() {
		case "token":
			b, err := io.ReadAll(io.LimitReader(part, 256))
			if err != nil {
				return "", uploadReadError(err, limit)
			}
			token = strings.TrimSpace(string(b))
		case "file":
			if tmp != "" {
				return "", badRequest("web.upload-one")
			}
			// The token comes first (the page's form sends it first): no
			// byte of a request without it is written to the disk.
			if !validToken(token, up.Token) {
				return "", errForbidden("web.upload-token")
			}
			clientName = part.FileName()
			if tmp, err = spool(part, up.Dir, limit); err != nil {
				return "", err
			}
		}
		part.Close()
	}
	if !validToken(token, up.Token) {
		return "", errForbidden("web.upload-token")
	}
	if tmp == "" {
		return "", badRequest("web.upload-none")
	}
	data, err := os.ReadFile(tmp)
	if err != nil {
		return "", err
	}
	format := extract.Sniff(data)
	ext, ok := uploadFormats[format]
	if !ok {
		return "", errUnsupportedFile("web.upload-format", "file", displayName(clientName), "format", format)
	}
	stem := safeStem(clientName)
	// Read as the library will read it: under the name it is saved with.
	if _, err := corpus.ParseFile(c.Request.Context(), stem+ext, data, extract.Meta{}); err != nil {
		return "", unreadableUpload(clientName, err)
	}
	name, err := placeUpload(tmp, up.Dir, stem, ext)
	if err != nil {
		return "", err
	}
	tmp = "" // it is the report now
	s.cfg.Logger.Info("report added from the page", "file", name, "format", format, "bytes", len(data))
	return name, nil
}

// uploadReadError says why a request's body could not be read.
func uploadReadError(err error, limit int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return newError(http.StatusRequestEntityTooLarge, "file too large", "web.upload-too-large", "max", limit>>20)
	}
	return badRequest("web.upload-cut")
}

// sameOrigin refuses a form posted from another site: a browser says where
// a request comes from (Sec-Fetch-Site, Origin), and a page elsewhere must
// not add files to this library through the user's browser.
func sameOrigin(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return errForbidden("web.upload-foreign")
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "null" {
		u, err := url.Parse(origin)
		if err != nil || u.Host != r.Host {
			return errForbidden("web.upload-foreign")
		}
	}
	return nil
}

// spool writes the file's bytes to a hidden temporary file in dir (the
// library ignores hidden files), at most limit of them.
func spool(part *multipart.Part, dir string, limit int64) (string, error) {
	f, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return "", err
	}
	n, err := io.Copy(f, io.LimitReader(part, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = &http.MaxBytesError{Limit: limit}
	}
	if err != nil {
		os.Remove(f.Name())
		return "", uploadReadError(err, limit)
	}
	if n == 0 {
		os.Remove(f.Name())
		return "", badRequest("web.upload-empty")
	}
	return f.Name(), nil
}

// placeUpload moves the checked file into dir as stem+ext, or stem-2+ext …
// when that name is taken: nothing already in the library is replaced. A
// name the library would skip (README, SOURCES…) or one with a sidecar
// left beside it (another report's metadata) counts as taken.
func placeUpload(tmp, dir, stem, ext string) (string, error) {
	for n := 1; n < 1000; n++ {
		name := stem + ext
		if n > 1 {
			name = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		target := filepath.Join(dir, name)
		if !corpus.IsReportName(name) {
			continue
		}
		if _, err := os.Lstat(corpus.SidecarOf(target)); err == nil {
			continue
		}
		err := claim(tmp, target)
		if err == nil {
			os.Remove(tmp)
			return name, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("writing the report into the library: %w", err)
		}
	}
	return "", newError(http.StatusConflict, "conflict", "web.upload-no-name")
}

// claim makes target a copy of tmp, failing with os.ErrExist when target
// exists: a hard link where the file system has them (a rename would
// replace an existing file), else a file created exclusively and copied.
func claim(tmp, target string) error {
	err := os.Link(tmp, target)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	in, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(target)
		return err
	}
	return out.Close()
}

// validToken compares the token sent with the server's in constant time.
func validToken(sent, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(sent), []byte(want)) == 1
}

// RemoveStaleUploads deletes what uploads cut off by a crash left in dir.
func RemoveStaleUploads(dir string) {
	if stale, err := filepath.Glob(filepath.Join(dir, ".upload-*")); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
}

// safeStem makes a file name stem of what the client called the file:
// its last path element only (either slash), letters, digits and a few
// marks, no leading dot; "report" when nothing is left.
func safeStem(clientName string) string {
	base := clientName[strings.LastIndexAny(clientName, `/\`)+1:]
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	n := 0
	for _, r := range base {
		if n == maxNameRunes {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case r == '-' || r == '_' || r == '.' || r == '（' || r == '）' || r == '(' || r == ')':
		case unicode.IsSpace(r):
			r = '_'
		default:
			continue
		}
		b.WriteRune(r)
		n++
	}
	stem := strings.TrimLeft(b.String(), ".")
	if stem == "" || strings.EqualFold(strings.TrimRight(stem, "."), "") {
		return "report"
	}
	return stem
}

// displayName is a client's file name fit for a message.
func displayName(name string) string {
	if name == "" {
		return messages.Say("file.unnamed")
	}
	return filepath.Base(strings.ReplaceAll(name, `\`, "/"))
}
