package main

import (
	"flag"
	"fmt"
	"nianbao/report/datafile"

	"nianbao/report/publish"
)

var schemaCmd = &command{
	name:    "schema",
	summary: "输出数据文件的 JSON Schema，供编辑器边写边补全、校验",
	run:     runSchema,
}

func runSchema(e *env, args []string) error {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	out := fs.String("o", "", "")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	data := datafile.JSONSchema()
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
