package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// docxZip builds a zip of the given name, content pairs, in order.
func docxZip(t testing.TB, nameContent ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(nameContent); i += 2 {
		f, err := zw.Create(nameContent[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(f, nameContent[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

func docxDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document ` + docxNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

func docxNumbering(defs string) string {
	return `<w:numbering ` + docxNS + `>` + defs + `</w:numbering>`
}
func docxStyles(defs string) string { return `<w:styles ` + docxNS + `>` + defs + `</w:styles>` }

// docxPara is a paragraph of one run; pPr is the inside of its w:pPr.
func docxPara(pPr, text string) string {
	if pPr != "" {
		pPr = `<w:pPr>` + pPr + `</w:pPr>`
	}
	return `<w:p>` + pPr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func docxNumPr(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

func docxLevel(ilvl int, start int, format, text string, extra ...string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s<w:pPr><w:ind w:left="0"/></w:pPr></w:lvl>`,
		ilvl, start, format, text, strings.Join(extra, ""))
}

// docxOutline is the numbering of a typical government report: 一、 › （一） › 1.
var docxOutline = `<w:abstractNum w:abstractNumId="0">` +
	docxLevel(0, 1, "chineseCounting", "%1、") +
	docxLevel(1, 1, "chineseCounting", "（%2）") +
	docxLevel(2, 1, "decimal", "%3.") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` +
	docxLevel(0, 1, "decimal", "（%1）") + docxLevel(1, 1, "decimal", "%1.%2") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2">` + docxLevel(0, 1, "bullet", "\uF0B7") + `</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>`

var docxOutlineStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="11"><w:name w:val="toc 1"/></w:style>`

func TestReadDOCXText(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		numbering string
		styles    string
		want      string
	}{
		{"paragraphs apart by a blank line, indentation and empty paragraphs dropped",
			docxPara("", "　　一段文字。 ") + `<w:p/>` + docxPara("", "\u00a0\u00a0第二段。") + `<w:p><w:r><w:t> </w:t></w:r></w:p>`,
			"", "", "一段文字。\n\n第二段。"},
		{"runs joined, tab kept, soft and page breaks end a paragraph",
			`<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁</w:t></w:r></w:p>`,
			"", "", "甲\t乙\n\n丙\n\n丁"},
		{"deleted text skipped, inserted text kept",
			`<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>插入</w:t></w:r></w:ins></w:p>`,
			"", "", "保留插入"},
		{"field instructions and footnote marks skipped, field results kept",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
			"", "", "结果"},
		{"hidden run skipped",
			`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>`,
			"", "", "可见"},
		{"AlternateContent text box read once, before the rest of its paragraph",
			`<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + docxPara("", "文本框") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:textbox><w:txbxContent>` + docxPara("", "文本框") + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>`,
			"", "", "前\n\n文本框\n\n后"},
		{"a 2×2 table is two lines of tab-joined cells, a block of its own",
			docxPara("", "表前") + `<w:tbl><w:tblPr/><w:tr><w:tc>` + docxPara("", "项目") + `</w:tc><w:tc>` + docxPara("", "金额") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + docxPara("", "收入") + `</w:tc><w:tc>` + docxPara("", "12.5") + `</w:tc></w:tr></w:tbl>` + docxPara("", "表后"),
			"", "", "表前\n\n项目\t金额\n收入\t12.5\n\n表后"},
		{"a cell's paragraphs joined with a space, a nested table flattened, an empty row dropped",
			`<w:tbl><w:tr><w:tc>` + docxPara("", "第一行") + docxPara("", "第二行") + `</w:tc><w:tc><w:tbl><w:tr><w:tc>` + docxPara("", "内") + `</w:tc><w:tc>` + docxPara("", "表") + `</w:tc></w:tr></w:tbl></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`,
			"", "", "第一行 第二行\t内 表"},
		{"table of contents dropped",
			docxPara(`<w:pStyle w:val="11"/>`, "一、总体要求\t1") + docxPara("", "正文"),
			"", docxOutlineStyles, "正文"},
		{"chineseCounting 一、 with a second level restarted when the first advances",
			docxPara(docxNumPr(1, 0), "总体要求") + docxPara(docxNumPr(1, 1), "指导思想") + docxPara(docxNumPr(1, 1), "基本原则") +
				docxPara(docxNumPr(1, 0), "主要任务") + docxPara(docxNumPr(1, 1), "稳增长") + docxPara(docxNumPr(1, 2), "扩大投资") + docxPara(docxNumPr(1, 2), "促进消费"),
			docxOutline, "", "一、总体要求\n\n（一）指导思想\n\n（二）基本原则\n\n二、主要任务\n\n（一）稳增长\n\n1.扩大投资\n\n2.促进消费"},
		{"decimal （1） and a multilevel %1.%2",
			docxPara(docxNumPr(2, 0), "甲") + docxPara(docxNumPr(2, 1), "乙") + docxPara(docxNumPr(2, 1), "丙") + docxPara(docxNumPr(2, 0), "丁"),
			docxOutline, "", "（1）甲\n\n1.1 乙\n\n1.2 丙\n\n（2）丁"},
		{"startOverride restarts, a num sharing an abstractNum continues",
			docxPara(docxNumPr(2, 0), "a") + docxPara(docxNumPr(3, 0), "b") + docxPara(docxNumPr(3, 0), "c") +
				docxPara(docxNumPr(1, 0), "d") + docxPara(docxNumPr(4, 0), "e"),
			docxOutline, "", "（1）a\n\n（5）b\n\n（6）c\n\n一、d\n\n二、e"},
		{"numbering from the paragraph style, through basedOn, level from the style",
			docxPara(`<w:pStyle w:val="1"/>`, "第一部分") + docxPara(`<w:pStyle w:val="2"/>`, "小节") + docxPara("", "正文") + docxPara(`<w:pStyle w:val="1"/>`, "第二部分"),
			docxOutline, docxOutlineStyles, "一、第一部分\n\n（一）小节\n\n正文\n\n二、第二部分"},
		{"numId 0 cancels the style's numbering; an empty numbered paragraph counts",
			docxPara(`<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>`, "不编号") +
				`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr></w:p>` + docxPara(`<w:pStyle w:val="1"/>`, "第二"),
			docxOutline, docxOutlineStyles, "不编号\n\n二、第二"},
		{"bullets print nothing",
			docxPara(docxNumPr(5, 0), "要点") + docxPara(docxNumPr(9, 0), "无此列表"),
			docxOutline, "", "要点\n\n无此列表"},
		{"a number goes before the first line of a paragraph with breaks",
			`<w:p><w:pPr>` + docxNumPr(1, 0) + `</w:pPr><w:r><w:br/><w:t>标题</w:t><w:br/><w:t>续行</w:t></w:r></w:p>`,
			docxOutline, "", "一、标题\n\n续行"},
		{"lvlRestart 0 keeps a deeper level counting, other formats",
			docxPara(docxNumPr(1, 0), "a") + docxPara(docxNumPr(1, 1), "b") + docxPara(docxNumPr(1, 0), "c") + docxPara(docxNumPr(1, 1), "d") + docxPara(docxNumPr(1, 2), "e"),
			`<w:abstractNum w:abstractNumId="0">` + docxLevel(0, 1, "chineseLegalSimplified", "%1、") +
				docxLevel(1, 1, "ideographTraditional", "%2、", `<w:lvlRestart w:val="0"/>`) + docxLevel(2, 3, "decimalEnclosedCircle", "%3") + `</w:abstractNum>` +
				`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
			"", "壹、a\n\n甲、b\n\n贰、c\n\n乙、d\n\n③ e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := []string{"[Content_Types].xml", "<Types/>", "word/document.xml", docxDocument(tt.body)}
			if tt.numbering != "" {
				parts = append(parts, "word/numbering.xml", docxNumbering(tt.numbering))
			}
			if tt.styles != "" {
				parts = append(parts, "word/styles.xml", docxStyles(tt.styles))
			}
			doc, err := readDOCX(docxZip(t, parts...))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n%q\nwant\n%q", doc.Text, tt.want)
			}
		})
	}
}

func TestReadDOCXRemovedAndTitle(t *testing.T) {
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
		`<dc:title>Microsoft Word - 2024年政府工作报告.docx</dc:title><dc:creator>admin</dc:creator><dcterms:created>2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`
	data := docxZip(t, "word/document.xml", docxDocument(docxPara(`<w:pStyle w:val="11"/>`, "目录项")+docxPara("", "正文")),
		"word/styles.xml", docxStyles(docxOutlineStyles), "docProps/core.xml", core)
	f := Sniff(data)
	doc, err := Read(context.Background(), f, data)
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Title: "2024年政府工作报告"} // not the creator, nor the file's dates
	if doc.Format != DOCX || doc.Meta != want || doc.Removed != 1 || doc.Text != "正文" {
		t.Errorf("got %s, meta %+v, removed %d, text %q; want docx, %+v, 1, %q", doc.Format, doc.Meta, doc.Removed, doc.Text, want, "正文")
	}
}

func TestDOCXCleanTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Microsoft Word - 关于2023年预算执行情况的报告.doc": "关于2023年预算执行情况的报告",
		"  政府工作报告.DOCX ":                        "政府工作报告",
		"Microsoft Word - report.doc":           "",
		"Normal":                                "",
		"":                                      "",
	} {
		if got := docxTitle(in); got != want {
			t.Errorf("docxTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDOCXFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {99, "chineseCounting", "九十九"},
		{100, "chineseCounting", "一百"}, {101, "chineseCounting", "一百零一"}, {110, "chineseCounting", "一百一十"},
		{1001, "chineseCountingThousand", "一千零一"}, {0, "chineseCounting", "〇"},
		{3, "chineseLegalSimplified", "叁"}, {10, "chineseLegalSimplified", "壹拾"}, {12, "chineseLegalSimplified", "壹拾贰"},
		{1, "ideographTraditional", "甲"}, {4, "ideographTraditional", "丁"}, {12, "ideographZodiac", "亥"},
		{1, "ideographZodiacTraditional", "甲子"}, {10, "ideographDigital", "一〇"},
		{4, "lowerRoman", "iv"}, {1999, "upperRoman", "MCMXCIX"}, {27, "upperLetter", "AA"}, {2, "lowerLetter", "b"},
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircle", "⑳"}, {21, "decimalEnclosedCircle", "㉑"},
		{3, "ideographEnclosedCircle", "㈢"}, {12, "decimalFullWidth", "１２"}, {5, "decimalZero", "05"},
		{7, "none", ""}, {7, "bullet", ""}, {7, "someFutureFormat", "7"}, {12000, "chineseCounting", "12000"},
	}
	for _, tt := range tests {
		if got := listNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("listNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// docxZipBomb is a zip whose document.xml is size bytes of spaces inside a
// run. Deflating 300 MB takes seconds (more under -race), so a megabyte of
// spaces is deflated once, on its own, and its blocks repeated: deflate
// blocks that end in a flush and refer only to themselves decode the same
// wherever they stand.
func docxZipBomb(t *testing.T, size int) []byte {
	t.Helper()
	head := []byte(`<w:document ` + docxNS + `><w:body><w:p><w:r><w:t>`)
	tail := []byte(`</w:t></w:r></w:p></w:body></w:document>`)
	spaces := bytes.Repeat([]byte{' '}, 1<<20)
	deflate := func(final bool, parts ...[]byte) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestSpeed)
		for _, p := range parts {
			fw.Write(p)
		}
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	first, block, end := deflate(false, head, spaces), deflate(false, spaces), deflate(true, tail)

	n := size >> 20
	crc := crc32.Update(0, crc32.IEEETable, head)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, spaces)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(len(first) + (n-1)*len(block) + len(end)),
		UncompressedSize64: uint64(len(head) + n*len(spaces) + len(tail)),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(first)
	for range n - 1 {
		w.Write(block)
	}
	w.Write(end)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadDOCXRefuses(t *testing.T) {
	valid := docxZip(t, "word/document.xml", docxDocument(docxPara("", "正文")))
	var many bytes.Buffer // stored, not deflated: a deflater for each of 10 001 parts takes seconds
	zw := zip.NewWriter(&many)
	for i := range MaxZipParts + 1 {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/p%d.xml", i), Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
			io.WriteString(f, docxDocument(docxPara("", "正文")))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"zip bomb of 300 MB", docxZipBomb(t, 300<<20), ErrTooLarge},
		{"too many entries", many.Bytes(), ErrTooLarge},
		{"not a zip", []byte("PK\x03\x04 this is not a zip archive at all"), ErrDamaged},
		{"truncated zip", valid[:len(valid)/2], ErrDamaged},
		{"no document.xml", docxZip(t, "word/other.xml", "<x/>"), ErrDamaged},
		{"malformed document.xml", docxZip(t, "word/document.xml", `<w:document `+docxNS+`><w:body><w:p><w:r><w:t>正文</w:r></w:p>`), ErrDamaged},
		{"truncated document.xml", docxZip(t, "word/document.xml", docxDocument(docxPara("", "正文"))[:120]), ErrDamaged},
		{"malformed numbering.xml", docxZip(t, "word/document.xml", docxDocument(docxPara("", "正文")), "word/numbering.xml", "<w:numbering"), ErrDamaged},
		{"no text", docxZip(t, "word/document.xml", docxDocument(`<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>`)), errEmptyDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			doc, err := readDOCX(tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("readDOCX: %v, %v; want %v", doc, err, tt.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to refuse", d)
			}
		})
	}
}

// TestReadDOCXBudget checks the bytes really unpacked, across parts, not
// what the zip headers declare.
func TestReadDOCXBudget(t *testing.T) {
	t.Run("parts together over the limit", func(t *testing.T) {
		body := docxDocument(docxPara("", strings.Repeat("文", 200)))
		data := docxZip(t, "word/document.xml", body, "word/styles.xml", docxStyles(strings.Repeat(" ", 600)))
		if _, err := readDOCXLimit(data, int64(len(body))+100); !errors.Is(err, ErrTooLarge) {
			t.Errorf("readDOCXLimit: %v, want ErrTooLarge", err)
		}
		if _, err := readDOCXLimit(data, 1<<20); err != nil {
			t.Errorf("readDOCXLimit under the limit: %v", err)
		}
	})
	t.Run("counted as read", func(t *testing.T) {
		pk := &docxPackage{left: 1000, limit: 1000}
		_, err := io.Copy(io.Discard, &docxPartReader{r: strings.NewReader(strings.Repeat("<a/>", 300)), name: "x", pk: pk})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("reading 1200 bytes with 1000 left: %v, want ErrTooLarge", err)
		}
	})
	t.Run("a run without markup", func(t *testing.T) {
		pk := &docxPackage{left: 1 << 40, limit: 1 << 40}
		r := io.MultiReader(strings.NewReader("<a>"), io.LimitReader(docxRepeat('x'), MaxText+10))
		_, err := io.Copy(io.Discard, &docxPartReader{r: r, name: "x", pk: pk})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("a text node of more than MaxText bytes: %v, want ErrTooLarge", err)
		}
	})
	t.Run("a part larger than its header says", func(t *testing.T) {
		// Copy a compressed part under a header that understates its size.
		src := docxZip(t, "word/document.xml", docxDocument(docxPara("", strings.Repeat("文", 5000))))
		zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := zr.File[0].OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		h := zr.File[0].FileHeader
		h.UncompressedSize64 = 100
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, raw)
		zw.Close()
		if _, err := readDOCX(buf.Bytes()); !errors.Is(err, ErrDamaged) {
			t.Errorf("readDOCX: %v, want ErrDamaged", err)
		}
	})
}

type docxRepeat byte

func (r docxRepeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// docxReHeading is a rendered outline number at the start of a line.
var docxReHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]{1,2}[.．、]|（[0-9]{1,2}）)`)

// docxReNumUse and docxReNumFormat find, in a file's XML, a paragraph numbered from a list.
var (
	docxReNumUse    = regexp.MustCompile(`<w:numId w:val="[1-9][0-9]*"`)
	docxReNumFormat = regexp.MustCompile(`<w:lvlText w:val="(?:%1、|（%[12]）|\(%[12]\)|%[1-3]\.)"`)
)

// TestDOCXPublished reads the real reports in testdata/published/docx.
func TestDOCXPublished(t *testing.T) {
	files, _ := filepath.Glob("../testdata/published/docx/*.docx")
	if len(files) == 0 {
		t.Skip("no .docx in testdata/published/docx")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := readDOCX(data)
			if err != nil {
				t.Fatalf("readDOCX: %v", err)
			}
			if strings.IndexFunc(doc.Text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0 {
				t.Errorf("no Chinese in the text: %.200q", doc.Text)
			}
			lines := strings.Split(doc.Text, "\n")
			numbered, prev := 0, ""
			for i, line := range lines {
				if strings.Contains(line, "<w:") || strings.Contains(line, "</") {
					t.Errorf("line %d holds markup: %.120q", i+1, line)
				}
				if line != "" && line == prev && len([]rune(line)) >= 6 {
					t.Errorf("line %d repeats the paragraph before it: %.120q", i+1, line)
				}
				if line != "" {
					prev = line
				}
				if docxReHeading.MatchString(line) {
					numbered++
				}
			}
			if docxUsesOutline(t, data) && numbered == 0 {
				t.Errorf("the file numbers paragraphs from a list, but no line starts with a number")
			}
			twin, err := os.ReadFile(strings.TrimSuffix(path, ".docx") + ".txt")
			if err != nil {
				return
			}
			squash := func(s string) string {
				return strings.Map(func(r rune) rune {
					if unicode.IsSpace(r) {
						return -1
					}
					return r
				}, s)
			}
			text := squash(doc.Text)
			var found, all int
			var missing []string
			for line := range strings.SplitSeq(string(twin), "\n") {
				if line = squash(line); line == "" {
					continue
				}
				all++
				if strings.Contains(text, line) {
					found++
				} else if len(missing) < 5 {
					missing = append(missing, line)
				}
			}
			if all > 0 && found*10 < all*9 {
				t.Errorf("%d of %d lines of the .txt twin are in the text; missing, e.g. %q", found, all, missing)
			}
		})
	}
}

// docxUsesOutline reports whether a file numbers a paragraph from a list
// with an outline format: a w:numId in the text or styles, and a level
// written "%1、", "（%1）" or "%1.".
func docxUsesOutline(t *testing.T, data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) []byte {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
		return nil
	}
	used := docxReNumUse.Match(part("word/document.xml")) || docxReNumUse.Match(part("word/styles.xml"))
	return used && docxReNumFormat.Match(part("word/numbering.xml"))
}
