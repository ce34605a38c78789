package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotFound means no row has the id, or no document the path, asked for.
var ErrNotFound = errors.New("not found")

// Finding returns one finding as exported.
func (s *DB) Finding(ctx context.Context, id int64) (Row, error) {
	r, err := scanRow(s.db.QueryRowContext(ctx, rowSelect+` WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("finding %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("finding %d: %w", id, err)
	}
	return r, nil
}

// ItemOf returns the id of the agenda item holding a finding, or 0 when
// the finding lies outside any item.
func (s *DB) ItemOf(ctx context.Context, findingID int64) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT item_id FROM findings WHERE id = ?`, findingID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("finding %d: %w", findingID, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("finding %d: %w", findingID, err)
	}
	return id.Int64, nil
}

// ItemFindings returns the findings of an agenda item in document order.
func (s *DB) ItemFindings(ctx context.Context, itemID int64) ([]Row, error) {
	return s.rows(ctx, "item findings", rowSelect+` WHERE f.item_id = ? ORDER BY f.seq`, itemID)
}

// DocumentFindings returns a document's findings in document order,
// only those of the given kinds when any are given.
func (s *DB) DocumentFindings(ctx context.Context, docID int64, kinds ...string) ([]Row, error) {
	var out []Row
	err := s.Export(ctx, Filter{DocumentID: docID, Kinds: kinds, Superseded: true}, func(r Row) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Thread is a question with the answers linked to it.
type Thread struct {
	Question *Row  `json:"question"` // nil when an answer's question is not recorded
	Answers  []Row `json:"answers"`
}

// ThreadOf returns the question-and-answer thread a finding belongs to: a
// question's answers, or an answer's question and its other answers. Other
// findings have no thread (ok is false).
func (s *DB) ThreadOf(ctx context.Context, f Row) (Thread, bool, error) {
	t := Thread{Answers: []Row{}}
	var qid int64
	switch {
	case f.Kind == "question":
		qid = f.ID
		t.Question = &f
	case f.Kind == "answer" && f.AnswerTo != nil:
		qid = *f.AnswerTo
		q, err := s.Finding(ctx, qid)
		if err != nil {
			return t, false, err
		}
		t.Question = &q
	case f.Kind == "answer":
		t.Answers = append(t.Answers, f)
		return t, true, nil
	default:
		return t, false, nil
	}
	answers, err := s.rows(ctx, "thread", rowSelect+` WHERE f.answer_to = ? AND f.kind = 'answer' ORDER BY f.seq`, qid)
	if err != nil {
		return t, false, err
	}
	t.Answers = append(t.Answers, answers...)
	return t, true, nil
}

// Threads returns the question-and-answer threads of an agenda item, in
// the order the questions were asked.
func (s *DB) Threads(ctx context.Context, itemID int64) ([]Thread, error) {
	fs, err := s.ItemFindings(ctx, itemID)
	if err != nil {
		return nil, err
	}
	var out []Thread
	byQuestion := map[int64]int{}
	for _, f := range fs {
		if f.Kind == "question" {
			byQuestion[f.ID] = len(out)
			out = append(out, Thread{Question: &f, Answers: []Row{}})
		}
	}
	for _, f := range fs {
		if f.Kind != "answer" {
			continue
		}
		if f.AnswerTo != nil {
			if i, ok := byQuestion[*f.AnswerTo]; ok {
				out[i].Answers = append(out[i].Answers, f)
				continue
			}
		}
		out = append(out, Thread{Answers: []Row{f}})
	}
	return out, nil
}

func (s *DB) rows(ctx context.Context, op, q string, args ...any) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	out := []Row{}
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}
