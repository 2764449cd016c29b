package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"nianbao/report/zipguard"
)

// TemplateError is a template that cannot be used. Msg, in Chinese, says
// what was found and what to supply instead.
type TemplateError struct {
	Name string // the template file as the user gave it
	Msg  string
}

func (e *TemplateError) Error() string { return "Word 模板 " + e.Name + "：" + e.Msg }

// pkg is an OPC package held in memory: part names as in the zip (no
// leading slash), looked up without regard to case as OPC requires.
type pkg struct {
	name    string
	parts   map[string][]byte
	lower   map[string]string // lower-case name → name
	builtin bool
	marker  bool // after fill: the main part had a {{正文}} paragraph
}

func (p *pkg) put(name string, data []byte) {
	if p.lower == nil {
		p.lower = map[string]string{}
	}
	if old, ok := p.lower[strings.ToLower(name)]; ok {
		name = old
	}
	p.parts[name] = data
	p.lower[strings.ToLower(name)] = name
}

// get returns a part by name (any case), and whether it exists.
func (p *pkg) get(name string) ([]byte, string, bool) {
	n, ok := p.lower[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, "", false
	}
	return p.parts[n], n, true
}

func (p *pkg) fail(format string, args ...any) error {
	return &TemplateError{Name: p.name, Msg: fmt.Sprintf(format, args...)}
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// readPackage opens an untrusted .docx: an OLE file (an encrypted .docx,
// Word 97-2003 .doc, WPS .wps) and anything that is not a zip are refused
// with advice; the zip directory passes zipguard (entry count, declared
// sizes: no zip bomb) before any entry is inflated.
func readPackage(name string, data []byte) (*pkg, error) {
	p := &pkg{name: name, parts: map[string][]byte{}}
	switch {
	case len(data) == 0:
		return nil, p.fail("文件为空。请提供本单位用 Word 或 WPS 保存的 .docx 模板")
	case bytes.HasPrefix(data, oleMagic):
		return nil, p.fail("这是设置了打开密码的文件，或旧版 Word（.doc）、WPS 文字（.wps）格式，无法使用。请取消打开密码，并在 Word 或 WPS 中“另存为”Word 文档（.docx）后重试")
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return nil, p.fail("这是 RTF 文件，不是 .docx。请在 Word 或 WPS 中“另存为”Word 文档（.docx）后重试")
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, p.fail("这不是 Word 文档（.docx）。请在 Word 或 WPS 中打开本单位的红头模板，“另存为”Word 文档（.docx）后重试")
	}
	zr, err := zipguard.Check(name, data, zipguard.Default)
	if err != nil {
		var ze *zipguard.Error
		if errors.As(err, &ze) {
			return nil, p.fail("%s", ze.Msg)
		}
		return nil, p.fail("%v", err)
	}
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, "/") {
			continue
		}
		if _, _, dup := p.get(zf.Name); dup {
			return nil, p.fail("文件中部件 %s 出现了两次，文件已损坏。请在 Word 或 WPS 中重新“另存为”.docx", zf.Name)
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, p.fail("部件 %s 无法读取（%v），文件已损坏。请在 Word 或 WPS 中重新“另存为”.docx", zf.Name, err)
		}
		// archive/zip stops at the size the directory declared, which
		// zipguard bounded.
		b, err := io.ReadAll(io.LimitReader(rc, zipguard.Default.MaxEntry+1))
		rc.Close()
		if err != nil {
			return nil, p.fail("部件 %s 无法读取（%v），文件已损坏。请在 Word 或 WPS 中重新“另存为”.docx", zf.Name, err)
		}
		p.put(zf.Name, b)
	}
	if _, _, ok := p.get("[Content_Types].xml"); !ok {
		return nil, p.fail("这是 zip 文件，但不是 Word 文档（缺少 [Content_Types].xml）。请提供 Word 或 WPS 保存的 .docx 文件")
	}
	return p, nil
}

// rel is one relationship of a .rels part.
type rel struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// rels parses a relationships part ("" data: none).
func (p *pkg) rels(name string) ([]rel, error) {
	data, _, ok := p.get(name)
	if !ok {
		return nil, nil
	}
	var v struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &v); err != nil {
		return nil, p.fail("部件 %s 不是有效的 XML（%v），文件已损坏。请在 Word 或 WPS 中重新“另存为”.docx", name, err)
	}
	return v.Rels, nil
}

