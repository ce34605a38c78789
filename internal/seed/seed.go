// Package seed builds small documents by hand with every shape of finding
// the research interface shows: a question with a linked answer, a
// question nobody answered, a resolution, an inspection's judgement table
// with an earlier grade, recommendations from Ofsted and from a council
// report. Tests store them to have known rows whatever the classifier
// currently finds. Texts hold curly quotes and accents so that byte and
// code point offsets differ.
package seed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"scrutiny/corpus"
	"scrutiny/store"
)

// builder assembles a document's text page by page and item by item,
// recording the byte offsets of everything it adds.
type builder struct {
	doc  *corpus.Document
	text strings.Builder
}

func newBuilder(path, title, authority string, typ corpus.DocType) *builder {
	return &builder{doc: &corpus.Document{
		Path: path, AbsPath: "/seed/" + path, Format: corpus.Txt, Extractor: "seed",
		Title: title, Type: typ, Authority: authority, ModTime: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
	}}
}

// page starts a new page.
func (b *builder) page() {
	n := len(b.doc.Pages)
	if n > 0 {
		b.doc.Pages[n-1].End = b.text.Len()
	}
	b.doc.Pages = append(b.doc.Pages, corpus.Page{Number: n + 1, Start: b.text.Len()})
}

// item starts an agenda item.
func (b *builder) item(label, title string, procedural bool) {
	b.closeItem()
	b.doc.Items = append(b.doc.Items, corpus.Item{
		Number: len(b.doc.Items) + 1, Label: label, Title: title, Start: b.text.Len(),
		Page: len(b.doc.Pages), Procedural: procedural,
	})
	b.write(label + " " + title + "\n\n")
}

func (b *builder) closeItem() {
	if n := len(b.doc.Items); n > 0 {
		b.doc.Items[n-1].End = b.text.Len()
	}
}

// write adds text that carries no finding.
func (b *builder) write(s string) { b.text.WriteString(s) }

// find adds text that carries a finding, and returns the finding's index.
func (b *builder) find(s string, f corpus.Finding) int {
	f.Start = b.text.Len()
	b.text.WriteString(s)
	f.End = b.text.Len()
	f.Text = s
	f.Page = len(b.doc.Pages)
	f.Item = len(b.doc.Items)
	if f.Kind != corpus.Answer {
		f.AnswerTo = -1
	}
	b.doc.Findings = append(b.doc.Findings, f)
	b.text.WriteString("\n\n")
	return len(b.doc.Findings) - 1
}

func (b *builder) done() *corpus.Document {
	b.closeItem()
	if n := len(b.doc.Pages); n > 0 {
		b.doc.Pages[n-1].End = b.text.Len()
	}
	b.doc.Text = b.text.String()
	sum := sha256.Sum256([]byte(b.doc.Path + "\x00" + b.doc.Text))
	b.doc.SHA256 = hex.EncodeToString(sum[:])
	b.doc.Size = int64(len(b.doc.Text))
	return b.doc
}

// Documents returns the seed documents: committee minutes, an Ofsted
// report and a council report, from two authorities.
func Documents() []*corpus.Document {
	return []*corpus.Document{minutes(), inspection(), report()}
}

// The phrases tests search for, each in exactly one finding.
const (
	QuestionPhrase   = "agency social workers"
	AnswerPhrase     = "recruitment campaign"
	UnansweredPhrase = "foster carers"
	ResolutionPhrase = "improvement plan be noted"
	OfstedRecPhrase  = "management oversight"
	ReportRecPhrase  = "additional funding"
)

