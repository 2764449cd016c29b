// Command nianbao checks and builds China's statutory 政府信息公开工作年度报告
// (annual reports on government information disclosure) from YAML data files.
//
// Usage:
//
//	nianbao <command> [options] [arguments]
//
// Options may come before or after the arguments (nianbao check data/
// --strict). Every command prints its Chinese help with --help, -h or
// nianbao help <command>. The commands, in the order of the main help:
//
//	init          write a complete blank data file for an organ and year
//	check         run every rule (tables, cross-year, text against tables)
//	build         build the report as HTML, PDF, Word and Excel (files with errors are skipped)
//	site          build a static site: home page, report pages, trend pages, downloads, open data
//	xlsx          xlsx template: a blank Excel workbook to fill in
//	export        a data file as an Excel workbook
//	import        a filled-in workbook back into a data file, then check it
//	ingest        published reports (web page, Word, PDF) back into data files, then check them
//	compare       compare two years figure by figure (or every consecutive pair in a directory)
//	merge         add up the units of a manifest into the region's data file
//	workplan      import a 任务分解表 (.xlsx, .docx, .html) into a data file's work_plan
//	templates     templates init: the built-in templates, layout and letterhead to adapt
//	rules         list every rule: ID, severity, what it checks, basis
//	placeholders  list the {{名称}} placeholders of the text
//	schema        print the JSON Schema of data files for editors
//	version       the module version, source revision and Go version
//
// # Problems
//
// check, build, site, import and merge print each problem of a data file on
// one line:
//
//	文件:行:列: 位置: 严重程度[规则编号]: 说明
//
// for example
//
//	data/shili-office/2024.yaml:41:15: requests.received[6]: 错误[T3-4]: …
//
// where 位置 is the YAML path of the value, 严重程度 is 错误 (error, must be
// fixed; blocks building), 警告 (warning, to verify) or 提示 (info), and the
// rule number is stable (see nianbao rules). check --json prints the same
// problems as JSON.
//
// # Exit status
//
//	0  success (warnings allowed)
//	1  problems found (errors, or warnings with check --strict), or the job failed
//	2  usage error: unknown command or option, missing or extra arguments
//
// The command is wiring only: it parses flags, prints and sets the exit
// status. Loading, checking, rendering and writing outputs live in
// nianbao/report and its subpackages (report/output runs build and site);
// see the map at the top of report/doc.go.
package main
