package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Blobs is a content-addressed store of raw bytes under a data directory:
// each body lives at <Folder>/sha256/<first two hex digits>/<sha256><ext>,
// written once, atomically, and never changed. The extension tells ingest
// the format. Documents are kept in the folder "blobs", so that they can
// be extracted again without being downloaded again (scrutiny ingest
// data/blobs); what web services and feeds answered, which is not for
// ingest, in "answers".
type Blobs struct {
	Dir    string // the data directory
	Folder string // "blobs" when empty
}

// The folders of the data directory.
const (
	DocumentsFolder = "blobs"
	AnswersFolder   = "answers"
)

func (b Blobs) folder() string {
	if b.Folder == "" {
		return DocumentsFolder
	}
	return b.Folder
}

// Put stores data and returns its hash and its path relative to the data
// directory. Bytes already stored are not written again.
func (b Blobs) Put(data []byte, ext string) (sha, rel string, err error) {
	sum := sha256.Sum256(data)
	sha = hex.EncodeToString(sum[:])
	rel = filepath.Join(b.folder(), "sha256", sha[:2], sha+ext)
	abs := b.Abs(rel)
	if info, err := os.Stat(abs); err == nil && info.Size() == int64(len(data)) {
		return sha, rel, nil
	}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("store blob: %w", err)
	}
	// Written under a hidden temporary name (ingest skips hidden files),
	// synced, then renamed: a crash leaves the whole blob or none of it.
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", "", fmt.Errorf("store blob: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", "", fmt.Errorf("store blob %s: %w", rel, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", "", fmt.Errorf("store blob %s: %w", rel, err)
	}
	if err := tmp.Close(); err != nil {
		return "", "", fmt.Errorf("store blob %s: %w", rel, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", "", fmt.Errorf("store blob %s: %w", rel, err)
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return "", "", fmt.Errorf("store blob %s: %w", rel, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return sha, rel, nil
}

// Sweep removes temporary files older than age that a process killed
// while writing a blob left behind. Blobs themselves are never removed.
func (b Blobs) Sweep(age time.Duration) error {
	root := filepath.Join(b.Dir, b.folder())
	cutoff := time.Now().Add(-age)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasPrefix(d.Name(), ".tmp-") {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sweep %s: %w", root, err)
	}
	return nil
}

// ErrBlobMissing means a stored body is gone or no longer matches its
// hash (the data directory was cleaned or damaged).
var ErrBlobMissing = errors.New("blob missing or damaged")

// Read returns the body stored at rel, checking it against its hash.
func (b Blobs) Read(rel, sha string) ([]byte, error) {
	data, err := os.ReadFile(b.Abs(rel))
	if err != nil {
		return nil, fmt.Errorf("read blob %s: %w", rel, ErrBlobMissing)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != sha {
		return nil, fmt.Errorf("read blob %s: %w", rel, ErrBlobMissing)
	}
	return data, nil
}

// Abs returns the absolute path of a blob's relative path.
func (b Blobs) Abs(rel string) string {
	abs, err := filepath.Abs(filepath.Join(b.Dir, rel))
	if err != nil {
		return filepath.Join(b.Dir, rel)
	}
	return abs
}

// bodyExt picks the file extension of a body: what its bytes say first
// (a PDF announces itself), then its Content-Type, then its URL.
func bodyExt(body []byte, contentType, rawURL string) string {
	head := bytes.TrimLeft(body[:min(len(body), 1024)], "\xef\xbb\xbf \t\r\n")
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return ".pdf"
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/pdf":
		return ".pdf"
	case "text/html", "application/xhtml+xml":
		return ".html"
	case "text/plain":
		return ".txt"
	case "text/markdown":
		return ".md"
	case "text/xml", "application/xml", "application/rss+xml", "application/atom+xml":
		return ".xml"
	}
	if u, err := url.Parse(rawURL); err == nil {
		switch ext := strings.ToLower(path.Ext(u.Path)); ext {
		case ".pdf", ".html", ".htm", ".txt", ".md", ".xml", ".doc", ".docx", ".odt", ".rtf":
			return ext
		}
	}
	lower := bytes.ToLower(head[:min(len(head), 256)])
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && !bytes.Contains(lower, []byte("<html")):
		return ".xml"
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return ".html"
	}
	return ".bin"
}