// resolve returns the part name a relationship of source points to.
func resolve(source, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target)[1:]
	}
	dir := path.Dir(path.Dir(source)) // word/_rels/document.xml.rels → word
	if path.Base(path.Dir(source)) != "_rels" {
		dir = path.Dir(source)
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

// relsOf is the relationships part of a part: word/document.xml →
// word/_rels/document.xml.rels.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// rootInfo is what the parts we change need from their root element: its
// name and namespace declarations, where its start tag's name ends (to add
// declarations) and where its end tag starts (to append children).
type rootInfo struct {
	name     xml.Name
	attrs    []xml.Attr
	nameEnd  int
	endStart int
}

// ns returns the URI a prefix is bound to on the root ("" prefix: the
// default namespace) and whether it is declared there.
func (ri rootInfo) ns(prefix string) (string, bool) {
	for _, a := range ri.attrs {
		if prefix == "" && a.Name.Space == "" && a.Name.Local == "xmlns" || prefix != "" && a.Name.Space == "xmlns" && a.Name.Local == prefix {
			return a.Value, true
		}
	}
	return "", false
}

// scanRoot reads data as XML to its end and returns the root's rootInfo;
// malformed XML is an error.
func scanRoot(data []byte) (rootInfo, error) {
	var ri rootInfo
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			if ri.endStart == 0 {
				return ri, errors.New("no root element")
			}
			return ri, nil
		}
		if err != nil {
			return ri, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if ri.endStart != 0 {
					return ri, errors.New("two root elements")
				}
				ri.name, ri.attrs = t.Name, t.Copy().Attr
				ri.nameEnd = nameEnd(data, before)
				if ri.nameEnd < 0 {
					return ri, errors.New("unreadable root tag")
				}
			}
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				ri.endStart = before
				if !bytes.HasPrefix(data[before:], []byte("</")) {
					// a self-closing root: <x/>
					return ri, errors.New("empty root element")
				}
			}
		}
	}
}

// nameEnd returns the offset just after the element name of the start tag
// at off, or -1.
func nameEnd(data []byte, off int) int {
	if off >= len(data) || data[off] != '<' {
		return -1
	}
	for i := off + 1; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n', '/', '>':
			return i
		}
	}
	return -1
}

// ensureNS returns the declarations to add to a root for prefix → uri,
// or an error when the root binds prefix to another namespace.
func ensureNS(ri rootInfo, prefix, uri string) (string, error) {
	got, ok := ri.ns(prefix)
	switch {
	case !ok:
		return ` xmlns:` + prefix + `="` + uri + `"`, nil
	case got != uri:
		return "", fmt.Errorf("prefix %s is bound to %s", prefix, got)
	}
	return "", nil
}

// insert returns data with add inserted at the root's end tag and decl
// at the end of its start tag's name.
func insert(data []byte, ri rootInfo, decl, add string) []byte {
	out := make([]byte, 0, len(data)+len(decl)+len(add))
	out = append(out, data[:ri.nameEnd]...)
	out = append(out, decl...)
	out = append(out, data[ri.nameEnd:ri.endStart]...)
	out = append(out, add...)
	return append(out, data[ri.endStart:]...)
}

// docScan is what fill needs from the main document part.
type docScan struct {
	root rootInfo
	// bodyEnd is the offset of </w:body>.
	bodyEnd int
	// markerStart/End delimit the body-level paragraph whose text is
	// {{正文}} (-1: none); markerSect is a w:sectPr inside it (a section
	// break the paragraph carried), to keep.
	markerStart, markerEnd int
	markerSect             []byte
	// sectStart/sectEnd delimit the body's final w:sectPr (-1: none);
	// sectTagEnd is the end of its start tag; sectEmpty says it was
	// written <w:sectPr/>; footer that it names a default footer.
	sectStart, sectEnd, sectTagEnd int
	sectEmpty, footer              bool
}

// isMarker reports whether a paragraph's text is the {{正文}} marker:
// white space is ignored and full-width braces count as braces.
func isMarker(text string) bool {
	text = strings.Join(strings.Fields(text), "")
	text = strings.NewReplacer("｛", "{", "｝", "}").Replace(text)
	return text == markerText
}

