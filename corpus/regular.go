package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular means a path names something other than a regular file: a
// named pipe, a device, a socket. Opening a FIFO blocks until a writer
// comes, which for a reader of reports is forever; a device such as
// /dev/zero never ends. Such files are refused before they are opened.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens a regular file for reading, or refuses with an error
// that names it. It checks the file's kind before opening it and again on
// the open file, and opens it non-blocking, so a FIFO put in its place in
// between cannot block.
func OpenRegular(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if info, err = f.Stat(); err == nil {
		err = regular(path, info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// regular says what is wrong with a file that is not regular.
func regular(path string, info fs.FileInfo) error {
	mode := info.Mode()
	var kind string
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		kind = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		kind = "a device"
	default:
		kind = "a special file"
	}
	return &FileError{Path: path, Err: fmt.Errorf("%w: it is %s, and only regular files are read", ErrNotRegular, kind)}
}
