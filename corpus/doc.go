// Package corpus reads Chinese policy reports and turns them into a structured
// report model: metadata, a section tree, paragraphs and sentences.
//
// The data flows one way: Decode (bytes → text), Normalize (per line), then
// the parser (lines → Report), with figures, commitments and domains on top.
// Entry points: Parse for bytes, ReadFile for a file, ReadPaths and Walk for
// files and directories, Default for the embedded report. The wording of a
// citation (Meta.Cite, CiteParagraph) and a paragraph's permalink
// (Permalink) are here too, so that every layer cites alike. Nothing here
// knows about indexes, ranking or HTTP.
//
// What the words of a report mean is data, not code: the units and scales,
// the qualifiers and change words of figures, the words that date a figure
// or say a heading reviews or plans, the levels and kinds of places, the
// labels of crawled pages are the lists of package lexicon, and the
// patterns here are built from its fragments (lexicon.Year, …); numbers are
// read by lexicon.ParseNumber. This package keeps the engines that apply
// them, one subject a file: units.go and number.go (amounts), figure.go,
// indicator.go and figure_period.go (figures, their indicators and dates),
// heading.go and period.go (headings and their periods), region.go,
// regioncode.go and regiontext.go (places and their GB/T 2260 codes),
// delivery.go (the year a report was given, with where it was read),
// frontmatter.go and lines.go (metadata and page residue), pieces.go,
// inline.go, repeats.go and announced.go (a file's lines cut into the
// report's lines, repeated copies dropped, announced parts). A new word goes
// into its lexicon file, not into a Go list; lexicon's tests fail on a
// Chinese list of more than three items written in code.
//
// Invariants the rest of the program relies on:
//
//   - Paragraph text is normalized (see Normalize) and every span — a
//     sentence's [Start, End) — is a byte offset into that normalized text.
//     Each paragraph keeps the 1-based source line it starts on, so a reader
//     can always find it in the original file.
//   - Every source line ends up in exactly one place: a paragraph, a heading,
//     the report's metadata, or Report.Dropped with the reason it was left out.
//     Nothing is lost silently.
//   - Paragraph IDs are "<report slug>/<section path>/p<ordinal>" (preamble
//     paragraphs: "<slug>/p<ordinal>"). They use only URL-safe ASCII and depend
//     only on the paragraph's place in the section tree, so an edit elsewhere
//     in the report does not change them.
//   - A section's year and kind (result or target) come from its heading, or
//     are inherited from its parent, so every paragraph knows which year it
//     speaks of; a part whose heading names none takes the year its first
//     sentence names, or the year the report was given.
//   - Every report has a delivery year (Meta.Delivered) and says where it
//     was read (Meta.DeliveredFrom): the date, the title, the opening, the
//     headings or, last, the file name.
package corpus
