package main

import (
	"flag"
	"fmt"

	"nianbao/report"
	"nianbao/report/publish"
)

var schemaCmd = &command{
	name:    "schema",
	summary: "输出数据文件的 JSON Schema，供编辑器边写边补全、校验",
	usage: `用法：nianbao schema [-o 文件]

输出数据文件的 JSON Schema（draft-07，带中文说明）。在 VS Code 等使用
yaml-language-server 的编辑器中，在数据文件第一行写：
  # yaml-language-server: $schema=nianbao.schema.json
即可在输入时自动补全键名、提示每一行的含义，并标出类型错误。
（Schema 只能做结构校验，勾稽关系等规则请用 nianbao check。）

选项：
  -o 文件   写入文件（默认输出到屏幕）

示例：
  nianbao schema -o nianbao.schema.json
`,
	run: runSchema,
}

func runSchema(e *env, args []string) error {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	out := fs.String("o", "", "")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	data := report.JSONSchema()
	if *out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	if _, err := publish.WriteFile(*out, data); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已写入 %s\n", *out)
	return nil
}
