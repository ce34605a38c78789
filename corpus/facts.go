package corpus

// InspectionFacts are the facts of an Ofsted inspection that a report states.
type InspectionFacts struct {
	// Type is the report's type: ilacs_standard, ilacs_short, ilacs_2026,
	// sif, focused_visit, monitoring_visit or jtai.
	Type          string
	Framework     Inspection
	StartDate     string // ISO 8601 dates; empty when not stated
	EndDate       string
	PublishedDate string
	LeadInspector string
}

// The types of Ofsted report, as InspectionFacts.Type records them. The
// ILACS types share the ILACS framework: a standard inspection spends two
// weeks on site, a short one a week, and the 2026 layout grades the areas
// without an overall judgement.
const (
	ILACSStandard         = "ilacs_standard"
	ILACSShort            = "ilacs_short"
	ILACS2026             = "ilacs_2026"
	SIFReport             = "sif"
	FocusedVisitLetter    = "focused_visit"
	MonitoringVisitLetter = "monitoring_visit"
	JTAILetter            = "jtai"
)

// MeetingFacts are the facts of a meeting that minutes state.
type MeetingFacts struct {
	Committee string
	Date      string // ISO 8601
	Attendees []Attendee
}

// Attendee is a person listed as present at a meeting.
type Attendee struct {
	Name string // as written: "Mrs S Hammond"
	// Position is the office held, when the list states it:
	// "Corporate Director Children, Young People and Education".
	Position string
	Role     Role // member, officer or chair
}
