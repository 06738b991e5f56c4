package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	unicode16 "golang.org/x/text/encoding/unicode"
)

// Errors returned (wrapped with the file name and details) for input that is
// not a report. Test with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file, not text")
	ErrEncoding    = errors.New("text is neither UTF-8 nor GB18030")
	ErrNotChinese  = errors.New("no Chinese text")
	ErrTooLarge    = errors.New("file too large")
	ErrLineTooLong = errors.New("line too long")
	ErrNoText      = errors.New("no report text")
	ErrNoReports   = errors.New("no report files")
)

// Limits that keep a malformed input from exhausting memory or time. The
// largest real report we know of (a national five-year plan) is ~250 KB, and
// its longest line is a few KB.
const (
	MaxFileSize   = 32 << 20
	MaxLineLength = 1 << 20
)

const (
	encUTF8    = "UTF-8"
	encGB18030 = "GB18030"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
)

// Decode turns a file's bytes into UTF-8 text. It accepts UTF-8 (with or
// without a byte-order mark), GB18030 (which includes GBK and GB2312) and
// UTF-16, and refuses anything else with an error that says why.
func Decode(data []byte) (text, encoding string, err error) {
	if len(data) > MaxFileSize {
		return "", "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxFileSize)
	}
	if enc, order, ok := utf16Order(data); ok {
		// Windows tools save "Unicode" text as UTF-16; decode it rather than
		// call it binary.
		out, err := unicode16.UTF16(order, unicode16.UseBOM).NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(out) {
			return "", "", fmt.Errorf("%w: invalid %s", ErrEncoding, enc)
		}
		text, _, err := Decode(out)
		return text, enc, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	if i := binaryOffset(data); i >= 0 {
		return "", "", fmt.Errorf("%w: control byte 0x%02x at offset %d", ErrBinary, data[i], i)
	}
	if utf8.Valid(data) {
		text = string(data)
		encoding = encUTF8
	} else {
		bad := invalidUTF8Offset(data)
		if i := invalidGB18030Offset(data); i >= 0 {
			return "", "", fmt.Errorf("%w: invalid UTF-8 at offset %d and invalid GB18030 at offset %d", ErrEncoding, bad, i)
		}
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
		}
		text = string(out)
		encoding = encGB18030
		// Almost any byte string is structurally valid GB18030, so a Latin-1 or
		// Big5 file would "decode" into rare characters. Real simplified Chinese
		// text is overwhelmingly made of the GB2312 set.
		if share := gb2312Share(text); share < 0.8 {
			return "", "", fmt.Errorf("%w: invalid UTF-8 at offset %d, and as GB18030 only %.0f%% of its Han characters are common ones (another encoding?)", ErrEncoding, bad, share*100)
		}
	}
	if !containsHan(text) {
		return "", "", ErrNotChinese
	}
	return text, encoding, nil
}

// utf16Order recognises UTF-16 by its byte-order mark, or, without one, by
// what its code units decode to. Text in UTF-8 or GB18030 has no NUL byte;
// UTF-16 has many — ASCII leaves one in every other byte, and common CJK
// code points (一 is U+4E00) put them in the other half — so where there
// are NULs, the byte order under which nearly every unit is a character a
// report is written in (CJK, its punctuation, full-width forms, ASCII text)
// is the text's.
func utf16Order(data []byte) (string, unicode16.Endianness, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return encUTF16LE, unicode16.LittleEndian, true
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return encUTF16BE, unicode16.BigEndian, true
	case len(data) < 16 || len(data)%2 != 0 || bytes.Count(data, []byte{0}) < max(1, len(data)/minNULShare):
		// A stray NUL in ASCII text is no sign of UTF-16: pairs of ASCII
		// letters decode to CJK code points, so the share below would pass.
		return "", unicode16.LittleEndian, false
	}
	le, be := textShare(data, 0, 1), textShare(data, 1, 0)
	switch {
	case le >= minTextShare && le > be:
		return encUTF16LE, unicode16.LittleEndian, true
	case be >= minTextShare && be > le:
		return encUTF16BE, unicode16.BigEndian, true
	}
	return "", unicode16.LittleEndian, false
}

// minNULShare: UTF-16 text has at least one NUL byte in this many — each
// line break, digit and ASCII letter brings one, and ideographs such as 一
// (U+4E00) too. Chinese reports have far more; a file with a stray NUL
// has far fewer.
const minNULShare = 100

// minTextShare is the share of code units that must be text for data
// without a byte-order mark to be read as UTF-16: binary data decodes to
// code points scattered over the whole range.
const minTextShare = 0.9

// textShare is the share of the 16-bit units of data (low byte at lo,
// high at hi) that are characters of a report's text.
func textShare(data []byte, lo, hi int) float64 {
	text := 0
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(data[i+hi])<<8 | rune(data[i+lo])
		switch {
		case u == '\t' || u == '\n' || u == '\r' || u >= 0x20 && u < 0x7f, // ASCII text
			u >= 0x2000 && u < 0x2070, // general punctuation: “” — …
			u >= 0x3000 && u < 0x3100, // CJK punctuation, kana, bopomofo
			u >= 0x3400 && u < 0xa000, // CJK ideographs
			u >= 0xd800 && u < 0xe000, // surrogates: ideographs beyond the BMP
			u >= 0xff00 && u < 0xfff0: // full-width forms
			text++
		}
	}
	return float64(text) / float64(len(data)/2)
}

// binaryOffset returns the offset of the first byte that does not occur in
// text files (NUL and other C0 controls except tab, line feed, vertical
// tab, form feed, carriage return and the DOS end-of-file mark), or -1.
func binaryOffset(data []byte) int {
	for i, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1a {
			return i
		}
	}
	return -1
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// invalidGB18030Offset checks the GB18030 byte structure: ASCII, or a lead
// byte 0x81–0xFE followed by a trail byte 0x40–0x7E/0x80–0xFE, or a four-byte
// sequence lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39. It returns the offset of
// the first violation, or -1.
func invalidGB18030Offset(data []byte) int {
	for i := 0; i < len(data); {
		b := data[i]
		switch {
		case b < 0x80:
			i++
		case b == 0x80 || b == 0xff:
			return i
		case i+1 < len(data) && (data[i+1] >= 0x40 && data[i+1] <= 0x7e || data[i+1] >= 0x80 && data[i+1] <= 0xfe):
			i += 2
		case i+3 < len(data) && isDigitByte(data[i+1]) && data[i+2] >= 0x81 && data[i+2] <= 0xfe && isDigitByte(data[i+3]):
			i += 4
		default:
			return i
		}
	}
	return -1
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// gb2312Share is the share of Han characters in text that GB2312, the
// 6,763-character set of everyday simplified Chinese, can encode.
func gb2312Share(text string) float64 {
	enc := simplifiedchinese.HZGB2312.NewEncoder()
	var han, common int
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if _, err := enc.String(string(r)); err == nil {
			common++
		}
	}
	if han == 0 {
		return 0
	}
	return float64(common) / float64(han)
}

func containsHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
