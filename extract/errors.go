package extract

import "errors"

// Errors that say why a document has no text. They are wrapped with detail;
// test for them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrNoText      = errors.New("no text found")
	ErrNoTextLayer = errors.New("no text layer (a scanned PDF?)")
	ErrEncrypted   = errors.New("encrypted PDF: a password is needed")
	ErrNotPDF      = errors.New("not a PDF file")
	ErrDamaged     = errors.New("truncated or damaged PDF")
	ErrCipher      = errors.New("encrypted PDF that the built-in reader cannot decrypt (pdftotext can: install poppler-utils)")
	ErrUnsupported = errors.New("unsupported format")
	ErrBinary      = errors.New("binary data, not text")
)
