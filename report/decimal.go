package report

import (
	"errors"
	"strconv"
	"strings"
)

// Decimal is a non-negative-or-signed decimal kept exactly as written:
// the value is Mant × 10^-Scale, and Scale remembers the digits the office
// wrote after the point, so 75.9260 prints as 75.9260. It never passes
// through float64.
type Decimal struct {
	Mant  int64
	Scale int
}

// MaxDecimalDigits bounds the digits of a decimal so sums cannot overflow int64.
const MaxDecimalDigits = 17

var (
	errDecimalSyntax = errors.New("syntax")
	ErrDecimalRange  = errors.New("range")
)

// ParseDecimal reads a plain decimal literal such as "12", "0.5" or "75.9260".
// Exponents, signs other than a leading '-', thousands separators and units are refused.
func ParseDecimal(s string) (Decimal, error) {
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || (hasPoint && frac == "") {
		return Decimal{}, errDecimalSyntax
	}
	digits := intPart + frac
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return Decimal{}, errDecimalSyntax
		}
	}
	trimmed := strings.TrimLeft(digits, "0")
	if len(trimmed) > MaxDecimalDigits {
		return Decimal{}, ErrDecimalRange
	}
	var m int64
	if trimmed != "" {
		v, err := strconv.ParseInt(trimmed, 10, 64)
		if err != nil {
			return Decimal{}, ErrDecimalRange
		}
		m = v
	}
	if neg {
		m = -m
	}
	return Decimal{Mant: m, Scale: len(frac)}, nil
}

// String prints the decimal with exactly Scale digits after the point.
func (d Decimal) String() string {
	neg := d.Mant < 0
	m := d.Mant
	if neg {
		m = -m
	}
	s := strconv.FormatInt(m, 10)
	if d.Scale > 0 {
		if len(s) <= d.Scale {
			s = strings.Repeat("0", d.Scale-len(s)+1) + s
		}
		s = s[:len(s)-d.Scale] + "." + s[len(s)-d.Scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// IsZero reports whether the value is zero.
func (d Decimal) IsZero() bool { return d.Mant == 0 }

// Neg reports whether the value is below zero.
func (d Decimal) Neg() bool { return d.Mant < 0 }

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// align returns both mantissas at the larger scale.
func align(a, b Decimal) (int64, int64, int) {
	s := max(a.Scale, b.Scale)
	return a.Mant * pow10(s-a.Scale), b.Mant * pow10(s-b.Scale), s
}

// Cmp compares two decimals: -1, 0 or +1.
func (d Decimal) Cmp(o Decimal) int {
	a, b, _ := align(d, o)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Add returns d+o at the larger of the two scales.
func (d Decimal) Add(o Decimal) Decimal {
	a, b, s := align(d, o)
	return Decimal{Mant: a + b, Scale: s}
}

// MaxCount bounds every count so that sums cannot overflow.
const MaxCount = 1_000_000_000_000
