// Command nianbao builds and checks China's statutory
// 政府信息公开工作年度报告 from YAML data files. See doc.go.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
