package eval

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSamePerson(t *testing.T) {
	tests := []struct {
		got, want string
		same      bool
	}{
		{"the Chair", "Chair", true},
		{"Councillor Gunn", "Cllr Gunn", true},
		{"Councillor S. Hartigan", "Councillor Hartigan", true},
		{"Cllr S Hartigan", "County Councillor Hartigan", true},
		{"the Corporate Director of Children and Young People’s Services", "Corporate Director of Children and Young People's Services", true},
		{"the Corporate Director", "Corporate Director of Children and Young People’s Services", true},
		{"unknown", "unknown", true},
		{"unknown", "A Member", true},
		{"Members", "unknown", true},
		{"officers", "unknown", true},
		{"Mrs Gunn", "Councillor Gunn", false},
		{"Councillor Hunt", "Councillor Gunn", false},
		{"unknown", "Councillor Hunt", false},
		{"", "Councillor Hunt", false},
		{"the Chair", "the Director of Public Health", false},
	}
	for _, tt := range tests {
		if got := samePerson(tt.got, tt.want); got != tt.same {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.same)
		}
	}
}

func TestContainsFoldsTypography(t *testing.T) {
	if !contains("The Committee noted the report", "the committee noted the report.") {
		t.Error("a trailing full stop and case should not matter")
	}
	if !contains("children’s   homes\nin care", "children's homes in care") {
		t.Error("curly quotes and line breaks should not matter")
	}
	if contains("The Committee noted", "the Panel noted") {
		t.Error("different words matched")
	}
}

// gold is a small gold file written for these tests.
const goldJSON = `{
  "document": "minutes.txt",
  "findings": [
    {"kind": "question", "asker": "Councillor Hunt", "evidence": "asked if the budget", "answered_by": "Director of Finance"},
    {"kind": "question", "asker": "unknown", "evidence": "A question was raised on whether"},
    {"kind": "answer", "evidence": "the overspend was forecast"},
    {"kind": "resolution", "evidence": "That the report be noted", "outcome": "noted"},
    {"kind": "resolution", "evidence": "It was agreed to defer", "optional": true}
  ],
  "must_not": [
    {"kind": "question", "evidence": "thanked officers", "why": "thanks are not questions"}
  ]
}`

func loadTestGold(t *testing.T) []Gold {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "minutes.json"), []byte(goldJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	return golds
}

func TestScore(t *testing.T) {
	golds := loadTestGold(t)
	doc := Doc{Name: "data/minutes.pdf", Findings: []Finding{
		{ID: 1, Kind: "question", Speaker: "Cllr Hunt", Text: "Councillor Hunt asked if the budget would balance."},
		{ID: 2, Kind: "answer", Speaker: "the Director of Finance", AnswerTo: 1, Text: "The Director of Finance said the overspend was forecast to fall."},
		{ID: 3, Kind: "question", Speaker: "Councillor Coult", Text: "Councillor Coult thanked officers for the report."},
		{ID: 4, Kind: "resolution", Outcome: "noted", Text: "RESOLVED: That the report be noted."},
		{ID: 5, Kind: "resolution", Text: "It was agreed to defer the item."},
	}}
	rep := Score(golds, []Doc{doc})
	r, ok := rep.ByFormat["pdf"]
	if !ok {
		t.Fatalf("no pdf result: %+v", rep.ByFormat)
	}
	q := r.Kinds["question"]
	if q.TP != 1 || q.FP != 1 || q.FN != 1 {
		t.Errorf("question counts %+v, want 1 tp, 1 fp, 1 fn", q)
	}
	if a := r.Kinds["answer"]; a.TP != 1 || a.FP != 0 || a.FN != 0 {
		t.Errorf("answer counts %+v, want 1 tp", a)
	}
	// The optional resolution counts neither way.
	if res := r.Kinds["resolution"]; res.TP != 1 || res.FP != 0 || res.FN != 0 {
		t.Errorf("resolution counts %+v, want 1 tp and the optional one ignored", res)
	}
	if r.Asker.OK != 1 || r.Asker.Total != 1 {
		t.Errorf("asker %+v, want 1/1", r.Asker)
	}
	if r.AnswerLink.OK != 1 || r.AnswerLink.Total != 1 {
		t.Errorf("answer link %+v, want 1/1", r.AnswerLink)
	}
	if r.Outcome.OK != 1 || r.Outcome.Total != 1 {
		t.Errorf("outcome %+v, want 1/1", r.Outcome)
	}
	if len(r.Violations) != 1 {
		t.Errorf("violations %+v, want the thanks read as a question", r.Violations)
	}
	// question F1 is 0.5; answer and resolution 1: macro-F1 over three kinds.
	if got, want := r.MacroF1(), (0.5+1+1)/3; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("macro-F1 %.4f, want %.4f", got, want)
	}
}

func TestScoreWrongLinkAndAsker(t *testing.T) {
	golds := loadTestGold(t)
	doc := Doc{Name: "minutes.html", Findings: []Finding{
		{ID: 1, Kind: "question", Speaker: "Councillor Gunn", Text: "Councillor Hunt asked if the budget would balance."},
		{ID: 2, Kind: "answer", Speaker: "the Chair", AnswerTo: 1, Text: "The Chair said the overspend was forecast to fall."},
	}}
	r := Score(golds, []Doc{doc}).All
	if r.Asker.OK != 0 || r.Asker.Total != 1 {
		t.Errorf("asker %+v, want 0/1", r.Asker)
	}
	if r.AnswerLink.OK != 0 || r.AnswerLink.Total != 1 {
		t.Errorf("answer link %+v, want 0/1: the answer is linked but given by someone else", r.AnswerLink)
	}
	if len(r.Wrong) != 2 {
		t.Errorf("wrong attributes %+v, want asker and answered by", r.Wrong)
	}
}

func TestScoreMissingDocument(t *testing.T) {
	golds := loadTestGold(t)
	r := Score(golds, nil).All
	if len(r.Unscored) != 1 || r.Kinds["question"].FN != 2 {
		t.Errorf("a gold file without its document should count as missed: %+v", r)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadGold(dir); err == nil {
		t.Error("an empty folder should be an error")
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"findings": [}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadGold(dir); err == nil {
		t.Error("malformed JSON should be an error naming the file")
	}
}
