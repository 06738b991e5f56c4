package web

import (
	"testing"

	"reportsearch/ask"
)

func TestChangeText(t *testing.T) {
	for _, tc := range []struct {
		ch   ask.Change
		want string
	}{
		{ask.Change{Difference: -860000, BaseUnit: "人"}, "减少86万人"},
		{ask.Change{Difference: 2.525e11, BaseUnit: "元"}, "增加2525亿元"},
		{ask.Change{Difference: -47, BaseUnit: "台"}, "减少47台"},
		{ask.Change{Difference: 2.2, BaseUnit: "%"}, "增加2.2个百分点"},
		{ask.Change{Difference: 0, BaseUnit: "家"}, "持平"},
		// A difference keeps the digits its figures were written with
		// (corpus.Difference rounds it), and loses only binary noise.
		{ask.Change{Difference: 1234.567, BaseUnit: "平方米"}, "增加1234.567平方米"},
		{ask.Change{Difference: -0.09999999999999964, BaseUnit: "%"}, "减少0.1个百分点"},
		{ask.Change{Difference: 0.30000000000000004, BaseUnit: "%"}, "增加0.3个百分点"},
		{ask.Change{Difference: 2.5249999999999998e11, BaseUnit: "元"}, "增加2525亿元"},
	} {
		if got := changeText(&tc.ch); got != tc.want {
			t.Errorf("changeText(%+v) = %q, want %q", tc.ch, got, tc.want)
		}
	}
}
