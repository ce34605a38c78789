package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client fetches URLs politely: at most one request per Interval to each
// host, conditional GETs, retries with backoff on 429, 5xx and network
// errors (honouring Retry-After), and a User-Agent that names the tool and
// a contact. The zero value is not usable; NewClient sets the defaults.
type Client struct {
	HTTP      *http.Client
	UserAgent string
	Interval  time.Duration // least time between two requests to one host
	Retries   int           // further attempts after a retriable failure
	Backoff   time.Duration // delay before the first retry; it doubles, with jitter
	MaxWait   time.Duration // longest wait before a retry; a longer Retry-After gives up
	MaxSize   int64         // largest body accepted, in bytes

	limiter hostLimiter
	// sleep waits for d or until ctx ends; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// Defaults for NewClient.
const (
	DefaultInterval = time.Second
	DefaultRetries  = 4
	DefaultBackoff  = 2 * time.Second
	DefaultMaxWait  = 2 * time.Minute
	DefaultMaxSize  = 200 << 20
	DefaultTimeout  = 2 * time.Minute // per request
)

// NewClient returns a client with the default politeness settings.
func NewClient(userAgent string) *Client {
	return &Client{
		HTTP:      &http.Client{Timeout: DefaultTimeout},
		UserAgent: userAgent,
		Interval:  DefaultInterval,
		Retries:   DefaultRetries,
		Backoff:   DefaultBackoff,
		MaxWait:   DefaultMaxWait,
		MaxSize:   DefaultMaxSize,
	}
}

// UserAgent is the User-Agent Scrutiny sends: the tool, its version, and
// where a site's administrator can reach whoever runs it.
func UserAgent(version, contact string) string {
	if contact == "" {
		contact = "contact not configured: set contact in the sources file"
	}
	return fmt.Sprintf("Scrutiny/%s (+%s)", version, contact)
}

// Validators are what a server said about a body, sent back to ask
// whether it has changed since.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched URL.
type Response struct {
	URL         string // after redirects
	Status      int    // 200, or 304 when the body has not changed
	Body        []byte // empty on 304
	ContentType string
	Validators  Validators
}

// NotModified reports whether the server said the body has not changed.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// HTTPError is a response that was neither a success nor worth retrying,
// or a failure that outlasted the retries.
type HTTPError struct {
	URL    string
	Status int // 0 when no response came
	Reason string
}

func (e *HTTPError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("GET %s: %s", e.URL, e.Reason)
	}
	return fmt.Sprintf("GET %s: %d %s%s", e.URL, e.Status, http.StatusText(e.Status), prefixed(e.Reason))
}

func prefixed(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}

// Get fetches rawURL. With validators it asks conditionally, and a 304
// comes back as a Response whose NotModified is true. It retries what is
// worth retrying and returns an *HTTPError for what is not.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &HTTPError{URL: rawURL, Reason: "not an http(s) URL"}
	}
	var last error
	for attempt := 0; ; attempt++ {
		if err := c.limiter.wait(ctx, u.Host, c.Interval, c.sleeper()); err != nil {
			return nil, err
		}
		resp, retryAfter, err := c.try(ctx, u.String(), v)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var he *retriable
		if !errors.As(err, &he) {
			return nil, err
		}
		last = he.err
		if attempt >= c.Retries {
			return nil, fmt.Errorf("%w (gave up after %d attempts)", last, attempt+1)
		}
		wait := c.backoff(attempt)
		if retryAfter > 0 {
			wait = retryAfter
		}
		if wait > c.MaxWait {
			return nil, fmt.Errorf("%w (asked to retry after %s; giving up for this run)", last, wait.Round(time.Second))
		}
		if err := c.sleeper()(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retriable wraps a failure worth another attempt.
type retriable struct{ err error }

func (r *retriable) Error() string { return r.err.Error() }
func (r *retriable) Unwrap() error { return r.err }

// try makes one request. A failure worth retrying comes back wrapped in
// *retriable, with the wait the server asked for, if any.
func (c *Client) try(ctx context.Context, rawURL string, v Validators) (*Response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, &HTTPError{URL: rawURL, Reason: err.Error()}
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "application/xml, text/xml, application/pdf, text/html;q=0.9, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		return nil, 0, &retriable{&HTTPError{URL: rawURL, Reason: transportReason(err)}}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, Validators: v}, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests, resp.StatusCode == http.StatusRequestTimeout,
		resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After"), time.Now()),
			&retriable{&HTTPError{URL: rawURL, Status: resp.StatusCode}}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, 0, &HTTPError{URL: rawURL, Status: resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.MaxSize+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		return nil, 0, &retriable{&HTTPError{URL: rawURL, Status: resp.StatusCode, Reason: "reading the body: " + transportReason(err)}}
	}
	if int64(len(body)) > c.MaxSize {
		return nil, 0, &HTTPError{URL: rawURL, Status: resp.StatusCode, Reason: fmt.Sprintf("body over the limit of %d bytes", c.MaxSize)}
	}
	return &Response{
		URL: resp.Request.URL.String(), Status: resp.StatusCode, Body: body,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}, 0, nil
}

// transportReason says why a request got no response, without the
// "Get URL:" prefix net/http adds (the caller names the URL).
func transportReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return "timed out: " + err.Error()
	}
	return err.Error()
}

// backoff is the wait before retry number attempt+1: Backoff doubled per
// attempt, the upper half of it jittered so that many clients retrying at
// once spread out.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.Backoff << min(attempt, 20)
	if d <= 0 || d > c.MaxWait {
		d = c.MaxWait
	}
	half := d / 2
	return half + rand.N(half+1)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func (c *Client) sleeper() func(context.Context, time.Duration) error {
	if c.sleep != nil {
		return c.sleep
	}
	return sleep
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
