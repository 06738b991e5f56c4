package corpus

// ReviewAndPlan returns the year a catalogued report looks back on and the
// year it plans for, from its metadata: a report delivered in year Y
// reviews Y-1 and plans Y, but one dated late in its year (lateMonth on)
// reviews that year and plans the next. Both are 0 when the report's year
// is not known. The parser dates a report's parts the same way (see
// reportYears).
func ReviewAndPlan(m Meta) (past, plan int) {
	if len(m.Date) >= 7 {
		year, month := atoi(m.Date[:4]), atoi(m.Date[5:7])
		if year != 0 && month >= lateMonth {
			return year, year + 1
		}
	}
	if m.Delivered != 0 {
		return m.Delivered - 1, m.Delivered
	}
	return 0, 0
}
