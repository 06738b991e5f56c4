// Package docx writes a list of quotations as a Word document: the
// smallest valid WordprocessingML package (ECMA-376) Word and WPS open —
// [Content_Types].xml, the package and document relationships, the
// document and its styles — with the CJK fonts of Chinese official drafting
// (仿宋 for the text, 黑体 for the title).
//
// It is written by hand rather than with a library: the document is a
// title and numbered paragraphs of plain text, about a hundred lines of
// archive/zip and encoding/xml, and the Go libraries for .docx either
// template an existing file or bring a large API (and their dependencies)
// for tables, images and fields this list never has.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"
)

// ContentType is the media type of a .docx file.
const ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Item is one entry of the list: its text, numbered, and a note set under
// it in smaller type (where to find the source again).
type Item struct {
	Text string
	Note string
}

// Write writes a document of title and the items, numbered from 1.
func Write(w io.Writer, title string, items []Item) error {
	zw := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/document.xml", document(title, items)},
	}
	for _, p := range parts {
		// A fixed time: the same list makes the same bytes.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// Namespace is WordprocessingML's main namespace.
const Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`</Types>`

const packageRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

// styles: 仿宋 四号 (14 pt) for the text, as drafts are set; 黑体 for the
// title; the items hang their numbers; the notes are 小五 (9 pt) grey.
const styles = xml.Header + `<w:styles xmlns:w="` + Namespace + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/>` +
	`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="QuoteItem"><w:name w:val="Quote Item"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0"/><w:ind w:left="560" w:hanging="560"/><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="QuoteNote"><w:name w:val="Quote Note"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="240"/><w:ind w:left="560"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`</w:styles>`

// document is word/document.xml: the title, then each item and its note.
func document(title string, items []Item) string {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<w:document xmlns:w="` + Namespace + `"><w:body>`)
	paragraph(&b, "Title", title)
	for i, it := range items {
		paragraph(&b, "QuoteItem", strconv.Itoa(i+1)+".\t"+it.Text)
		if it.Note != "" {
			paragraph(&b, "QuoteNote", it.Note)
		}
	}
	// A4 with the margins of GB/T 9704 (top 37 mm, left 28 mm).
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// paragraph writes a paragraph of style holding text; a tab in text is a
// tab stop (after an item's number).
func paragraph(b *bytes.Buffer, style, text string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r>`)
	for i, part := range bytes.Split([]byte(text), []byte("\t")) {
		if i > 0 {
			b.WriteString(`<w:tab/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		xml.EscapeText(b, part)
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r></w:p>`)
}
