// Package t2s folds traditional Chinese characters to their simplified
// forms, one character at a time, so that a search for 老舊小區 finds
// 老旧小区 and a report written in traditional characters is found by a
// simplified query. Index and query both fold; the text itself is kept as
// written, for display, snippets and citations.
//
// The table is OpenCC's (opencc/, Apache-2.0; SOURCES.md says which
// commit): TSCharacters.txt, the conversion of t2s, hk2s and tw2s, with the
// first candidate of each character, and the Hong Kong and Taiwan variants
// of its characters (衞 for 衛, 敍 for 敘) from HKVariants.txt and
// TWVariants.txt folded as the standard character is.
//
// Two rules keep folding safe for everything that works on offsets:
//
//   - Only characters: a phrase conversion (反覆 → 反复) depends on its
//     neighbours, so folding a text by phrases could fold a substring
//     differently from the text around it, and a plain substring of the
//     report would no longer be found. Character folding maps every
//     substring of a text to a substring of the folded text.
//   - Only pairs of the same UTF-8 length: String(s) has the byte length
//     of s, so a byte offset found in folded text is the offset in the
//     text as written. The pairs left out (a BMP character whose
//     simplified form OpenCC lists in a supplementary plane, 嘪 → 𪡃) are
//     rare characters whose simplified forms no GB2312 text can write: a
//     simplified report keeps the traditional form for them anyway.
//
// What the table leaves out is counted by TestTableFigures. The phrases
// character folding cannot join (批覆 and 批复: 覆 is a simplified
// character too) come from OpenCC's TSPhrases.txt: PhraseForms gives a
// query's other forms, which search looks for as well.
package t2s
