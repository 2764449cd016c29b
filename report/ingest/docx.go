package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nianbao/report"
	"nianbao/report/zipguard"
)

// DOCX reads a published report saved by Word, WPS or LibreOffice as
// .docx. The file passes report/zipguard first (signature, entry count
// and unpacked sizes from the zip directory); word/document.xml is read
// with encoding/xml as a token stream: paragraphs (w:p; w:tab as a space,
// w:br as a line break), tables (w:tbl) with w:gridSpan, w:gridBefore and
// w:vMerge, and pictures (w:drawing, w:pict) as images.
func DOCX(name string, data []byte) (*report.Report, *report.Source, report.Problems) {
	res := &result{name: name, blank: map[string]bool{}, src: newSource(name, "docx", data)}
	part, msg := docxPart(name, data)
	if part == nil {
		res.add(report.Error, "IN-3", "", "%s", msg)
		return nil, res.src, res.ps
	}
	defer part.Close()
	blocks, err := docxBlocks(io.LimitReader(part, zipguard.Default.MaxEntry), false)
	if err != nil {
		res.add(report.Error, "IN-3", "", "%s", docxDamaged)
		return nil, res.src, res.ps
	}
	assemble(res, blocks, "")
	return finish(res)
}

// docxDamaged is what the readers say when word/document.xml is not
// well-formed XML (a damaged file, or one made by a program, such as an
// entity-expansion attack): the XML error helps no one who reads it.
const docxDamaged = "Word 文档已损坏，或不是 Word/WPS 保存的文档：其中的正文（word/document.xml）无法解析。请在 Word/WPS 中打开，确认内容完好后另存为 .docx 再试"

// docxPart opens word/document.xml of a .docx that passes the guard, or
// says (in Chinese, without the file's name) why it cannot.
func docxPart(name string, data []byte) (io.ReadCloser, string) {
	zr, err := zipguard.Check(name, data, zipguard.Default)
	if err != nil {
		return nil, strings.TrimPrefix(err.Error(), name+"：")
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			if part, err := f.Open(); err == nil {
				return part, ""
			}
			break
		}
	}
	return nil, "这不是 Word 文档（找不到 word/document.xml）。请在 Word/WPS 中另存为 .docx 后重试"
}

// docxBlocks reads the body of word/document.xml into blocks. With
// cellBreaks, a line break (w:br, w:cr) in a table cell is a newline and
// a tab a space, as Word shows them; without, they are dropped, as the
// report reader has always read statutory tables.
func docxBlocks(rd io.Reader, cellBreaks bool) ([]block, error) {
	dec := xml.NewDecoder(rd)
	var (
		blocks []block
		para   *strings.Builder // current paragraph
		image  bool
		depth  int // table nesting
		tab    *table
		row    []*tcell
		rowN   int
		col    int
		cell   *tcell
		cellSp int
		vm     string // vMerge of current cell: "", "restart", "continue"
		inTc   bool
		cellTx *strings.Builder
		above  map[int]*tcell // column → cell of the previous row (for vMerge)
		cur    map[int]*tcell
		np, nt int
		cells  int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return blocks, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
				if depth == 1 {
					nt++
					tab = &table{tol: 0.5, where: fmt.Sprintf("表格%d", nt)}
					above, cur = map[int]*tcell{}, map[int]*tcell{}
					row, col, rowN = nil, 0, 0
				}
			case "tr":
				if depth == 1 {
					row, col, cur = nil, 0, map[int]*tcell{}
				}
			case "gridBefore":
				if depth == 1 {
					col += atoiVal(t, 1, 64)
				}
			case "tc":
				if depth == 1 {
					inTc, cellSp, vm = true, 1, ""
					cellTx = &strings.Builder{}
				}
			case "gridSpan":
				if depth == 1 && inTc {
					cellSp = atoiVal(t, 1, 64)
				}
			case "vMerge":
				if depth == 1 && inTc {
					vm = "continue"
					for _, a := range t.Attr {
						if a.Name.Local == "val" && a.Value == "restart" {
							vm = "restart"
						}
					}
				}
			case "p":
				if depth == 0 {
					para = &strings.Builder{}
					image = false
				} else if inTc && cellTx.Len() > 0 {
					cellTx.WriteByte('\n')
				}
			case "t", "delText", "instrText":
				if t.Name.Local != "t" {
					_ = dec.Skip()
					continue
				}
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return blocks, err
				}
				switch {
				case inTc && depth >= 1:
					if cellTx.Len() < 4096 {
						cellTx.WriteString(s)
					}
				case para != nil && para.Len() < maxText:
					para.WriteString(s)
				}
			case "tab":
				if para != nil && depth == 0 {
					para.WriteByte(' ')
				} else if cellBreaks && inTc && cellTx.Len() < 4096 {
					cellTx.WriteByte(' ')
				}
			case "br", "cr":
				if para != nil && depth == 0 {
					para.WriteByte('\n')
				} else if cellBreaks && inTc && cellTx.Len() < 4096 {
					cellTx.WriteByte('\n')
				}
			case "drawing", "pict", "object":
				if depth == 0 {
					image = true
				} else {
					np++
					blocks = append(blocks, block{kind: bImage, where: fmt.Sprintf("表格%d中的图片", nt)})
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if depth == 0 && para != nil {
					for _, l := range strings.Split(para.String(), "\n") {
						if s := cleanText(l); s != "" && len(blocks) < maxBlocks {
							blocks = append(blocks, block{kind: bPara, text: s, where: fmt.Sprintf("段落%d", len(blocks)+1)})
						}
					}
					if image && len(blocks) < maxBlocks {
						np++
						blocks = append(blocks, block{kind: bImage, where: fmt.Sprintf("图片%d", np)})
					}
					para = nil
				}
			case "tc":
				if depth == 1 && inTc {
					inTc = false
					if vm == "continue" && above[col] != nil {
						cell = above[col]
						if cellTx.Len() > 0 {
							cell.text += "\n" + cellTx.String()
						}
					} else {
						cell = &tcell{text: strings.TrimSpace(cellTx.String()), x0: float64(col), x1: float64(col + cellSp)}
					}
					cells += cellSp
					if cells <= maxCells {
						row = append(row, cell)
						for c := col; c < col+cellSp; c++ {
							cur[c] = cell
						}
					}
					col += cellSp
				}
			case "tr":
				if depth == 1 {
					above = cur
					if len(tab.rows) < maxCells {
						tab.rows = append(tab.rows, row)
					}
					rowN++
				}
			case "tbl":
				if depth == 1 && len(blocks) < maxBlocks {
					blocks = append(blocks, block{kind: bTable, where: tab.where, tab: tab})
				}
				depth--
			}
		}
	}
	return blocks, nil
}

// atoiVal reads the w:val attribute of t as a number in [1, limit].
func atoiVal(t xml.StartElement, def, limit int) int {
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			v, err := strconv.Atoi(a.Value)
			if err != nil || v < 1 {
				return def
			}
			return min(v, limit)
		}
	}
	return def
}
