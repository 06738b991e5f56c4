package corpus

import "testing"

// TestFoldDigitTypos reads the letters crawled text types for digits where
// a unit follows and nothing Latin stands before (city_zhumadian_2003:
// 增长l3.6％, 增长1O％), and leaves codes and names alone.
func TestFoldDigitTypos(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"增长1O%", "增长10%"},
		{"增长l3.6%", "增长13.6%"},
		{"增长lO.5%", "增长10.5%"},
		{"投资1OO万元", "投资100万元"},
		{"PM2.5浓度", "PM2.5浓度"}, // no letter in the number
		{"COl2%", "COl2%"},     // a Latin letter before it
		{"5G基站", "5G基站"},
		{"O型血", "O型血"},         // no digit
		{"l0条道路", "10条道路"},     // a unit follows
		{"第l0届", "第l0届"},       // no unit follows
		{"Model3%", "Model3%"}, // a word, not a number
	} {
		if got := foldDigitTypos(c.in); got != c.want {
			t.Errorf("foldDigitTypos(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(foldDigitTypos(c.in)) != len(c.in) {
			t.Errorf("foldDigitTypos(%q) changed the length", c.in)
		}
	}
}
