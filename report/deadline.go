package report

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Deadline is a parsed 完成时限: the end of the period it names, to the
// month, or Ongoing for a standing task (长期坚持、持续推进) that names no date.
type Deadline struct {
	Year    int // 0 when the text names no year (e.g. 6月底): the report year applies
	Month   int // 1–12: the month the period ends in
	Ongoing bool
	// Mixed is true when the date was found among other words
	// (持续推进，2024年6月底前完成; 每季度；2024年12月) rather than being
	// the whole text.
	Mixed bool
}

// ongoingWords mark a standing task without an end date.
// Recurring deadlines (每季度, 每半年, 每月 …) and immediate ones (即时,
// 及时, 实时) name no end date either: the task stands all year.
var ongoingWords = []string{"长期", "持续", "常态", "经常", "每年", "每半年", "每季", "每月", "每周", "每日", "每天",
	"按季", "按月", "按年", "定期", "随时", "及时", "即时", "实时", "动态", "日常", "适时"}

// maxDeadlineRunes bounds the text searched for dates: a 完成时限 is a
// phrase, and the search below is quadratic in a clause's length.
const maxDeadlineRunes = 400

var (
	deadlineNorm = strings.NewReplacer(
		" ", "", "\u3000", "", "\t", "", "\r", "", "\n", "",
		"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
		"（", "(", "）", ")", "．", ".", "／", "/",
	)
	// Separators of a range such as 2024年3月至6月; the end counts.
	rangeRE = regexp.MustCompile(`—|–|－|~|～|至|到|-`)
	yearRE  = regexp.MustCompile(`^(\d{4})年?(?:度)?`)
	numDate = regexp.MustCompile(`^(\d{4})[./\-](\d{1,2})(?:[./\-]\d{1,2})?$`)
	monthRE = regexp.MustCompile(`^(\d{1,2}|十[一二]?|[一二三四五六七八九])月`)
	quarter = regexp.MustCompile(`^第?([1-4一二三四])季度`)
	// clauseSep splits a mixed deadline into clauses
	// (持续推进，2024年6月底前完成 → 持续推进 | 2024年6月底前完成).
	clauseSep = regexp.MustCompile(`[，,；;、。：:！!？?\s]+`)
	// dateStart finds where a date may begin inside a clause.
	dateStart = regexp.MustCompile(`\d{4}[年./\-]|\d{1,2}月|十[一二]?月|[一二三四五六七八九]月|第?[1-4一二三四]季度|上半年|下半年|年中|年底|年末|年内`)
)

// dateCont are the characters that continue a date: a date followed by one
// of them was cut short (2022年 of 2022年第五季度, 2022年6月 of
// 2022年6月32日) and is not taken.
const dateCont = "0123456789年月日号季度第上下半底末内初中旬份./-一二三四五六七八九十"

// notBeforeDate are the characters that, just before a place where a date
// may start, make it none: a longer number (13月), a count of years (三年内)
// or another year (明年底, 次年6月).
const notBeforeDate = "0123456789一二三四五六七八九十两几半明后次"

var cnNum = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}

func smallNum(s string) int {
	if v, ok := cnNum[s]; ok {
		return v
	}
	v, _ := strconv.Atoi(s)
	return v
}

// ParseDeadline reads a 完成时限 as a 任务分解表 writes it. Accepted forms:
//
//	2024年6月底 / 2024年6月 / 2024年6月30日前 / 2024年6月底前 / 2024.6.30 / 2024-06-30
//	2024年底 / 2024年年底前 / 2024年12月底 / 2024年内 / 2024年 / 年底前
//	2024年第三季度 / 2024年三季度末 / 2024年上半年 / 2024年下半年
//	2024年3月至6月 (the end of a range counts)
//	年底前 / 6月底前 / 第三季度 / 上半年 / 下半年 (the report year applies)
//	长期坚持 / 持续推进 / 常态化 / 每季度 / 每半年 / 每月 / 即时 / 及时 … (Ongoing)
//
// A date among other words counts too, and then Mixed is true: 持续推进，
// 2024年6月底前完成 is 2024年6月, and so is 每季度；2024年6月 (several rows
// of a task table joined). When the text names several dates the latest
// counts (the task is due when its last step is); a date without a year
// takes the year of the date before it, or of the first date with a year.
// A standing-task word makes the deadline Ongoing only when the text names
// no date. A form without a year (6月底前) has Year 0: the report year
// applies. ok is false when the text names neither a date nor a standing
// task.
func ParseDeadline(s string) (d Deadline, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Deadline{}, false
	}
	if d, ok := parseWhole(deadlineNorm.Replace(s)); ok {
		return d, true
	}
	if r := []rune(s); len(r) > maxDeadlineRunes {
		s = string(r[:maxDeadlineRunes])
	}
	var dates []Deadline
	for _, c := range clauseSep.Split(s, -1) {
		dates = append(dates, findDates(deadlineNorm.Replace(c))...)
	}
	if len(dates) > 0 {
		return latest(dates), true
	}
	n := deadlineNorm.Replace(s)
	for _, w := range ongoingWords {
		if strings.Contains(n, w) {
			return Deadline{Ongoing: true}, true
		}
	}
	return Deadline{}, false
}

