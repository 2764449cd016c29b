package report

// Without returns the problems whose rule is not id.
func (ps Problems) Without(id string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Rule != id {
			out = append(out, p)
		}
	}
	return out
}
