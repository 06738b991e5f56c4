package search

import "testing"

func TestOwnHeading(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"二、2020年工作安排 › （一）聚焦创新驱动，更加坚定地走好工业强区之路", "（一）聚焦创新驱动，更加坚定地走好工业强区之路"},
		{"一、2019年工作回顾", "一、2019年工作回顾"},
	} {
		if got := (Hit{Heading: c.path}).OwnHeading(); got != c.want {
			t.Errorf("OwnHeading of %q = %q, want %q", c.path, got, c.want)
		}
	}
}
