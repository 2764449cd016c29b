package report

// Unexported helpers that the external tests (package report_test, which
// loads fixtures through report/datafile) exercise directly.
var (
	CmpT2Cross         = cmpT2Cross
	CmpChange          = cmpChange
	CmpInt             = cmpInt
	ExpandPlaceholders = expandPlaceholders
	TrendApplicantsKey = trendApplicantsKey
)

const (
	CmpTableRequests = cmpTableRequests
	CmpTableAppeals  = cmpTableAppeals
	CmpTableActive   = cmpTableActive
	CmpTableFees     = cmpTableFees
)