// parseWhole reads s (normalised) when the whole of it is one date form.
func parseWhole(s string) (Deadline, bool) {
	if s == "" {
		return Deadline{}, false
	}
	for _, w := range ongoingWords {
		if strings.HasPrefix(s, w) {
			return Deadline{}, false
		}
	}
	if m := numDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 || y < 2000 || y > 2100 {
			return Deadline{}, false
		}
		return Deadline{Year: y, Month: mo}, true
	}
	// A range: parse the end, inheriting the start's year.
	if parts := rangeRE.Split(s, -1); len(parts) > 1 {
		end := parts[len(parts)-1]
		d, ok := parseOne(end)
		if !ok {
			return Deadline{}, false
		}
		if d.Year == 0 {
			if m := yearRE.FindStringSubmatch(parts[0]); m != nil {
				d.Year, _ = strconv.Atoi(m[1])
			}
		}
		return d, true
	}
	return parseOne(s)
}

// findDates returns the dates inside one clause (normalised), in order,
// each Mixed: from every place a date may start, the longest run that reads
// as a whole date form and is not cut short (followed by a character of
// dateCont).
func findDates(c string) []Deadline {
	var out []Deadline
	next := 0 // byte offset before which a found date already lies
	for _, loc := range dateStart.FindAllStringIndex(c, -1) {
		start := loc[0]
		if start < next {
			continue
		}
		// A date starts at a number's beginning (3月 of 13月 is not one),
		// and 年内 of 三年内 or 明年底 is no date of the report year.
		if r, _ := utf8.DecodeLastRuneInString(c[:start]); start > 0 && strings.ContainsRune(notBeforeDate, r) {
			continue
		}
		best, bestEnd := Deadline{}, -1
		for end := len(c); end > start; end-- {
			if end < len(c) {
				if !utf8.RuneStart(c[end]) {
					continue
				}
				r, _ := utf8.DecodeRuneInString(c[end:])
				if strings.ContainsRune(dateCont, r) {
					continue
				}
			}
			if d, ok := parseWhole(c[start:end]); ok {
				best, bestEnd = d, end
				break
			}
		}
		if bestEnd < 0 {
			continue
		}
		best.Mixed = true
		out = append(out, best)
		next = bestEnd
	}
	return out
}

// latest returns the latest of dates (at least one), the year-less ones
// taking the year of the date before them, or of the first with a year.
func latest(dates []Deadline) Deadline {
	first := 0
	for _, d := range dates {
		if d.Year != 0 {
			first = d.Year
			break
		}
	}
	year := first
	var best Deadline
	for i, d := range dates {
		if d.Year != 0 {
			year = d.Year
		} else {
			d.Year = year
		}
		if i == 0 || d.Year*100+d.Month > best.Year*100+best.Month {
			best = d
		}
	}
	return best
}

func parseOne(s string) (Deadline, bool) {
	var d Deadline
	rest := s
	if m := yearRE.FindStringSubmatch(rest); m != nil {
		d.Year, _ = strconv.Atoi(m[1])
		if d.Year < 2000 || d.Year > 2100 {
			return Deadline{}, false
		}
		rest = rest[len(m[0]):]
	}
	// Trailing words that do not move the date.
	trim := func(r string) string {
		for {
			before := r
			for _, suf := range []string{"之前", "以前", "前", "完成", "止", "结束", "为止", "。", "；", ";", "."} {
				r = strings.TrimSuffix(r, suf)
			}
			if r == before {
				return r
			}
		}
	}
	rest = trim(rest)
	switch rest {
	case "":
		if d.Year == 0 {
			return Deadline{}, false
		}
		d.Month = 12
		return d, true
	case "底", "末", "年底", "年末", "内", "年内", "度内", "全年", "下半年":
		d.Month = 12
		return d, true
	case "上半年", "年中":
		d.Month = 6
		return d, true
	}
	if m := quarter.FindStringSubmatch(rest); m != nil {
		tail := trim(rest[len(m[0]):])
		if tail != "" && tail != "末" && tail != "底" && tail != "内" {
			return Deadline{}, false
		}
		d.Month = 3 * smallNum(m[1])
		return d, true
	}
	if m := monthRE.FindStringSubmatch(rest); m != nil {
		mo := smallNum(m[1])
		if mo < 1 || mo > 12 {
			return Deadline{}, false
		}
		tail := trim(rest[len(m[0]):])
		switch {
		case tail == "", tail == "底", tail == "末", tail == "份", tail == "中旬", tail == "下旬", tail == "上旬", tail == "中", tail == "初":
		case strings.HasSuffix(tail, "日") || strings.HasSuffix(tail, "号"):
			day, err := strconv.Atoi(strings.TrimRight(tail, "日号"))
			if err != nil || day < 1 || day > 31 {
				return Deadline{}, false
			}
		default:
			return Deadline{}, false
		}
		d.Month = mo
		return d, true
	}
	return Deadline{}, false
}

// String writes the deadline as the ledger prints a parsed date: 2024年6月,
// or 长期 for an ongoing task.
func (d Deadline) String() string {
	if d.Ongoing {
		return "长期"
	}
	y := ""
	if d.Year != 0 {
		y = strconv.Itoa(d.Year) + "年"
	}
	return y + strconv.Itoa(d.Month) + "月"
}
