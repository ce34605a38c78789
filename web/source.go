package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
)

// source serves a document's original file from the path it was ingested
// from, when that file is still there with the same content. The path
// comes from the database row named by the id, never from the request, so
// no request can reach any other file.
func (s *Server) source(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d, err := s.db.DocumentByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := os.Open(d.AbsPath)
	if err != nil {
		s.pageError(w, r, &httpError{status: http.StatusGone,
			msg: fmt.Sprintf("The original file is no longer at %s.", d.AbsPath)})
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() != d.Size || !sameContent(f, d.SHA256) {
		s.pageError(w, r, &httpError{status: http.StatusGone,
			msg: fmt.Sprintf("The file at %s has changed since it was ingested, so it is not the source of these findings.", d.AbsPath)})
		return
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		s.pageError(w, r, err)
		return
	}
	h := w.Header()
	switch d.Format {
	case "pdf":
		h.Set("Content-Type", "application/pdf")
	case "html":
		h.Set("Content-Type", "text/html; charset=utf-8")
		// A page saved from a council's site runs no script here and
		// reaches nothing of this server's.
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
	default:
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": filepath.Base(d.Path)}))
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// sameContent reports whether the file's SHA-256 is want.
func sameContent(f *os.File, want string) bool {
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == want
}
