package core

import (
	"slices"
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/policies/jsonschema"
)

// The policy fields the extension's site adapters read: which composers are
// checked besides public comment and reply boxes ("composers"), which
// categories staff may switch off ("staff_may_disable"), and selector
// overrides that fix a site adapter without a release ("selectors"). The
// schema validates their shape and policyAdapterProblems what the schema
// cannot say; the engine keeps them as JSON (Policy.Composers and the rest)
// because it reads only the private-message severities of them (private.go,
// once per policy), and each Go type would cost engine.wasm its decoder.

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