func minutes() *corpus.Document {
	b := newBuilder("minutes/testshire_scrutiny_2024-03-12.txt",
		"Children’s Services Scrutiny Committee", "Testshire", corpus.Minutes)
	b.doc.Meeting = &corpus.MeetingFacts{Committee: "Children’s Services Scrutiny Committee", Date: "2024-03-12",
		Attendees: []corpus.Attendee{{Name: "Councillor Hunt", Role: corpus.Member}}}
	b.page()
	b.write("TESTSHIRE COUNTY COUNCIL\nMinutes of the Children’s Services Scrutiny Committee, 12 March 2024.\n\n")
	b.item("1.", "Apologies for absence", true)
	b.write("Apologies were received from Councillor Zoë Brontë.\n\n")
	b.item("2.", "Ofsted inspection of children’s services", false)
	b.write("The Director presented the report on the inspection, which found services “good” overall.\n\n")
	q := b.find("Councillor Hunt asked how the service would reduce its reliance on agency social workers.",
		corpus.Finding{Kind: corpus.Question, Speaker: "Councillor Hunt", SpeakerRole: corpus.Member,
			AnsweredBy: "the Director of Children’s Services", Rule: "seed.question"})
	b.page()
	b.find("The Director replied that a recruitment campaign had begun and caseloads were falling.",
		corpus.Finding{Kind: corpus.Answer, Speaker: "the Director of Children’s Services", SpeakerRole: corpus.Officer,
			AnswerTo: q, Rule: "seed.answer"})
	b.find("Councillor Patel asked whether more foster carers were being recruited in the south of the county.",
		corpus.Finding{Kind: corpus.Question, Speaker: "Councillor Patel", SpeakerRole: corpus.Member, Rule: "seed.question"})
	b.find("RESOLVED that the report and the improvement plan be noted.",
		corpus.Finding{Kind: corpus.Resolution, Outcome: corpus.Noted, Rule: "seed.resolution"})
	return b.done()
}

func inspection() *corpus.Document {
	b := newBuilder("ofsted/90001_testshire_2024-01-20.txt",
		"Inspection of Testshire local authority children’s services", "Testshire", corpus.OfstedReport)
	b.doc.Inspection = &corpus.InspectionFacts{Type: "ilacs_standard", Framework: corpus.ILACS,
		StartDate: "2023-11-27", EndDate: "2023-12-08", PublishedDate: "2024-01-20", LeadInspector: "Jo Smith"}
	b.page()
	b.item("", "Judgements", false)
	grades := []struct {
		text  string
		area  corpus.Area
		grade corpus.Grade
	}{
		{"Overall effectiveness: Good", corpus.OverallEffectiveness, corpus.Good},
		{"The impact of leaders on social work practice with children and families: Good", corpus.ImpactOfLeaders, corpus.Good},
		{"The experiences and progress of children who need help and protection: Requires improvement to be good", corpus.HelpAndProtection, corpus.RequiresImprovement},
		{"The experiences and progress of children in care: Good", corpus.ChildrenInCare, corpus.Good},
		{"The experiences and progress of care leavers: Inadequate", corpus.CareLeavers, corpus.Inadequate},
	}
	for _, g := range grades {
		b.find(g.text, corpus.Finding{Kind: corpus.Judgement, Area: g.area, Grade: g.grade, Inspection: corpus.ILACS, Rule: "seed.judgement"})
	}
	b.find("At the last inspection the local authority was judged to be requires improvement to be good.",
		corpus.Finding{Kind: corpus.Judgement, Area: corpus.OverallEffectiveness, Grade: corpus.RequiresImprovement,
			Inspection: corpus.ILACS, Previous: true, Rule: "seed.judgement-previous"})
	b.page()
	b.item("", "What needs to improve?", false)
	b.find("The quality and impact of management oversight of children’s plans.",
		corpus.Finding{Kind: corpus.Recommendation, Source: corpus.SourceOfsted, Inspection: corpus.ILACS, Rule: "seed.recommendation"})
	return b.done()
}

func report() *corpus.Document {
	b := newBuilder("reports/northam_cabinet_2023-11-02.txt", "Report to Cabinet: Ofsted improvement plan",
		"Northam", corpus.CouncilReport)
	b.doc.Meta = map[string]string{"meeting_date": "2023-11-02"}
	b.page()
	b.item("1.", "Recommendations", false)
	b.find("Cabinet is recommended to approve additional funding for the social work academy.",
		corpus.Finding{Kind: corpus.Recommendation, Source: corpus.SourceReport, Rule: "seed.recommendation"})
	return b.done()
}

// Load stores the seed documents in db.
func Load(ctx context.Context, db *store.DB) error {
	for _, d := range Documents() {
		if _, err := db.PutDocument(ctx, d, 0, store.Versions{Extractor: "seed", Classifier: "seed"}); err != nil {
			return err
		}
	}
	return nil
}
