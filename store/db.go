// Package store keeps Scrutiny's database: documents with their text,
// agenda items, findings with provenance, the run ledger and failures, in
// SQLite through github.com/mattn/go-sqlite3. It is the only package that
// speaks SQL. Migrations are embedded and applied on open.
//
// The driver has FTS5 only when built with the tag sqlite_fts5; every build
// target in the Makefile sets it, and Open says so plainly when it is
// missing.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// readerDriver is SQLite for read-only connections: it maps the file into
// memory, so that searches read pages without a system call each, which
// on a database of a million findings halves a search's time.
const readerDriver = "sqlite3_scrutiny_reader"

// readerConns bounds a read-only handle's connections: enough for a web
// server's concurrent requests and a search's parallel snippets.
const readerConns = 8

// mmapSize is how much of the file a read-only connection maps. Address
// space, not memory: the operating system pages it in as read.
const mmapSize = 4 << 30

func init() {
	sql.Register(readerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(fmt.Sprintf("PRAGMA mmap_size = %d", int64(mmapSize)), nil)
		return err
	}})
}

// DB is an open Scrutiny database.
type DB struct {
	db       *sql.DB
	path     string
	readOnly bool
}

// ErrNoFTS5 means the binary was built without FTS5.
var ErrNoFTS5 = errors.New("this build of SQLite lacks FTS5: build with -tags sqlite_fts5 (make build does)")

// Open opens (creating if need be) the database at path and brings its
// schema up to date. Writes use immediate transactions: with WAL and
// deferred transactions, concurrent writers get "database is locked"
// despite a busy timeout, because a reader cannot be upgraded to a writer.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, false)
}

// OpenReadOnly opens an existing database for reading only: the
// connection itself refuses writes, whatever the SQL.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "30000")
	q.Set("_foreign_keys", "on")
	driver := "sqlite3"
	if readOnly {
		q.Set("mode", "ro")
		q.Set("_query_only", "1")
		q.Set("_cache_size", "-32768") // KiB: 32 MiB of pages per connection
		driver = readerDriver
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	dsn := "file:" + escapePath(path) + "?" + q.Encode()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !readOnly {
		// One connection: one writer, and a single place where SQLite's
		// locks are taken, so a batch never contends with itself.
		db.SetMaxOpenConns(1)
	} else {
		// Readers keep their connections: a new one parses the schema and
		// starts with a cold page cache, which costs more than a search.
		db.SetMaxIdleConns(readerConns)
		db.SetMaxOpenConns(readerConns)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &DB{db: db, path: path, readOnly: readOnly}
	if err := s.checkFTS5(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if readOnly {
		if err := s.checkSchema(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// escapePath makes a file path safe inside a file: URI, whose query
// begins at the first '?' and whose fragment begins at '#'.
func escapePath(p string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

func (s *DB) checkFTS5(ctx context.Context) error {
	var ok int
	err := s.db.QueryRowContext(ctx, `SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&ok)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	if ok != 1 {
		return ErrNoFTS5
	}
	return nil
}

// Close closes the database.
func (s *DB) Close() error {
	if s.readOnly {
		return s.db.Close()
	}
	// Fold the write-ahead log back so that the file alone is the database
	// for anyone who copies it.
	_, _ = s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return s.db.Close()
}

// Path returns the database file's path.
func (s *DB) Path() string { return s.path }

// SQL returns the underlying handle for read queries by packages that
// present data (the web server's search). It is the same connection pool.
func (s *DB) SQL() *sql.DB { return s.db }

// tx runs fn in a transaction, committing when it returns nil.
func (s *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
