// Package extract turns a report as governments publish it — a PDF, a Word
// document (.docx), a saved web page — into the plain text corpus.Parse
// reads: one paragraph per line, paragraphs apart by a blank line, with
// what the file says about itself (title, date, the page's own URL) as
// Meta.
//
// The format is told by content, never by name (Sniff): a PDF renamed .txt
// is read as a PDF, a zip renamed .docx that holds no Word document is
// refused. Formats that cannot be read (the old binary .doc and .wps, a
// scanned PDF without a text layer) are refused with an error that says
// what to do instead.
//
// Readers are loaded only when a file needs them: the PDF reader, PDFium
// compiled to WebAssembly and run by wazero, costs seconds to compile on
// first use (milliseconds after that, from a compilation cache on disk),
// and a text-only start never pays it.
package extract
