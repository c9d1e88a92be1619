package core

import (
	"slices"
	"strconv"
	"strings"

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
// test keeps the two in step). Plain strings, not a map: a map literal
// costs the wasm module kilobytes of start-up code.
var adapterSelectors = [...]struct{ adapter, names string }{
	{"facebook", "editor dialog feedUnit postOwner pageTitle article timeLink profileLink text expander commentItem"},
	{"facebook-business", "editor thread message messageTime channelTab"},
	{"instagram", "editor dialog permalink time profileLink text expander"},
}

// selectorsOf lists one adapter's selector names; false for an unknown adapter.
func selectorsOf(adapter string) ([]string, bool) {
	for _, a := range adapterSelectors {
		if a.adapter == adapter {
			return strings.Fields(a.names), true
		}
	}
	return nil, false
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
		names, known := selectorsOf(adapter)
		if !ok1 || !ok2 || !known || slices.Contains(names, name) {
			continue
		}
		out = append(out, jsonschema.Problem{
			Path:    jsonschema.Index("selectors", i) + ".name",
			Message: "the " + adapter + " adapter has no selector " + strconv.Quote(name) + " (it has \"" + strings.Join(names, "\", \"") + "\")",
		})
	}
	return out
}
