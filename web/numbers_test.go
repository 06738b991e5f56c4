package web

import (
	"testing"

	"reportsearch/search"
)

func TestChangeText(t *testing.T) {
	for _, tc := range []struct {
		ch   search.Change
		want string
	}{
		{search.Change{Difference: -860000, BaseUnit: "人"}, "减少86万人"},
		{search.Change{Difference: 2.525e11, BaseUnit: "元"}, "增加2525亿元"},
		{search.Change{Difference: -47, BaseUnit: "台"}, "减少47台"},
		{search.Change{Difference: 2.2, BaseUnit: "%"}, "增加2.2个百分点"},
		{search.Change{Difference: 0, BaseUnit: "家"}, "持平"},
		{search.Change{Difference: 1234.567, BaseUnit: "平方米"}, "增加1234.57平方米"},
	} {
		if got := changeText(&tc.ch); got != tc.want {
			t.Errorf("changeText(%+v) = %q, want %q", tc.ch, got, tc.want)
		}
	}
}
