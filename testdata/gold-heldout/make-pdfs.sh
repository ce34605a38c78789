#!/bin/sh
# make-pdfs.sh turns the HTML sources in src/ into the PDFs in docs/ with
# LibreOffice Writer, as councils' minutes are typically exported from a
# word processor. Run from this folder: ./make-pdfs.sh
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
for f in src/*.html; do
	soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$out" "$f" >/dev/null
done
mv "$out"/*.pdf docs/
rmdir "$out"
