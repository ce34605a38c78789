package fetch

import (
	"context"
	"sync"
	"time"
)

// hostLimiter spaces requests to each host at least an interval apart.
// Each caller reserves the next free slot for its host and sleeps until
// it, so concurrent callers queue in order instead of bursting together.
type hostLimiter struct {
	mu   sync.Mutex
	next map[string]time.Time
}

func (l *hostLimiter) wait(ctx context.Context, host string, interval time.Duration, sleep func(context.Context, time.Duration) error) error {
	if interval <= 0 {
		return ctx.Err()
	}
	l.mu.Lock()
	if l.next == nil {
		l.next = map[string]time.Time{}
	}
	now := time.Now()
	slot := l.next[host]
	if slot.Before(now) {
		slot = now
	}
	l.next[host] = slot.Add(interval)
	l.mu.Unlock()
	return sleep(ctx, slot.Sub(now))
}
