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
		{"2022年第五季度", Deadline{}, false},
		{"2022.13", Deadline{}, false},
		{"下半年", Deadline{Month: 12}, true},
		// Numeric dates.
		{"2024.6.30", Deadline{Year: 2024, Month: 6}, true},
		{"2024-06-30", Deadline{Year: 2024, Month: 6}, true},
		{"2024/6/30", Deadline{Year: 2024, Month: 6}, true},
		{"2024．6．30", Deadline{Year: 2024, Month: 6}, true},
		{"2024年6月底前", Deadline{Year: 2024, Month: 6}, true},
		{"2024年第三季度", Deadline{Year: 2024, Month: 9}, true},
		{"2024年上半年", Deadline{Year: 2024, Month: 6}, true},
		{"2024年年底前", Deadline{Year: 2024, Month: 12}, true},
		// A date among other words: the date counts (Mixed).
		{"持续推进，2024年6月底前完成", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"及时发布，2024年6月底前完成", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"每季度；2024年12月", Deadline{Year: 2024, Month: 12, Mixed: true}, true},
		{"2024年12月；每季度", Deadline{Year: 2024, Month: 12, Mixed: true}, true},
		{"2024年3月底前；长期坚持；每季度", Deadline{Year: 2024, Month: 3, Mixed: true}, true},
		{"长期坚持，6月底前建立机制", Deadline{Month: 6, Mixed: true}, true},
		{"持续推进2024年6月底前完成", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"2024年6月底前完成试点", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"2024年6月底前完成试点，年底前全面推开", Deadline{Year: 2024, Month: 12, Mixed: true}, true},
		{"2024年6月底前完成试点，2025年底前全面推开", Deadline{Year: 2025, Month: 12, Mixed: true}, true},
		{"6月底前完成试点，2025年底前全面推开", Deadline{Year: 2025, Month: 12, Mixed: true}, true},
		{"2025年3月；6月底", Deadline{Year: 2025, Month: 6, Mixed: true}, true},
		{"每年6月底前", Deadline{Month: 6, Mixed: true}, true},
		{"每年第三季度", Deadline{Month: 9, Mixed: true}, true},
		{"本年内", Deadline{Month: 12, Mixed: true}, true},
		{"2022年6月左右", Deadline{Year: 2022, Month: 6, Mixed: true}, true},
		{"持续推进，2024.6.30前完成", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"2024年上半年启动，持续推进", Deadline{Year: 2024, Month: 6, Mixed: true}, true},
		{"常态化开展 2024年第三季度前完成评估", Deadline{Year: 2024, Month: 9, Mixed: true}, true},
		// Standing-task words without a date anywhere in the text.
		{"长期坚持，持续推进", Deadline{Ongoing: true}, true},
		{"全年持续推进", Deadline{Ongoing: true}, true},
		{"按上级要求及时报送", Deadline{Ongoing: true}, true},
		{"每季度末", Deadline{Ongoing: true}, true},
		{"每季度第一个月10日前", Deadline{Ongoing: true}, true},
		{"三年内持续推进", Deadline{Ongoing: true}, true},
		{"明年底前完成，持续推进", Deadline{Ongoing: true}, true},
		// Cut-short or impossible dates are none.
		{"2022年第五季度前完成", Deadline{}, false},
		{"尽快，按上级要求", Deadline{}, false},
		{"3个月内", Deadline{}, false},
		{"30个工作日内", Deadline{}, false},
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

// FuzzParseDeadline: any text reads as a date within 2000–2100 and
// months 1–12 (year 0: the report year), a standing task, or nothing;
// never a panic.
func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2024年6月底前", "持续推进，2024年6月底前完成", "每季度；2024年12月", "2024.6.30", "2024-06-30",
		"2024年3月至6月", "6月底前完成试点，2025年底前全面推开", "三年内持续推进", "2022年第五季度", "十二月底", "2024年6月32日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDeadline(s)
		switch {
		case !ok:
			if d != (Deadline{}) {
				t.Errorf("%q: not ok but %+v", s, d)
			}
		case d.Ongoing:
			if d.Year != 0 || d.Month != 0 || d.Mixed {
				t.Errorf("%q: ongoing with a date %+v", s, d)
			}
		case d.Month < 1 || d.Month > 12 || d.Year != 0 && (d.Year < 2000 || d.Year > 2100):
			t.Errorf("%q: %+v", s, d)
		}
	})
}
