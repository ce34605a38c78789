package fetch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBlobsAreAddressedByContent(t *testing.T) {
	b := Blobs{Dir: t.TempDir()}
	sha, rel, err := b.Put([]byte("%PDF-1.4 minutes"), ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("blobs", "sha256", sha[:2], sha+".pdf")
	if rel != want || len(sha) != 64 {
		t.Fatalf("blob at %q; want %q", rel, want)
	}
	sha2, rel2, err := b.Put([]byte("%PDF-1.4 minutes"), ".pdf")
	if err != nil || sha2 != sha || rel2 != rel {
		t.Fatalf("same bytes again: %s %s %v", sha2, rel2, err)
	}
	data, err := b.Read(rel, sha)
	if err != nil || string(data) != "%PDF-1.4 minutes" {
		t.Fatalf("read back: %q, %v", data, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(b.Abs(rel)))
	if len(entries) != 1 {
		t.Fatalf("%d files beside the blob; want no temporary files left", len(entries))
	}
	// A damaged blob is not trusted.
	if err := os.WriteFile(b.Abs(rel), []byte("%PDF-1.4 minutez"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Read(rel, sha); !errors.Is(err, ErrBlobMissing) {
		t.Fatalf("damaged blob: %v", err)
	}
}

func TestSweepRemovesOldTemporaryFiles(t *testing.T) {
	b := Blobs{Dir: t.TempDir()}
	_, rel, err := b.Put([]byte("kept"), ".txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(b.Abs(rel))
	old, fresh := filepath.Join(dir, ".tmp-old"), filepath.Join(dir, ".tmp-fresh")
	os.WriteFile(old, []byte("half"), 0o600)
	os.WriteFile(fresh, []byte("being written"), 0o600)
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	if err := b.Sweep(time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("an old temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file being written was removed")
	}
	if _, err := os.Stat(b.Abs(rel)); err != nil {
		t.Error("a blob was removed")
	}
	if err := (Blobs{Dir: t.TempDir()}).Sweep(time.Hour); err != nil {
		t.Errorf("sweep of an empty data folder: %v", err)
	}
}

func TestBodyExt(t *testing.T) {
	for _, tc := range []struct {
		body, ct, url, want string
	}{
		{"%PDF-1.7 ...", "application/octet-stream", "https://x/mgConvert2PDF.aspx?ID=1", ".pdf"},
		{"<html></html>", "text/html; charset=utf-8", "https://x/a", ".html"},
		{"<?xml version=\"1.0\"?><committees/>", "text/xml; charset=utf-8", "https://x/GetCommittees", ".xml"},
		{"Minutes of the meeting", "text/plain", "https://x/a", ".txt"},
		{"PK\x03\x04...", "application/octet-stream", "https://x/report.docx", ".docx"},
		{"<!DOCTYPE html><html>", "", "https://x/page", ".html"},
		{"\x00\x01", "", "https://x/blob", ".bin"},
	} {
		if got := bodyExt([]byte(tc.body), tc.ct, tc.url); got != tc.want {
			t.Errorf("bodyExt(%.12q, %q, %q) = %q; want %q", tc.body, tc.ct, tc.url, got, tc.want)
		}
	}
	if strings.HasPrefix(filepath.Base(Blobs{}.Abs("x")), ".") {
		t.Fatal("blob names must not be hidden")
	}
}
