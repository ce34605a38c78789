package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"scrutiny/internal/testkit"
	"strings"
	"testing"
	"time"

	"scrutiny/internal/seed"
	"scrutiny/internal/webdriver"
)

// TestBrowserSearchAndHighlight drives headless Chromium against `scrutiny
// serve` on a seeded database: it types a search, opens the question it
// finds, and checks that the question is highlighted in place, in view,
// with its page, and that its answer is shown beside it.
func TestBrowserSearchAndHighlight(t *testing.T) {
	chrome, driver := browser(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	base := startServe(t, ctx, testkit.SeededFile(t))

	wd, err := webdriver.Start(ctx, driver)
	if err != nil {
		t.Fatal(err)
	}
	defer wd.Stop()
	s, err := wd.NewSession(ctx, chrome, []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,900",
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Quit(context.WithoutCancel(ctx))
	defer func() {
		if t.Failed() {
			if png, err := s.Screenshot(ctx); err == nil {
				p := filepath.Join(os.TempDir(), "scrutiny-browser-test.png")
				os.WriteFile(p, png, 0o644)
				t.Logf("screenshot of the failure: %s", p)
			}
		}
	}()

	if err := s.Navigate(ctx, base); err != nil {
		t.Fatal(err)
	}
	box, err := s.Find(ctx, "input#q")
	if err != nil {
		t.Fatal(err)
	}
	if err := box.Type(ctx, seed.QuestionPhrase+webdriver.Enter); err != nil {
		t.Fatal(err)
	}
	count, err := s.WaitFor(ctx, "p.count", 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if txt, _ := count.Text(ctx); !strings.Contains(txt, "2 results") {
		t.Errorf("result count reads %q, want 2 results", txt)
	}
	link, err := s.Find(ctx, ".hit-head .badge.question + a.hit-title")
	if err != nil {
		t.Fatal(err)
	}
	if err := link.Click(ctx); err != nil {
		t.Fatal(err)
	}
	mark, err := s.WaitFor(ctx, "mark.current", 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := s.URL(ctx)
	if !regexp.MustCompile(`/findings/\d+#finding-\d+$`).MatchString(u) {
		t.Errorf("opened %s, want a finding's permalink", u)
	}
	text, _ := mark.Text(ctx)
	if !strings.Contains(text, seed.QuestionPhrase) || !strings.HasPrefix(text, "Councillor Hunt asked") {
		t.Errorf("highlighted text %q, want the question", text)
	}
	if id, _ := mark.Attribute(ctx, "id"); !strings.HasPrefix(u, base) || !strings.HasSuffix(u, "#"+id) {
		t.Errorf("highlight id %q is not the URL's fragment (%s)", id, u)
	}
	bg, _ := mark.CSS(ctx, "background-color")
	if !strings.Contains(bg, "255, 200, 97") {
		t.Errorf("highlight background %q, want the current finding's colour rgb(255, 200, 97)", bg)
	}
	var inView bool
	if err := s.Execute(ctx, `const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;`, &inView, mark); err != nil {
		t.Fatal(err)
	}
	if !inView {
		t.Errorf("the highlighted finding is not scrolled into view")
	}
	facts, err := s.Find(ctx, "dl.facts")
	if err != nil {
		t.Fatal(err)
	}
	if txt, _ := facts.Text(ctx); !strings.Contains(txt, "Page\n1") || !strings.Contains(txt, "seed.question") {
		t.Errorf("facts %q lack the page and the rule", txt)
	}
	answer, err := s.Find(ctx, ".thread .turn.answer p")
	if err != nil {
		t.Fatal(err)
	}
	if txt, _ := answer.Text(ctx); !strings.Contains(txt, seed.AnswerPhrase) {
		t.Errorf("thread answer %q, want the Director's reply", txt)
	}
}

// browser finds Chromium and chromedriver, skipping the test when they
// are not installed (CI installs them: there their absence fails).
func browser(t *testing.T) (chrome, driver string) {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	driver, _ = exec.LookPath("chromedriver")
	if chrome == "" || driver == "" {
		msg := "browser test needs chromium and chromedriver (apt-get install chromium chromium-driver)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + ": CI installs them, so their absence is a failure")
		}
		t.Skip(msg)
	}
	return chrome, driver
}

// startServe runs `scrutiny serve` on a free loopback port until the test
// ends, and returns its address.
func startServe(t *testing.T, ctx context.Context, db string) string {
	t.Helper()
	ctx, stop := context.WithCancel(ctx)
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() {
		stop()
		if code := <-done; code != exitOK {
			t.Errorf("scrutiny serve exited %d", code)
		}
	})
	lines := bufio.NewScanner(pr)
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)
	for lines.Scan() {
		if m := re.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, pr) // keep the log flowing
			return m[1] + "/"
		}
	}
	t.Fatal("scrutiny serve did not say where it listens")
	return ""
}
