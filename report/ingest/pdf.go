package ingest

import "nianbao/report"

// PDF reads a published report PDF with a text layer.
func PDF(name string, data []byte) (*report.Report, *report.Source, report.Problems) {
	res := &result{name: name, blank: map[string]bool{}, src: newSource(name, "pdf", data)}
	return nil, res.src, res.ps
}
