// Package webdriver drives a browser through chromedriver with the W3C
// WebDriver protocol (JSON over HTTP), for end-to-end tests of Scrutiny's
// web pages. It covers what those tests need: open a page, find elements
// by CSS selector, type, click, read text, run a script, take a
// screenshot.
package webdriver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"time"
)

// elementKey is the W3C name of an element reference in JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Keys the protocol encodes as private-use characters.
const (
	Enter = "\uE007"
)

// Driver is a running chromedriver.
type Driver struct {
	cmd  *exec.Cmd
	base string
	http *http.Client
}

// Start runs chromedriver on a free loopback port and waits until it
// answers.
func Start(ctx context.Context, chromedriver string) (*Driver, error) {
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("start chromedriver: %w", err)
	}
	cmd := exec.Command(chromedriver, "--port="+strconv.Itoa(port), "--allowed-ips=127.0.0.1")
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start chromedriver: %w", err)
	}
	d := &Driver{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), http: &http.Client{Timeout: 60 * time.Second}}
	for {
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := d.do(ctx, "GET", "/status", nil, &st); err == nil && st.Ready {
			return d, nil
		}
		select {
		case <-ctx.Done():
			d.Stop()
			return nil, fmt.Errorf("start chromedriver: not ready: %w", ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Stop ends chromedriver.
func (d *Driver) Stop() {
	if d.cmd.Process != nil {
		d.cmd.Process.Kill()
		d.cmd.Wait()
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Error is an error the WebDriver protocol reported.
type Error struct {
	Code    string `json:"error"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return "webdriver: " + e.Code + ": " + e.Message }

// do sends a command and decodes its value into out.
func (d *Driver) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, d.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return fmt.Errorf("webdriver %s %s: %w", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e Error
		if err := json.Unmarshal(env.Value, &e); err != nil || e.Code == "" {
			return fmt.Errorf("webdriver %s %s: status %d", method, path, resp.StatusCode)
		}
		return &e
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(env.Value, out)
}

// Session is one browser.
type Session struct {
	d  *Driver
	id string
}

// NewSession starts a browser: the binary at chrome with these arguments.
func (d *Driver) NewSession(ctx context.Context, chrome string, args []string) (*Session, error) {
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName":        "chrome",
		"goog:chromeOptions": map[string]any{"binary": chrome, "args": args},
	}}}
	var out struct {
		SessionID string `json:"sessionId"`
	}
	if err := d.do(ctx, "POST", "/session", caps, &out); err != nil {
		return nil, fmt.Errorf("new browser session: %w", err)
	}
	return &Session{d: d, id: out.SessionID}, nil
}

func (s *Session) do(ctx context.Context, method, path string, in, out any) error {
	return s.d.do(ctx, method, "/session/"+s.id+path, in, out)
}

// Quit closes the browser.
func (s *Session) Quit(ctx context.Context) error { return s.do(ctx, "DELETE", "", nil, nil) }

// Navigate opens a URL and waits for the page to load.
func (s *Session) Navigate(ctx context.Context, url string) error {
	return s.do(ctx, "POST", "/url", map[string]string{"url": url}, nil)
}

// URL returns the current page's URL.
func (s *Session) URL(ctx context.Context) (string, error) {
	var u string
	err := s.do(ctx, "GET", "/url", nil, &u)
	return u, err
}

// Element is an element of the current page.
type Element struct {
	s  *Session
	id string
}

// Find returns the first element matching a CSS selector.
func (s *Session) Find(ctx context.Context, css string) (*Element, error) {
	var ref map[string]string
	if err := s.do(ctx, "POST", "/element", map[string]string{"using": "css selector", "value": css}, &ref); err != nil {
		return nil, fmt.Errorf("find %s: %w", css, err)
	}
	return &Element{s: s, id: ref[elementKey]}, nil
}

// FindAll returns every element matching a CSS selector.
func (s *Session) FindAll(ctx context.Context, css string) ([]*Element, error) {
	var refs []map[string]string
	if err := s.do(ctx, "POST", "/elements", map[string]string{"using": "css selector", "value": css}, &refs); err != nil {
		return nil, fmt.Errorf("find %s: %w", css, err)
	}
	out := make([]*Element, len(refs))
	for i, r := range refs {
		out[i] = &Element{s: s, id: r[elementKey]}
	}
	return out, nil
}

// WaitFor polls for an element until it appears or timeout passes.
func (s *Session) WaitFor(ctx context.Context, css string, timeout time.Duration) (*Element, error) {
	deadline := time.Now().Add(timeout)
	for {
		el, err := s.Find(ctx, css)
		var we *Error
		if err == nil || !errors.As(err, &we) || we.Code != "no such element" || time.Now().After(deadline) {
			return el, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Execute runs a script in the page and decodes its result into out.
// Elements among args are passed as elements.
func (s *Session) Execute(ctx context.Context, script string, out any, args ...any) error {
	for i, a := range args {
		if el, ok := a.(*Element); ok {
			args[i] = map[string]string{elementKey: el.id}
		}
	}
	if args == nil {
		args = []any{}
	}
	return s.do(ctx, "POST", "/execute/sync", map[string]any{"script": script, "args": args}, out)
}

// Screenshot returns a PNG of the window.
func (s *Session) Screenshot(ctx context.Context) ([]byte, error) {
	var b64 string
	if err := s.do(ctx, "GET", "/screenshot", nil, &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// Click clicks the element.
func (e *Element) Click(ctx context.Context) error {
	return e.s.do(ctx, "POST", "/element/"+e.id+"/click", map[string]any{}, nil)
}

// Type sends keystrokes to the element.
func (e *Element) Type(ctx context.Context, text string) error {
	return e.s.do(ctx, "POST", "/element/"+e.id+"/value", map[string]string{"text": text}, nil)
}

// Text returns the element's rendered text.
func (e *Element) Text(ctx context.Context) (string, error) {
	var t string
	err := e.s.do(ctx, "GET", "/element/"+e.id+"/text", nil, &t)
	return t, err
}

// Attribute returns an attribute of the element.
func (e *Element) Attribute(ctx context.Context, name string) (string, error) {
	var v *string
	if err := e.s.do(ctx, "GET", "/element/"+e.id+"/attribute/"+name, nil, &v); err != nil || v == nil {
		return "", err
	}
	return *v, nil
}

// CSS returns the computed value of a CSS property of the element.
func (e *Element) CSS(ctx context.Context, property string) (string, error) {
	var v string
	err := e.s.do(ctx, "GET", "/element/"+e.id+"/css/"+property, nil, &v)
	return v, err
}
