package html

import (
	"html/template"
	"strings"
)

// markdown renders the small Markdown subset of nianbao's own documents
// (the open data format description) as HTML: "#"–"###" headings (the
// first "#" heading is dropped: the page prints its title), paragraphs
// whose lines are joined (CJK text has no spaces between lines), "- " lists
// with indented continuation lines, pipe tables with a header row, and
// `code` spans. Every piece of text is escaped; no raw HTML passes through.
// Heading levels are shifted down by one so the page keeps one h1.
func markdown(src string) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	droppedTitle := false
	for i := 0; i < len(lines); {
		line := strings.TrimRight(lines[i], " ")
		switch {
		case line == "":
			i++
		case strings.HasPrefix(line, "#"):
			level := len(line) - len(strings.TrimLeft(line, "#"))
			text := strings.TrimSpace(line[level:])
			i++
			if level == 1 && !droppedTitle {
				droppedTitle = true
				continue
			}
			tag := "h" + string(rune('0'+min(level+1, 6)))
			b.WriteString("<" + tag + ">" + inline(text) + "</" + tag + ">\n")
		case strings.HasPrefix(line, "|"):
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				cells := strings.Split(strings.Trim(strings.TrimSpace(lines[i]), "|"), "|")
				for j := range cells {
					cells[j] = strings.TrimSpace(cells[j])
				}
				if isRule(cells) {
					continue
				}
				rows = append(rows, cells)
			}
			writeTable(&b, rows)
		case strings.HasPrefix(line, "- "):
			b.WriteString("<ul>\n")
			for i < len(lines) && strings.HasPrefix(lines[i], "- ") {
				item := strings.TrimSpace(lines[i][2:])
				for i++; i < len(lines) && strings.HasPrefix(lines[i], "  ") && strings.TrimSpace(lines[i]) != ""; i++ {
					item += strings.TrimSpace(lines[i])
				}
				b.WriteString("<li>" + inline(item) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		default:
			para := []string{strings.TrimSpace(line)} // always consumed: no endless loop
			for i++; i < len(lines); i++ {
				l := strings.TrimSpace(lines[i])
				if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "|") || strings.HasPrefix(lines[i], "- ") {
					break
				}
				para = append(para, l)
			}
			b.WriteString("<p>" + inline(strings.Join(para, "")) + "</p>\n")
		}
	}
	return template.HTML(b.String())
}

// isRule reports whether a table row is the header separator (|---|---|).
func isRule(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return len(cells) > 0
}

func writeTable(b *strings.Builder, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	b.WriteString("<div class=\"nb-table-box\"><table class=\"nb-table nb-doc-table\">\n<thead><tr>")
	for _, c := range rows[0] {
		b.WriteString("<th scope=\"col\">" + inline(c) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows[1:] {
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<td>" + inline(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
}

// inline escapes s and turns `code` spans into <code>.
func inline(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			break
		}
		b.WriteString(template.HTMLEscapeString(s[:i]))
		b.WriteString("<code>" + template.HTMLEscapeString(s[i+1:i+1+j]) + "</code>")
		s = s[i+2+j:]
	}
	b.WriteString(template.HTMLEscapeString(s))
	return b.String()
}
