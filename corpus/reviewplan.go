package corpus

// ReviewAndPlan returns the year a catalogued report looks back on and the
// year it plans for, from its metadata: as its date says (see yearsOfDate,
// which the parser dates a report's parts by too), else the year before
// the one it was delivered in and that year. Both are 0 when the report's
// year is not known.
func ReviewAndPlan(m Meta) (past, plan int) {
	if past, plan, ok := yearsOfDate(m.Date); ok {
		return past, plan
	}
	if m.Delivered != 0 {
		return m.Delivered - 1, m.Delivered
	}
	return 0, 0
}
