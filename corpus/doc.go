// Package corpus holds Scrutiny's domain types: documents with their pages
// and agenda items, the findings classified from them, and the controlled
// vocabularies (kinds, areas, grades, inspections) that the database and the
// export contract speak. It depends on the standard library only.
package corpus
