package classify

import (
	"testing"

	"scrutiny/corpus"
)

func TestFindMentions(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // mention texts, in order
		roles    []corpus.Role
	}{
		{"Councillor F. Kilcoyne asked the Director of Finance about the budget.",
			[]string{"Councillor F. Kilcoyne", "the Director of Finance"}, []corpus.Role{corpus.Member, corpus.Officer}},
		{"The Corporate Director Children, Young People and Education advised that the plan was on track.",
			[]string{"The Corporate Director Children, Young People and Education"}, []corpus.Role{corpus.Officer}},
		{"Mr Watts (General Counsel) confirmed the position.",
			[]string{"Mr Watts"}, []corpus.Role{corpus.Officer}},
		{"The Leader of the Labour Group, Mr Brady, thanked officers.",
			[]string{"Mr Brady", "officers"}, []corpus.Role{corpus.Member, corpus.Officer}},
		{"Councillor Walton, Vice-Chair, commented on the report.",
			[]string{"Councillor Walton"}, []corpus.Role{corpus.Chair}},
		{"In response to a question from Mrs Gunn, the Head of Early Help said that it had.",
			[]string{"Mrs Gunn", "the Head of Early Help"}, []corpus.Role{corpus.UnknownRole, corpus.Officer}},
		{"The Chair asked the Cabinet Member for Education whether she agreed.",
			[]string{"The Chair", "the Cabinet Member for Education", "she"}, []corpus.Role{corpus.Chair, corpus.Member, corpus.UnknownRole}},
		{"A Member queried the figures.",
			[]string{"A Member"}, []corpus.Role{corpus.Member}},
	}
	for _, tt := range tests {
		ms := findMentions(tt.sentence)
		if len(ms) != len(tt.want) {
			t.Errorf("%q: mentions %v, want %v", tt.sentence, texts(ms), tt.want)
			continue
		}
		for i, m := range ms {
			if m.text != tt.want[i] || m.role != tt.roles[i] {
				t.Errorf("%q: mention %d = %q (%s), want %q (%s)", tt.sentence, i, m.text, m.role, tt.want[i], tt.roles[i])
			}
		}
	}
}

func texts(ms []mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.text)
	}
	return out
}

func TestSubjectOf(t *testing.T) {
	tests := []struct{ sentence, verb, want string }{
		{"Mrs Gunn commented that employee costs were low and asked if this was due to agency staff.", "asked", "Mrs Gunn"},
		{"Adding his thanks to the Head of Service, Councillor Ali asked whether targets were met.", "asked", "Councillor Ali"},
		{"In response to a question from Mrs Gunn, the Director confirmed the figures.", "confirmed", "the Director"},
		{"Councillor Ross praised the Director and asked about vacancies.", "asked", "Councillor Ross"},
	}
	for _, tt := range tests {
		ms := findMentions(tt.sentence)
		v := indexString(tt.sentence, tt.verb)
		m, ok := subjectOf(tt.sentence, v, ms)
		if !ok || m.text != tt.want {
			t.Errorf("%q: subject of %q = %q, want %q", tt.sentence, tt.verb, m.text, tt.want)
		}
	}
}

func TestResolvePerson(t *testing.T) {
	people := []corpus.Attendee{
		{Name: "Mr B J Sweetland", Position: "Chairman", Role: corpus.Chair},
		{Name: "Mr A M Ridgers", Position: "Vice-Chairman", Role: corpus.Chair},
		{Name: "Dr A Ghosh", Position: "Director of Public Health", Role: corpus.Officer},
		{Name: "Mr R W Gough", Role: corpus.Member},
		{Name: "Ms C McInnes", Position: "Director of Education", Role: corpus.Officer},
	}
	tests := []struct{ sentence, want string }{
		{"The Chairman thanked Members.", "Mr B J Sweetland"},
		{"The Director of Public Health introduced the report.", "Dr A Ghosh"},
		{"Mr Gough responded.", "Mr R W Gough"},
		{"The Director said so.", ""}, // two directors: ambiguous
	}
	for _, tt := range tests {
		ms := findMentions(tt.sentence)
		a, ok := resolvePerson(ms[0], people)
		if got := a.Name; ok != (tt.want != "") || got != tt.want {
			t.Errorf("%q: resolved to %q (%v), want %q", tt.sentence, got, ok, tt.want)
		}
	}
}
