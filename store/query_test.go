package store

import (
	"errors"
	"testing"
)

func TestMatchExpr(t *testing.T) {
	cases := []struct{ in, want string }{
		{"care leavers", `"care" AND "leavers"`},
		{`"care leavers"`, `"care leavers"`},
		{"“care leavers”", `"care leavers"`},
		{"care OR leavers", `("care" OR "leavers")`},
		{"care -leavers", `("care" NOT "leavers")`},
		{"care NOT leavers", `("care" NOT "leavers")`},
		{"care social -leavers -adoption", `(("care" AND "social") NOT "leavers" NOT "adoption")`},
		{"inspect*", `"inspect"*`},
		{"(care OR custody) leavers", `("care" OR "custody") AND "leavers"`},
		{"children's services", `"children's" AND "services"`},
		{"child-protection", `"child-protection"`},
		{`say "hi`, `"say" AND "hi"`},
		{"(care OR", `"care"`},
		{"care) leavers", `("care" OR "leavers")`},
		{"OR care", `"care"`},
		{"care OR", `"care"`},
		{"care AND leavers", `"care" AND "leavers"`},
		{"care & leavers", `"care" AND "leavers"`},
		{"a\"b", `"a" AND "b"`},
		{"x; DROP TABLE findings", `"x;" AND "DROP" AND "TABLE" AND "findings"`},
		{"— care", `"care"`},
	}
	for _, c := range cases {
		got, err := MatchExpr(c.in, false)
		if err != nil {
			t.Errorf("MatchExpr(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("MatchExpr(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestMatchExprErrors(t *testing.T) {
	for _, in := range []string{"", "  ", "-care", "NOT care", "***", `""`, "()", "— –"} {
		_, err := MatchExpr(in, false)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("MatchExpr(%q): err = %v, want a *QueryError", in, err)
		}
	}
	if got, err := MatchExpr("care NEAR/3 leavers", true); err != nil || got != "care NEAR/3 leavers" {
		t.Errorf("raw MatchExpr = %q, %v; want the text unchanged", got, err)
	}
}

func TestParseMarks(t *testing.T) {
	text, hl := parseMarks("the \x02café\x03 and \x02care\x03…")
	if text != "the café and care…" {
		t.Errorf("text = %q", text)
	}
	want := [][2]int{{4, 8}, {13, 17}}
	if len(hl) != 2 || hl[0] != want[0] || hl[1] != want[1] {
		t.Errorf("highlights = %v, want %v (code points)", hl, want)
	}
}

func TestValidDate(t *testing.T) {
	for s, want := range map[string]bool{
		"2024-03-12": true, "2024-03": true, "2024": true,
		"2024-13": false, "2024-02-30": false, "24": false, "2024-3-1": false, "": false, "March 2024": false,
	} {
		if got := ValidDate(s); got != want {
			t.Errorf("ValidDate(%q) = %v, want %v", s, got, want)
		}
	}
}
