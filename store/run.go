package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Run is one row of the run ledger.
type Run struct {
	ID                int64  `json:"id"`
	Command           string `json:"command"`
	StartedAt         string `json:"started_at"`
	FinishedAt        string `json:"finished_at,omitempty"`
	Status            string `json:"status"`
	Args              string `json:"args,omitempty"`
	Seen              int    `json:"seen"`
	New               int    `json:"new"`
	Unchanged         int    `json:"unchanged"`
	Superseded        int    `json:"superseded"`
	Failed            int    `json:"failed"`
	Findings          int    `json:"findings"`
	ExtractorVersion  string `json:"extractor_version"`
	ClassifierVersion string `json:"classifier_version"`
	PID               int    `json:"pid"`
	Host              string `json:"host,omitempty"`
	Message           string `json:"message,omitempty"`
}

// The statuses of a run.
const (
	RunRunning     = "running"
	RunOK          = "ok"
	RunPartial     = "partial" // finished, some documents failed
	RunFailed      = "failed"  // stopped by a fatal error
	RunInterrupted = "interrupted"
)

// StartRun records the start of a run and returns its id.
func (s *DB) StartRun(ctx context.Context, command, args string, v Versions) (int64, error) {
	host, _ := os.Hostname()
	r, err := s.db.ExecContext(ctx, `INSERT INTO runs (command, started_at, args, extractor_version, classifier_version, pid, host)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, command, now(), args, v.Extractor, v.Classifier, os.Getpid(), host)
	if err != nil {
		return 0, fmt.Errorf("start run: %w", err)
	}
	return r.LastInsertId()
}

// FinishRun records a run's end, its counts and status.
func (s *DB) FinishRun(ctx context.Context, r Run) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, status = ?, seen = ?, new = ?, unchanged = ?,
		superseded = ?, failed = ?, findings = ?, message = ? WHERE id = ?`,
		now(), r.Status, r.Seen, r.New, r.Unchanged, r.Superseded, r.Failed, r.Findings, nullString(r.Message), r.ID)
	if err != nil {
		return fmt.Errorf("finish run %d: %w", r.ID, err)
	}
	return nil
}

const runColumns = `id, command, started_at, coalesce(finished_at, ''), status, args, seen, new, unchanged,
	superseded, failed, findings, extractor_version, classifier_version, coalesce(pid, 0), coalesce(host, ''), coalesce(message, '')`

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	err := sc.Scan(&r.ID, &r.Command, &r.StartedAt, &r.FinishedAt, &r.Status, &r.Args, &r.Seen, &r.New, &r.Unchanged,
		&r.Superseded, &r.Failed, &r.Findings, &r.ExtractorVersion, &r.ClassifierVersion, &r.PID, &r.Host, &r.Message)
	return r, err
}

// Runs lists the most recent runs, newest first.
func (s *DB) Runs(ctx context.Context, limit int) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+runColumns+` FROM runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LastRun returns the newest run whose status is one of statuses (any
// status when none are given).
func (s *DB) LastRun(ctx context.Context, statuses ...string) (Run, bool, error) {
	q := `SELECT ` + runColumns + ` FROM runs`
	var args []any
	if len(statuses) > 0 {
		q += ` WHERE status IN (`
		for i, st := range statuses {
			if i > 0 {
				q += `, `
			}
			q += `?`
			args = append(args, st)
		}
		q += `)`
	}
	q += ` ORDER BY id DESC LIMIT 1`
	r, err := scanRun(s.db.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, false, nil
	}
	if err != nil {
		return Run{}, false, fmt.Errorf("last run: %w", err)
	}
	return r, true, nil
}

// CloseAbandonedRuns marks as interrupted the runs still recorded as
// running. Call it holding the database's run lock: no other run can then
// be alive, so such a row is what a killed process (kill -9, a power cut)
// left behind. It returns how many it closed.
func (s *DB) CloseAbandonedRuns(ctx context.Context) (int, error) {
	r, err := s.db.ExecContext(ctx, `UPDATE runs SET status = ?, finished_at = coalesce(finished_at, ?),
		message = coalesce(message, 'the process ended without finishing (killed, or the machine stopped); documents it committed are kept')
		WHERE status = ?`, RunInterrupted, now(), RunRunning)
	if err != nil {
		return 0, fmt.Errorf("close abandoned runs: %w", err)
	}
	n, err := r.RowsAffected()
	return int(n), err
}

// LastRunOf returns the newest run of command.
func (s *DB) LastRunOf(ctx context.Context, command string) (Run, bool, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runColumns+` FROM runs WHERE command = ? ORDER BY id DESC LIMIT 1`, command))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, false, nil
	}
	if err != nil {
		return Run{}, false, fmt.Errorf("last %s run: %w", command, err)
	}
	return r, true, nil
}
