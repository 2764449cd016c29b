package report_test

import (
	. "nianbao/report"
	"testing"
)

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		in   string
		want Deadline
		ok   bool
	}{
		{"2022年6月底", Deadline{Year: 2022, Month: 6}, true},
		// The forms of issue 15, as a reader takes them.
		{"年底前", Deadline{Month: 12}, true},
		{"6月底前", Deadline{Month: 6}, true},
		{"11月底前", Deadline{Month: 11}, true},
		{"第二季度", Deadline{Month: 6}, true},
		{"第4季度", Deadline{Month: 12}, true},
		{"上半年", Deadline{Month: 6}, true},
		{"下半年", Deadline{Month: 12}, true},
		{"每季度", Deadline{Ongoing: true}, true},
		{"每半年", Deadline{Ongoing: true}, true},
		{"每月", Deadline{Ongoing: true}, true},
		{"每季度末", Deadline{Ongoing: true}, true},
		{"持续推进", Deadline{Ongoing: true}, true},
		{"长期坚持", Deadline{Ongoing: true}, true},
		{"即时", Deadline{Ongoing: true}, true},
		{"及时", Deadline{Ongoing: true}, true},
		{"即时公开", Deadline{Ongoing: true}, true},
		{"2022年12月底", Deadline{Year: 2022, Month: 12}, true},
		{"2022年底", Deadline{Year: 2022, Month: 12}, true},
		{"2022年底前", Deadline{Year: 2022, Month: 12}, true},
		{"2022年年底前", Deadline{Year: 2022, Month: 12}, true},
		{"2022年年底", Deadline{Year: 2022, Month: 12}, true},
		{"2022年6月30日前", Deadline{Year: 2022, Month: 6}, true},
		{"2022年6月30日", Deadline{Year: 2022, Month: 6}, true},
		{"2022年6月底前完成", Deadline{Year: 2022, Month: 6}, true},
		{"2022年5月", Deadline{Year: 2022, Month: 5}, true},
		{"2022 年 12 月", Deadline{Year: 2022, Month: 12}, true},
		{"２０２２年９月", Deadline{Year: 2022, Month: 9}, true},
		{"2022年十月底", Deadline{Year: 2022, Month: 10}, true},
		{"2022年十二月", Deadline{Year: 2022, Month: 12}, true},
		{"2022年第三季度", Deadline{Year: 2022, Month: 9}, true},
		{"2022年三季度末", Deadline{Year: 2022, Month: 9}, true},
		{"2022年第1季度", Deadline{Year: 2022, Month: 3}, true},
		{"2022年上半年", Deadline{Year: 2022, Month: 6}, true},
		{"2022年下半年", Deadline{Year: 2022, Month: 12}, true},
		{"2022年内", Deadline{Year: 2022, Month: 12}, true},
		{"2022年", Deadline{Year: 2022, Month: 12}, true},
		{"2022年度", Deadline{Year: 2022, Month: 12}, true},
		{"2022.6.30", Deadline{Year: 2022, Month: 6}, true},
		{"2022-09", Deadline{Year: 2022, Month: 9}, true},
		{"2022年3月至6月", Deadline{Year: 2022, Month: 6}, true},
		{"2022年3月—2023年6月", Deadline{Year: 2023, Month: 6}, true},
		{"年底前", Deadline{Month: 12}, true},
		{"6月底前", Deadline{Month: 6}, true},
		{"三季度", Deadline{Month: 9}, true},
		{"长期坚持", Deadline{Ongoing: true}, true},
		{"持续推进", Deadline{Ongoing: true}, true},
		{"长期", Deadline{Ongoing: true}, true},
		{"常态化推进", Deadline{Ongoing: true}, true},
		{"每季度", Deadline{Ongoing: true}, true},
		{"", Deadline{}, false},
		{"尽快", Deadline{}, false},
		{"按上级要求", Deadline{}, false},
		{"2022年13月", Deadline{}, false},
		{"2022年6月32日", Deadline{}, false},
		{"1999年底", Deadline{}, false},
		{"2022年6月左右", Deadline{}, false},
		{"2022年第五季度", Deadline{}, false},
		{"2022.13", Deadline{}, false},
		{"下半年", Deadline{Month: 12}, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseDeadline(tc.in)
			if ok != tc.ok || got != tc.want {
				t.Errorf("ParseDeadline(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestDeadlineString(t *testing.T) {
	tests := []struct {
		d    Deadline
		want string
	}{
		{Deadline{Year: 2024, Month: 6}, "2024年6月"},
		{Deadline{Month: 12}, "12月"},
		{Deadline{Ongoing: true}, "长期"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.d, got, tc.want)
		}
	}
}
