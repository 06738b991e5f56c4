// Package xlsx writes the program's exports (figures, commitments,
// comparisons, tracked targets: corpus tables) as spreadsheets a user
// opens in Excel or WPS: a header row of Chinese column titles, set
// widths, a frozen header and an autofilter, number cells as numbers.
// It streams rows (excelize's StreamWriter), so that a long export does
// not sit in memory as cells.
//
// excelize (github.com/xuri/excelize/v2) is the well-kept Go library made
// for the format; it also reads the files back in the tests.
package xlsx
