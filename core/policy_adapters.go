package core

import (
	"strconv"

	"github.com/replyguard/replyguard/policies/jsonschema"
)

// The policy fields the extension's site adapters read; the engine only
// validates them. Which composers are checked besides public comment and
// reply boxes, which categories staff may switch off, and selector
// overrides that fix a site adapter without a release.

// ComposerScope is the policy's "composers" object.
type ComposerScope struct {
	// PrivateMessages: Messenger and Instagram DM boxes are checked only
	// when enabled, with their own severities.
	PrivateMessages PrivateMessages `json:"private_messages"`
	// PersonalProfiles: check boxes where staff act as themselves, not as
	// the practice's Page.
	PersonalProfiles bool `json:"personal_profiles"`
}

// PrivateMessages is the "composers.private_messages" object.
type PrivateMessages struct {
	Enabled  bool               `json:"enabled"`
	Severity CategorySeverities `json:"severity"`
}

// CategorySeverities overrides each category's severity; empty keeps it.
type CategorySeverities struct {
	PHI     Severity `json:"phi"`
	Canned  Severity `json:"canned"`
	Length  Severity `json:"length"`
	Manners Severity `json:"manners"`
	Conduct Severity `json:"conduct"`
	Routing Severity `json:"routing"`
}

// SelectorOverride replaces one named selector of one site adapter
// (extension/content/sites.json). The extension checks the CSS itself and
// keeps the built-in selector when an override does not parse.
type SelectorOverride struct {
	Adapter  string `json:"adapter"`
	Name     string `json:"name"`
	Selector string `json:"selector"`
}

// adapterSelectors names each adapter's selectors, as in sites.json (a
// test keeps the two in step).
var adapterSelectors = map[string][]string{
	"facebook":          {"editor", "dialog", "feedUnit", "postOwner", "pageTitle", "article", "timeLink", "profileLink", "text", "expander", "commentItem"},
	"facebook-business": {"editor", "thread", "message", "messageTime", "channelTab"},
	"instagram":         {"editor", "dialog", "permalink", "time", "profileLink", "text", "expander"},
}

func (r *policyReader) composerScope(v any, c *ComposerScope, path string) {
	r.fields(v, path, "ComposerScope", func(k string, v any, path string) {
		switch k {
		case "personal_profiles":
			r.boolean(v, &c.PersonalProfiles, path, "ComposerScope")
		case "private_messages":
			r.fields(v, path, "PrivateMessages", func(k string, v any, path string) {
				switch k {
				case "enabled":
					r.boolean(v, &c.PrivateMessages.Enabled, path, "PrivateMessages")
				case "severity":
					s := &c.PrivateMessages.Severity
					dst := map[string]*Severity{"phi": &s.PHI, "canned": &s.Canned, "length": &s.Length, "manners": &s.Manners, "conduct": &s.Conduct, "routing": &s.Routing}
					r.fields(v, path, "CategorySeverities", func(k string, v any, path string) {
						if d := dst[k]; d != nil {
							r.str(v, (*string)(d), path, "CategorySeverities")
						}
					})
				}
			})
		}
	})
}

func (r *policyReader) selectorOverrides(v any, dst *[]SelectorOverride, path string) {
	r.array(v, path, "Policy", "[]core.SelectorOverride", func(n int) { *dst = make([]SelectorOverride, n) }, func(i int, v any) {
		o := &(*dst)[i]
		r.fields(v, path+"["+strconv.Itoa(i)+"]", "SelectorOverride", func(k string, v any, path string) {
			switch k {
			case "adapter":
				r.str(v, &o.Adapter, path, "SelectorOverride")
			case "name":
				r.str(v, &o.Name, path, "SelectorOverride")
			case "selector":
				r.str(v, &o.Selector, path, "SelectorOverride")
			}
		})
	})
}

// policyAdapterProblems reports a selector override naming a selector its
// adapter does not have (the schema knows each list, not which goes with
// which adapter).
func policyAdapterProblems(merged any) []jsonschema.Problem {
	var out []jsonschema.Problem
	list, _ := policyField(merged, "selectors").([]any)
	for i, o := range list {
		adapter, ok1 := policyField(o, "adapter").(string)
		name, ok2 := policyField(o, "name").(string)
		names, known := adapterSelectors[adapter]
		if !ok1 || !ok2 || !known {
			continue
		}
		found := false
		for _, n := range names {
			found = found || n == name
		}
		if !found {
			out = append(out, jsonschema.Problem{
				Path:    "selectors[" + strconv.Itoa(i) + "].name",
				Message: "the " + adapter + " adapter has no selector " + strconv.Quote(name) + " (it has " + joinQuoted(names) + ")",
			})
		}
	}
	return out
}

func joinQuoted(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(n)
	}
	return s
}
