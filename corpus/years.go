package corpus

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Period is a span of whole years, from From to To included: a five-year
// plan's (2021–2025), over which a report states totals and averages. The
// zero Period is none.
type Period struct {
	From, To int
}

// ParsePeriod reads a period as String writes it: 2021-2025.
func ParsePeriod(s string) (Period, bool) {
	a, b, found := strings.Cut(s, "-")
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	if !found || err1 != nil || err2 != nil || from > to {
		return Period{}, false
	}
	return Period{from, to}, true
}

// IsZero reports whether p is no period.
func (p Period) IsZero() bool { return p == Period{} }

// Has reports whether the year is in the period.
func (p Period) Has(year int) bool { return !p.IsZero() && year >= p.From && year <= p.To }

// String writes the period as 2021-2025, or "" for none.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// MarshalJSON writes the period as its string, "2021-2025".
func (p Period) MarshalJSON() ([]byte, error) { return json.Marshal(p.String()) }

// UnmarshalJSON reads a period written by MarshalJSON.
func (p *Period) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("corpus: a period is a string like \"2021-2025\": %w", err)
	}
	if s == "" {
		*p = Period{}
		return nil
	}
	q, ok := ParsePeriod(s)
	if !ok {
		return fmt.Errorf("corpus: %q is not a period like \"2021-2025\"", s)
	}
	*p = q
	return nil
}

// IsReportYear reports whether y can be a year a report speaks of: from
// 1949, the People's Republic's first, to 2199.
func IsReportYear(y int) bool { return y >= 1949 && y <= 2199 }
