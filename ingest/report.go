package ingest

import "time"

// Status of a document in a run.
const (
	New       = "new"
	Unchanged = "unchanged"
	Failed    = "failed"
)

// Event reports one document's outcome. Its JSON form is a line of
// `scrutiny ingest --json`; consumers ignore fields they do not know.
type Event struct {
	Type       string  `json:"type"` // "document"
	Path       string  `json:"path"`
	Status     string  `json:"status"` // new, unchanged, failed
	SHA256     string  `json:"sha256,omitempty"`
	ID         int64   `json:"id,omitempty"`
	Format     string  `json:"format,omitempty"`
	DocType    string  `json:"doc_type,omitempty"`
	Extractor  string  `json:"extractor,omitempty"`
	Pages      int     `json:"pages,omitempty"`
	Bytes      int64   `json:"bytes,omitempty"`
	Items      int     `json:"items,omitempty"`
	Findings   int     `json:"findings,omitempty"`
	Superseded int     `json:"superseded,omitempty"`
	Stage      string  `json:"stage,omitempty"` // where a failure happened
	Error      string  `json:"error,omitempty"`
	Known      bool    `json:"known,omitempty"` // a failure remembered from an earlier run
	Seconds    float64 `json:"seconds,omitempty"`
}

// Summary is the outcome of a run. Its JSON form, with type "summary", is
// the last line of `scrutiny ingest --json`.
type Summary struct {
	Type        string         `json:"type"` // "summary"
	RunID       int64          `json:"run_id"`
	Seen        int            `json:"seen"`
	New         int            `json:"new"`
	Unchanged   int            `json:"unchanged"`
	Superseded  int            `json:"superseded"`
	Failed      int            `json:"failed"`
	Findings    int            `json:"findings"`
	ByKind      map[string]int `json:"findings_by_kind"`
	Pages       int            `json:"pages"`
	Bytes       int64          `json:"bytes"`
	Interrupted bool           `json:"interrupted"`
	Seconds     float64        `json:"seconds"`
	Status      string         `json:"status"`
}

// Reporter follows a run: progress for people, or JSON lines for machines.
type Reporter interface {
	Start(total int)
	Document(Event)
	Done(Summary)
}

type nopReporter struct{}

func (nopReporter) Start(int)      {}
func (nopReporter) Document(Event) {}
func (nopReporter) Done(Summary)   {}

func seconds(d time.Duration) float64 {
	return float64(d.Round(time.Millisecond)) / float64(time.Second)
}
