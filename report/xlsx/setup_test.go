package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

// inSqref reports whether cell lies in one of the ranges of a validation's
// sqref ("B5:D6 B9").
func inSqref(cell, sqref string) bool {
	c, r, _ := excelize.CellNameToCoordinates(cell)
	for _, rg := range strings.Fields(sqref) {
		a, b, ok := strings.Cut(rg, ":")
		if !ok {
			b = a
		}
		c0, r0, err0 := excelize.CellNameToCoordinates(a)
		c1, r1, err1 := excelize.CellNameToCoordinates(b)
		if err0 == nil && err1 == nil && c0 <= c && c <= c1 && r0 <= r && r <= r1 {
			return true
		}
	}
	return false
}

// TestWorkbookSetup checks what issue 5 asks of every workbook, for each
// edition and for a template: input cells unlocked and validated by kind
// with Chinese prompts, totals as formulas, protection without a hash, A4
// landscape fitted to the width, document properties from the data, and a
// 校验 row for every arithmetic rule.
func TestWorkbookSetup(t *testing.T) {
	var tmpl bytes.Buffer
	if err := writeTemplate(&tmpl, 2020, "示例县统计局"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		data    []byte
		ed      report.Edition
		title   string
		created string
	}{
		{"2019", export(t, loadFile(t, "../../data/shili-office/2019.yaml")), report.Ed2019, "示例市人民政府办公室2019年政府信息公开工作年度报告", "2020-01-21T00:00:00Z"},
		{"2024", export(t, loadFile(t, "../../data/shili-office/2024.yaml")), report.Ed2021, "示例市人民政府办公室2024年政府信息公开工作年度报告", "2025-01-20T00:00:00Z"},
		{"template 2020", tmpl.Bytes(), report.Ed2019, "示例县统计局2020年政府信息公开工作年度报告", ""},
	}
	wantKind := map[fieldKind]string{fCount: "whole", fChange: "whole", fAmount: "decimal", fUnit: "list"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(c.data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			for _, s := range []string{sheetInfo, sheetT2, sheetT3, sheetT4, sheetText, sheetPlan, sheetCheck} {
				if !slices.Contains(sheets, s) {
					t.Errorf("no sheet %s in %v", s, sheets)
				}
			}
			if c.ed == report.Ed2021 && !slices.Contains(sheets, sheetFees) {
				t.Errorf("2021 edition without %s", sheetFees)
			}
			props, _ := f.GetDocProps()
			if props.Title != c.title || props.Language != "zh-CN" || (c.created != "" && props.Created != c.created) || props.Created != props.Modified {
				t.Errorf("docProps: %+v", props)
			}
			for _, s := range sheets {
				prot, err := f.GetSheetProtection(s)
				if err != nil || prot.AlgorithmName != "" || prot.Password != "" {
					t.Errorf("%s: protection %+v %v (want no password, no hash)", s, prot, err)
				}
				pl, err := f.GetPageLayout(s)
				if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
					t.Errorf("%s: page %v %s %d, want A4 landscape fitted to 1 page wide", s, *pl.Size, *pl.Orientation, *pl.FitToWidth)
				}
			}
			dvs := map[string][]*excelize.DataValidation{}
			for _, s := range sheets {
				dvs[s], _ = f.GetDataValidations(s)
			}
			for _, fl := range layoutFor(c.ed).Fields {
				if !slices.Contains(sheets, fl.Sheet) {
					continue
				}
				id, _ := f.GetCellStyle(fl.Sheet, fl.Ref())
				st, _ := f.GetStyle(id)
				if st == nil || st.Protection == nil || st.Protection.Locked {
					t.Errorf("%s is locked", fl.Where())
				}
				var dv *excelize.DataValidation
				for _, d := range dvs[fl.Sheet] {
					if inSqref(fl.Ref(), d.Sqref) {
						dv = d
					}
				}
				switch {
				case dv == nil:
					t.Errorf("%s (%s) has no validation", fl.Where(), fl.Label)
				case dv.Type != wantKind[fl.Kind] || dv.Prompt == nil || dv.Error == nil || !strings.ContainsAny(*dv.Error, "请此"):
					t.Errorf("%s: validation %s, prompt %v, error %v", fl.Where(), dv.Type, dv.Prompt, dv.Error)
				case fl.Kind == fCount || fl.Kind == fAmount:
					if dv.Formula1 != "0" {
						t.Errorf("%s: minimum %s, want 0", fl.Where(), dv.Formula1)
					}
				case fl.Kind == fChange:
					if !strings.HasPrefix(dv.Formula1, "-") {
						t.Errorf("%s: 本年增/减 minimum %s, want negative", fl.Where(), dv.Formula1)
					}
				}
			}
			// Totals are formulas.
			for _, cell := range []string{"J6", "J7", "D29", "J29"} {
				if fm, _ := f.GetCellFormula(sheetT3, cell); fm == "" && c.ed == report.Ed2021 {
					t.Errorf("表三!%s is not a formula", cell)
				}
			}
			// Every arithmetic rule has a live row: ✓/✗ from both sides.
			rows, _ := f.GetRows(sheetCheck)
			seen := map[string]bool{}
			for i, r := range rows {
				if len(r) == 0 || !regexp.MustCompile(`^(T\d|TX)-\d$`).MatchString(r[0]) {
					continue
				}
				seen[r[0]] = true
				fm, _ := f.GetCellFormula(sheetCheck, fmt.Sprintf("F%d", i+1))
				d, _ := f.GetCellFormula(sheetCheck, fmt.Sprintf("D%d", i+1))
				e, _ := f.GetCellFormula(sheetCheck, fmt.Sprintf("E%d", i+1))
				if !strings.Contains(fm, "✓") || !strings.Contains(fm, "✗") || d == "" || e == "" {
					t.Errorf("校验!row %d: D=%q E=%q F=%q", i+1, d, e, fm)
				}
			}
			want := []string{"T3-1", "T3-3", "T3-4", "T4-1"}
			if c.ed == report.Ed2021 {
				want = append(want, "TX-2")
			}
			for _, id := range want {
				if !seen[id] {
					t.Errorf("校验 has no row for %s", id)
				}
			}
		})
	}
}

// TestStaleCaches: formula caches are never trusted. A LibreOffice copy
// whose every cached total says 999999 imports exactly like the original.
func TestStaleCaches(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "lo-shili-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(<f[^>]*>[^<]*</f>)<v>[^<]*</v>`)
	n := 0
	for i := 1; i <= 8; i++ {
		data = patchPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", i), func(s string) string {
			n += len(re.FindAllStringIndex(s, -1))
			return re.ReplaceAllString(s, "${1}<v>999999</v>")
		})
	}
	if n < 30 {
		t.Fatalf("only %d cached formula values replaced", n)
	}
	got, ps := Read("stale.xlsx", data)
	if got == nil {
		t.Fatal(ps)
	}
	sameMeaning(t, "stale caches", loadFile(t, "../../data/shili-office/2024.yaml"), got)
}

// writeBook writes r's workbook as the commands do: Build, then Write.
func writeBook(w io.Writer, r *report.Report) error {
	return Write(w, report.Build(r, nil), Options{Report: r})
}

// writeTemplate writes a blank workbook as nianbao xlsx template does.
func writeTemplate(w io.Writer, year int, organ string) error {
	r := Template(year, organ)
	return Write(w, report.Build(r, nil), Options{Report: r, Blank: true})
}
