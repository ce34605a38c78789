package web

import (
	"context"
	"sync"
	"time"
)

// cached holds a value computed from the database for a while, so that
// lists every page shows (authorities, counts) cost one query a minute
// rather than one per request. Another process may be ingesting into the
// database meanwhile, so values do expire.
type cached[T any] struct {
	ttl   time.Duration
	load  func(context.Context) (T, error)
	mu    sync.Mutex
	value T
	at    time.Time
}

func newCached[T any](ttl time.Duration, load func(context.Context) (T, error)) *cached[T] {
	return &cached[T]{ttl: ttl, load: load}
}

// get returns the value, loading it when it is missing or stale. A failed
// load leaves the old value in place for the next try.
func (c *cached[T]) get(ctx context.Context) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < c.ttl {
		return c.value, nil
	}
	v, err := c.load(ctx)
	if err != nil {
		return c.value, err
	}
	c.value, c.at = v, time.Now()
	return v, nil
}
