// Package xlsx writes the program's exports (figures, commitments,
// comparisons, tracked targets: corpus tables) as spreadsheets a user
// opens in Excel or WPS: a header row of Chinese column titles, set
// widths, a frozen header and an autofilter, number cells as numbers.
// It writes rows through excelize's StreamWriter, which keeps them in a
// temporary file rather than as cells in memory; the finished workbook (a
// zip, whose directory comes last) is then written out whole.
//
// excelize (github.com/xuri/excelize/v2) is the well-kept Go library made
// for the format; it also reads the files back in the tests.
package xlsx