// scanDocument finds the marker paragraph, the final sectPr and the end
// of the body of a WordprocessingML main document part. Word may split
// the marker's text across runs (spell checking, revisions): the text of
// all w:t elements of each body-level paragraph is joined.
func scanDocument(data []byte) (*docScan, error) {
	s := &docScan{bodyEnd: -1, markerStart: -1, markerEnd: -1, sectStart: -1, sectEnd: -1}
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	inBody := false
	// state of the current body-level paragraph
	paraStart, tDepth := -1, 0
	var text strings.Builder
	sectInPara := [2]int{-1, -1}
	var paraSect []byte
	curSect := -1 // start of a body-level sectPr being read
	var rootSeen bool
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			w := t.Name.Space == nsW
			switch {
			case depth == 1:
				if rootSeen {
					return nil, errors.New("two root elements")
				}
				rootSeen = true
				if !w || t.Name.Local != "document" {
					return nil, fmt.Errorf("root element is %s, not w:document", t.Name.Local)
				}
				s.root.name, s.root.attrs = t.Name, t.Copy().Attr
				s.root.nameEnd = nameEnd(data, before)
				if s.root.nameEnd < 0 {
					return nil, errors.New("unreadable root tag")
				}
			case depth == 2 && w && t.Name.Local == "body":
				inBody = true
			case depth == 3 && inBody && w && t.Name.Local == "p":
				paraStart, tDepth = before, 0
				text.Reset()
				sectInPara, paraSect = [2]int{-1, -1}, nil
			case depth == 3 && inBody && w && t.Name.Local == "sectPr":
				curSect = before
				s.sectStart, s.sectTagEnd, s.footer = before, int(d.InputOffset()), false
				s.sectEmpty = bytes.HasSuffix(bytes.TrimRight(data[before:s.sectTagEnd], " \t\r\n"), []byte("/>"))
			case depth == 4 && curSect >= 0 && w && t.Name.Local == "footerReference":
				typ := "default"
				for _, a := range t.Attr {
					if a.Name.Local == "type" {
						typ = a.Value
					}
				}
				if typ == "default" {
					s.footer = true
				}
			case paraStart >= 0 && w && t.Name.Local == "t":
				tDepth = depth
			case paraStart >= 0 && w && t.Name.Local == "sectPr" && sectInPara[0] < 0:
				sectInPara[0] = before
			}
		case xml.CharData:
			if paraStart >= 0 && tDepth > 0 && text.Len() < 64 {
				text.Write(t)
			}
		case xml.EndElement:
			w := t.Name.Space == nsW
			switch {
			case depth == 2 && inBody:
				s.bodyEnd = before
				inBody = false
			case depth == 3 && paraStart >= 0:
				if s.markerStart < 0 && isMarker(text.String()) {
					s.markerStart, s.markerEnd, s.markerSect = paraStart, int(d.InputOffset()), paraSect
				}
				paraStart = -1
			case depth == 3 && curSect >= 0:
				s.sectEnd = int(d.InputOffset())
				curSect = -1
			case tDepth == depth:
				tDepth = 0
			case paraStart >= 0 && w && t.Name.Local == "sectPr" && sectInPara[0] >= 0 && sectInPara[1] < 0:
				sectInPara[1] = int(d.InputOffset())
				paraSect = data[sectInPara[0]:sectInPara[1]]
			}
			depth--
		}
	}
	if s.bodyEnd < 0 {
		return nil, errors.New("no w:body")
	}
	// A sectPr is the body's final one only when nothing but white space
	// follows it.
	if s.sectEnd >= 0 && len(bytes.TrimSpace(data[s.sectEnd:s.bodyEnd])) > 0 {
		s.sectStart, s.sectEnd = -1, -1
	}
	if s.markerStart > s.bodyEnd {
		s.markerStart, s.markerEnd = -1, -1
	}
	return s, nil
}

// splice returns the main document with body put in place of the marker
// paragraph (or before the final sectPr, or at the end of the body),
// footerRef (a w:footerReference, or "") added to the final sectPr (one
// is made from sectPr when the document has none), and the w, r and wp
// namespaces declared on the root.
func splice(data []byte, s *docScan, body, footerRef, sectPr string) ([]byte, error) {
	var decl strings.Builder
	for _, ns := range [][2]string{{"w", nsW}, {"r", nsR}, {"wp", nsWP}} {
		dcl, err := ensureNS(s.root, ns[0], ns[1])
		if err != nil {
			return nil, err
		}
		decl.WriteString(dcl)
	}
	var out bytes.Buffer
	out.Grow(len(data) + len(body) + len(sectPr) + 256)
	out.Write(data[:s.root.nameEnd])
	out.WriteString(decl.String())
	at := s.root.nameEnd
	copyTo := func(off int) {
		out.Write(data[at:off])
		at = off
	}
	switch {
	case s.markerStart >= 0:
		copyTo(s.markerStart)
		out.WriteString(body)
		if len(s.markerSect) > 0 {
			out.WriteString("<w:p><w:pPr>")
			out.Write(s.markerSect)
			out.WriteString("</w:pPr></w:p>")
		}
		at = s.markerEnd
	case s.sectStart >= 0:
		copyTo(s.sectStart)
		out.WriteString(body)
	default:
		copyTo(s.bodyEnd)
		out.WriteString(body)
	}
	switch {
	case s.sectStart >= 0 && footerRef != "":
		if s.sectEmpty {
			copyTo(s.sectStart)
			out.WriteString("<w:sectPr>" + footerRef + "</w:sectPr>")
			at = s.sectEnd
		} else {
			copyTo(s.sectTagEnd)
			out.WriteString(footerRef)
		}
	case s.sectStart < 0:
		copyTo(s.bodyEnd)
		out.WriteString(strings.Replace(sectPr, "<w:sectPr>", "<w:sectPr>"+footerRef, 1))
	}
	copyTo(len(data))
	return out.Bytes(), nil
}
