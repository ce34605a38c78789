package corpus

import "testing"

// TestAuthorityNamed matches names as report titles write them to the
// reference list.
func TestAuthorityNamed(t *testing.T) {
	for _, c := range []struct{ name, urn string }{
		{"Wakefield District Metropolitan Council", "80451"},
		{"London Borough of Bexley", "80488"},
		{"St Helens Metropolitan Borough Council", "80560"},
		{"Bradford Children and Families Trust", "80449"},
		{"Dudley MBC", "80464"},
		{"Newcastle", "80525"},
		{"Royal Borough of Kingston upon Thames", "80545"},
		{"Kingston Upon Hull City Council", "80477"},
		{"Bristol City Council", "80441"},
		{"City of Bristol", "80441"},
		{"Knowsley Council", "80479"},
		{"Bedford Borough Council", "80428"},
		{"Telford and Wrekin Council", "80570"},
		{"Blackburn with Darwen Borough Council", "80430"},
		{"York City Council", "80453"},
		{"the Isles of Scilly", "80455"},
	} {
		a, ok := AuthorityNamed(c.name)
		if !ok || a.URN != c.urn {
			t.Errorf("%q: got %q %s (%v), want URN %s", c.name, a.Name, a.URN, ok, c.urn)
		}
	}
	// "Kingston" alone is two authorities' short name: no match.
	if a, ok := AuthorityNamed("Kingston"); ok {
		t.Errorf("Kingston: got %q, want no match", a.Name)
	}
}
