package corpus

// Kind is what a finding records.
type Kind string

// The kinds of finding. Their string values are part of the export contract.
const (
	Judgement      Kind = "judgement"
	Recommendation Kind = "recommendation"
	Question       Kind = "question"
	Answer         Kind = "answer"
	Resolution     Kind = "resolution"
	Strength       Kind = "strength"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{Judgement, Recommendation, Question, Answer, Resolution, Strength}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Area is the part of a children's service that a judgement grades.
type Area string

// Areas graded by Ofsted. The ILACS areas come first, then those only the
// single inspection framework (SIF, before 2018) used.
const (
	OverallEffectiveness           Area = "overall_effectiveness"
	ImpactOfLeaders                Area = "impact_of_leaders"
	HelpAndProtection              Area = "help_and_protection"
	ChildrenInCare                 Area = "children_in_care"
	CareLeavers                    Area = "care_leavers"
	ChildrenInCareAndCareLeavers   Area = "children_in_care_and_care_leavers"
	LookedAfterAndPermanence       Area = "looked_after_and_permanence"
	Adoption                       Area = "adoption"
	LeadershipManagementGovernance Area = "leadership_management_governance"
	Unspecified                    Area = "unspecified"
)

// Areas lists every area in the order a judgement table usually gives them.
var Areas = []Area{
	OverallEffectiveness, ImpactOfLeaders, HelpAndProtection, ChildrenInCare,
	CareLeavers, ChildrenInCareAndCareLeavers, LookedAfterAndPermanence,
	Adoption, LeadershipManagementGovernance, Unspecified,
}

// Valid reports whether a is one of Areas.
func (a Area) Valid() bool {
	for _, x := range Areas {
		if a == x {
			return true
		}
	}
	return false
}

// Grade is an Ofsted grade on the four-point scale.
type Grade string

// The four grades.
const (
	Outstanding         Grade = "outstanding"
	Good                Grade = "good"
	RequiresImprovement Grade = "requires_improvement"
	Inadequate          Grade = "inadequate"
)

// Grades lists the grades from best to worst.
var Grades = []Grade{Outstanding, Good, RequiresImprovement, Inadequate}

// Valid reports whether g is one of Grades.
func (g Grade) Valid() bool {
	for _, x := range Grades {
		if g == x {
			return true
		}
	}
	return false
}

// Inspection is the kind of Ofsted activity a judgement or report belongs to.
type Inspection string

// The inspection kinds of the export vocabulary.
const (
	ILACS           Inspection = "ilacs"
	SIF             Inspection = "sif"
	FocusedVisit    Inspection = "focused_visit"
	MonitoringVisit Inspection = "monitoring_visit"
	JTAI            Inspection = "jtai"
)

// Inspections lists the inspection kinds.
var Inspections = []Inspection{ILACS, SIF, FocusedVisit, MonitoringVisit, JTAI}

// Source says who made a recommendation: the inspectorate, or a council
// report addressed to its own cabinet or committee. The two are kept apart
// because "recommendation" means both in council papers.
type Source string

// The sources of a recommendation.
const (
	SourceOfsted Source = "ofsted"
	SourceReport Source = "report"
)

// Role is the part a speaker plays in a meeting.
type Role string

// The speaker roles.
const (
	Member      Role = "member"
	Officer     Role = "officer"
	Chair       Role = "chair"
	UnknownRole Role = "unknown"
)

// Outcome is what a resolution decided.
type Outcome string

// The outcomes of a resolution.
const (
	Noted    Outcome = "noted"
	Agreed   Outcome = "agreed"
	Approved Outcome = "approved"
	Deferred Outcome = "deferred"
	Refused  Outcome = "refused"
)

// Outcomes lists the outcomes.
var Outcomes = []Outcome{Noted, Agreed, Approved, Deferred, Refused}

// Format is the file format a document was read from.
type Format string

// The formats Scrutiny reads.
const (
	PDF  Format = "pdf"
	HTML Format = "html"
	Txt  Format = "text"
)

// DocType is what a document is, as far as classification is concerned.
type DocType string

// The document types.
const (
	Minutes       DocType = "minutes"        // minutes of a meeting, or one agenda item of them
	CouncilReport DocType = "council_report" // a report to a committee or cabinet
	OfstedReport  DocType = "ofsted_report"  // an inspection report or visit letter
	OtherDoc      DocType = "other"          // anything else (news pages, search results)
)
