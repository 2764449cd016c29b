package main

import (
	"bytes"
	"flag"

	"nianbao/report/xlsx"
)

// The "xlsx" output of build: the report's statistics as the same workbook
// `nianbao export` writes.
func init() {
	registerFormat(&outputFormat{
		name:    "xlsx",
		summary: "Excel 工作簿（表二至表四、信息处理费、文字部分，带校验表；与 nianbao export 相同）",
		flags: func(fs *flag.FlagSet) renderFunc {
			return func(in renderInput) (renderOutput, error) {
				var buf bytes.Buffer
				if err := xlsx.Write(&buf, in.Doc, xlsx.Options{Report: in.Report}); err != nil {
					return renderOutput{}, err
				}
				return renderOutput{Files: []namedFile{{Name: "{base}.xlsx", Data: buf.Bytes()}}}, nil
			}
		},
	})
}
