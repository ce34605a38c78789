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
