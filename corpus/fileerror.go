package corpus

// FileError is an error about one report file or directory: it names the
// path, and the line when the problem is on one, so that the program's
// edges (web, the command) can say so in their own words, while the cause
// (ErrEncoding, ErrNoReports …) stays reachable with errors.Is.
type FileError struct {
	Path string // empty when the caller adds it (a FileError wrapping one with the Line)
	Line int    // from 1; 0 when the problem is not on one line
	Err  error
}

func (e *FileError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return "corpus: " + e.Path + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }
