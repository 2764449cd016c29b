package report

import (
	"fmt"
)

// OutcomeSum is （七）总计 computed from the outcome rows, all columns.
func OutcomeSum(r *Report) int64 {
	var s int64
	for i, row := range r.Edition.Table3() {
		if row.Kind == T3Outcome && i < len(r.Requests) {
			s += r.Requests[i].Sum()
		}
	}
	return s
}

// Permille formats tenths of a percent: 873 → "87.3%".
func Permille(v int) string {
	return fmt.Sprintf("%d.%d%%", v/10, v%10)
}
