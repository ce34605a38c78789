package store_test

import (
	"context"
	"strings"
	"testing"

	"scrutiny/store"
)

func TestReadOnlyOpenNamesAMissingMigration(t *testing.T) {
	db := seeded(t)
	path := db.Path()
	if _, err := db.SQL().Exec(`DELETE FROM schema_migrations WHERE version = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := store.OpenReadOnly(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "lacks migration 0001_core.sql") {
		t.Errorf("read-only open of a database missing a migration: err = %v", err)
	}
}
