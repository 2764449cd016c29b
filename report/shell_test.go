package report

import "testing"

func TestShellArg(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"data/shili-office/2024.yaml", "data/shili-office/2024.yaml"},
		{"数据/示例县/2024.yaml", "数据/示例县/2024.yaml"},
		{"县 数据/示例县/2024.yaml", "'县 数据/示例县/2024.yaml'"},
		{"县\u3000数据/2024.yaml", "'县\u3000数据/2024.yaml'"},
		{"a$b", "'a$b'"},
		{"it's.yaml", `'it'\''s.yaml'`},
		{"a;rm -rf", "'a;rm -rf'"},
		{"(1).yaml", "'(1).yaml'"},
		{"", "''"},
	} {
		if got := ShellArg(tc.in); got != tc.want {
			t.Errorf("ShellArg(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
