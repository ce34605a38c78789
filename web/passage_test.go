package web

import (
	"strings"
	"testing"
)

func TestPassageSegments(t *testing.T) {
	// Offsets are code points: "é" and "’" are one each.
	text := "Café’s page one. Question here.\fPage two answer."
	base := 100
	rs := []rune(text)
	q := strings.Index(string(rs), "Question")
	qStart := base + len([]rune(text[:q]))
	qEnd := qStart + len([]rune("Question here."))
	pageTwo := base + len([]rune(text[:strings.Index(text, "Page two")]))
	a := base + len([]rune(text[:strings.Index(text, "answer")]))
	marks := []mark{
		{start: qStart, end: qEnd, id: 7, kind: "question"},
		{start: a, end: a + len("answer"), id: 8, kind: "answer"},
		{start: qStart, end: a + len("answer"), id: 9, kind: "resolution"}, // overlaps both
	}
	p := newPassage(text, base, marks, []int{0, pageTwo}, 7)

	var joined strings.Builder
	var current, breaks []string
	for _, s := range p.Segments {
		joined.WriteString(s.Text)
		if s.PageBreak == 2 {
			breaks = append(breaks, "2")
		}
		if s.Current {
			current = append(current, s.Text)
		}
	}
	if joined.String() != text {
		t.Errorf("segments join to %q, want the text", joined.String())
	}
	if len(breaks) != 1 {
		t.Errorf("page breaks %v, want one before page 2", breaks)
	}
	if strings.Join(current, "") != "Question here." {
		t.Errorf("current finding's segments = %q", current)
	}
	anchors := 0
	for _, s := range p.Segments {
		if s.Anchor != "" {
			anchors++
			if s.Anchor != "finding-7" {
				t.Errorf("anchor %q, want finding-7", s.Anchor)
			}
		}
		if s.Text == "answer" && s.Finding != 8 {
			t.Errorf("the answer's text shows finding %d, want the shorter mark 8", s.Finding)
		}
	}
	if anchors != 1 {
		t.Errorf("%d anchors, want 1", anchors)
	}
}

func TestWindow(t *testing.T) {
	text := []rune(strings.Repeat("line of text\n", 1000)) // 13,000 code points
	s, e := window(text, 500, 500+6500, 500+6520, 2000)
	if e-s > 2400 || s > 500+6500 || e < 500+6520 {
		t.Errorf("window = [%d, %d), want about 2000 around [7000, 7020)", s, e)
	}
	if text[s-500-1] != '\n' {
		t.Errorf("window starts mid-line at %d", s)
	}
	if s, e := window([]rune("short"), 10, 10, 12, 2000); s != 10 || e != 15 {
		t.Errorf("short text window = [%d, %d), want all of it", s, e)
	}
}
