package corpus

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func big5(t *testing.T, s string) []byte {
	t.Helper()
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeAccepts(t *testing.T) {
	const zh = "各位代表：现在，我代表区政府向大会作工作报告。"
	tests := []struct {
		name, enc string
		in        []byte
	}{
		{"utf-8", encUTF8, []byte(zh)},
		{"utf-8 with BOM", encUTF8, append([]byte("\xef\xbb\xbf"), zh...)},
		{"gb18030", encGB18030, gb18030(t, zh)},
		{"gb18030 with CRLF", encGB18030, gb18030(t, zh+"\r\n"+zh+"\r\n")},
		{"gb18030 four-byte sequence", encGB18030, gb18030(t, zh+"㐀")}, // U+3400 is four bytes in GB18030
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := Decode(tc.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tc.enc {
				t.Errorf("encoding = %q, want %q", enc, tc.enc)
			}
			if !strings.HasPrefix(text, zh) {
				t.Errorf("text = %q, want prefix %q", text, zh)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		want   error
		detail string
	}{
		{"empty", nil, ErrEmpty, ""},
		{"only spaces", []byte(" \n\r\n\t"), ErrEmpty, ""},
		{"only a BOM", []byte("\xef\xbb\xbf"), ErrEmpty, ""},
		{"NUL byte", []byte("各位代表\x00abc"), ErrBinary, "offset 12"},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, ""},
		{"invalid in both", []byte("各位代表\xff\xfe\x80"), ErrEncoding, "offset"},
		{"latin-1", []byte("Cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade"), ErrEncoding, "common"},
		{"big5", big5(t, "各位代表：現在，我代表區政府向大會作工作報告，請予審議。"), ErrEncoding, "common"},
		{"english", []byte("Government work report\n"), ErrNotChinese, ""},
		{"too large", bytes.Repeat([]byte("a"), MaxFileSize+1), ErrTooLarge, "bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode(tc.in)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode error = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.detail) {
				t.Errorf("error %q does not say %q", err, tc.detail)
			}
		})
	}
}
