// Command gen writes the committed part of Scrutiny's bad-input corpus,
// testdata/hostile: encrypted PDFs (made with qpdf, which CI lacks, hence
// committed), truncated PDFs, a scanned PDF with no text layer, and HTML in
// awkward encodings. Files that are cheap to make or that git cannot keep
// (zero bytes of content are fine, but not permissions, a 50 MB text, or
// names with odd characters on every file system) are made by the tests.
//
// Run it from the project root: go run ./testdata/hostile/gen
package main

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

const (
	dir  = "testdata/hostile"
	base = "testdata/seeds/pdf/001_02b845459bfee06e.pdf"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	steps := []func() error{encrypted, truncated, scanned, htmlFiles}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

// encrypted writes the base PDF encrypted with each of PDF's ciphers, once
// with a user password (it cannot be read without it) and once with only an
// owner password (anyone may read it; the owner password guards editing).
func encrypted() error {
	ciphers := []struct {
		name string
		args []string
	}{
		{"rc4-40", []string{"40"}},
		{"aes-128", []string{"128", "--use-aes=y"}},
		{"aes-256", []string{"256"}},
	}
	for _, c := range ciphers {
		for _, user := range []string{"secret", ""} {
			name := "encrypted-" + c.name + "-user-password.pdf"
			if user == "" {
				name = "encrypted-" + c.name + "-owner-only.pdf"
			}
			// qpdf refuses RC4 without --allow-weak-crypto; it is harmless
			// for the stronger ciphers.
			args := append([]string{"--allow-weak-crypto", "--encrypt", user, "owner-secret", c.args[0]}, c.args[1:]...)
			args = append(args, "--", base, filepath.Join(dir, name))
			if out, err := exec.Command("qpdf", args...).CombinedOutput(); err != nil {
				return fmt.Errorf("qpdf %s: %v: %s", name, err, out)
			}
		}
	}
	return nil
}

// truncated writes the base PDF cut short: at half its length (the page
// tree and cross-reference table are gone) and just after its header.
func truncated() error {
	data, err := os.ReadFile(base)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "truncated-half.pdf"), data[:len(data)/2], 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "truncated-header.pdf"), data[:200], 0o644)
}

// scanned renders two strips of the base PDF's first page to grey images and
// writes them as the pages of a PDF with no text layer, as a scanner does.
// The pages are small so that OCR of them is quick.
func scanned() error {
	tmp, err := os.MkdirTemp("", "scrutiny-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	const dpi = 150
	var pages []grey
	for i, y := range []int{100, 1100} {
		prefix := filepath.Join(tmp, "p"+strconv.Itoa(i))
		cmd := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", "1", "-l", "1",
			"-x", "0", "-y", strconv.Itoa(y), "-W", "1240", "-H", "420", "-singlefile", base, prefix)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pdftoppm: %v: %s", err, out)
		}
		g, err := readPGM(prefix + ".pgm")
		if err != nil {
			return err
		}
		pages = append(pages, g)
	}
	return os.WriteFile(filepath.Join(dir, "scanned-no-text-layer.pdf"), imagePDF(pages, dpi), 0o644)
}

// grey is an 8-bit grey image.
type grey struct {
	w, h int
	pix  []byte
}

func readPGM(path string) (grey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return grey{}, err
	}
	// P5 <w> <h> <max>\n<pixels>, with no comments from pdftoppm.
	var g grey
	var maxval int
	fields := bytes.Fields(data[:64])
	if len(fields) < 4 || string(fields[0]) != "P5" {
		return grey{}, fmt.Errorf("%s: not a binary PGM", path)
	}
	g.w, _ = strconv.Atoi(string(fields[1]))
	g.h, _ = strconv.Atoi(string(fields[2]))
	maxval, _ = strconv.Atoi(string(fields[3]))
	if maxval != 255 {
		return grey{}, fmt.Errorf("%s: depth %d", path, maxval)
	}
	g.pix = data[len(data)-g.w*g.h:]
	return g, nil
}

// imagePDF writes a PDF whose pages each show one image at dpi.
func imagePDF(pages []grey, dpi int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(pages)
	// 1 catalog, 2 page tree, then per page: page, content, image.
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, kids), nil)
	for i, g := range pages {
		w, h := float64(g.w)*72/float64(dpi), float64(g.h)*72/float64(dpi)
		content, image := 4+3*i, 5+3*i
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R /Resources << /XObject << /Im%d %d 0 R >> >> >>",
			w, h, content, i, image), nil)
		draw := []byte(fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im%d Do Q", w, h, i))
		obj(fmt.Sprintf("<< /Length %d >>", len(draw)), draw)
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		zw.Write(g.pix)
		zw.Close()
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>",
			g.w, g.h, z.Len()), z.Bytes())
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// htmlFiles writes pages whose encoding is awkward: windows-1252 declared
// in a meta tag (a curly apostrophe is byte 0x92, a pound sign 0xA3), and
// UTF-8 that declares itself windows-1252.
func htmlFiles() error {
	body := "<p>The council\x92s budget for children\x92s services rose by \xa32.4 million.</p>"
	cp1252 := "<!DOCTYPE html>\n<html><head><meta charset=\"windows-1252\"><title>Budget</title></head>\n<body><h1>Corporate Parenting Panel</h1>\n" + body + "\n</body></html>\n"
	if err := os.WriteFile(filepath.Join(dir, "windows-1252.html"), []byte(cp1252), 0o644); err != nil {
		return err
	}
	utf8 := "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Budget</title></head>\n<body><h1>Corporate Parenting Panel</h1>\n" +
		"<p>The council’s budget for children’s services rose by £2.4 million.</p>\n</body></html>\n"
	return os.WriteFile(filepath.Join(dir, "utf8-labelled-windows-1252.html"), []byte(utf8), 0o644)
}
