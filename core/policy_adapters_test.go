package core

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestPolicyAdapterFields(t *testing.T) {
	p, err := ParsePolicy([]byte(`{
		"composers": {"private_messages": {"enabled": true, "severity": {"phi": "info"}}, "personal_profiles": true},
		"staff_may_disable": ["length", "manners"],
		"selectors": [{"adapter": "facebook", "name": "article", "selector": "[role=group][aria-label]"}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	// Kept as canonical JSON for the extension, exactly as written.
	for _, c := range []struct {
		got  RawJSON
		want string
	}{
		{p.Composers, `{"personal_profiles":true,"private_messages":{"enabled":true,"severity":{"phi":"info"}}}`},
		{p.StaffMayDisable, `["length","manners"]`},
		{p.Selectors, `[{"adapter":"facebook","name":"article","selector":"[role=group][aria-label]"}]`},
	} {
		if string(c.got) != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	b, err := json.Marshal(p)
	if err != nil || !strings.Contains(string(b), `"selectors":[{"adapter":"facebook"`) {
		t.Errorf("the policy's JSON loses its selectors: %s (%v)", b, err)
	}
	d := DefaultPolicy()
	if d.Composers != nil || d.StaffMayDisable != nil || d.Selectors != nil {
		t.Errorf("default policy sets adapter fields: %s %s %s", d.Composers, d.StaffMayDisable, d.Selectors)
	}
}

func TestPolicyAdapterErrorsNameTheirPath(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"selectors": [{"adapter": "instagram", "name": "article", "selector": "x"}]}`, `selectors[0].name: the instagram adapter has no selector "article"`},
		{`{"selectors": [{"adapter": "myspace", "name": "article", "selector": "x"}]}`, `selectors[0].adapter: must be one of`},
		{`{"selectors": [{"adapter": "facebook", "name": "article"}]}`, `selectors[0].selector: required`},
		{`{"selectors": [{"adapter": "facebook", "name": "article", "selector": ""}]}`, `selectors[0].selector:`},
		{`{"composers": {"private_messages": {"severity": {"phi": "loud"}}}}`, `composers.private_messages.severity.phi: must be one of`},
		{`{"staff_may_disable": ["spelling"]}`, `staff_may_disable[0]: must be one of`},
	} {
		_, err := ParsePolicy([]byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.doc, err, c.want)
		}
	}
}

// The selector names the policy may override are the ones sites.json has.
func TestAdapterSelectorsMatchSitesJSON(t *testing.T) {
	data, err := os.ReadFile("../extension/content/sites.json")
	if err != nil {
		t.Fatal(err)
	}
	var sites struct {
		Adapters []struct {
			ID        string            `json:"id"`
			Selectors map[string]string `json:"selectors"`
		} `json:"adapters"`
	}
	if err := json.Unmarshal(data, &sites); err != nil {
		t.Fatal(err)
	}
	if len(sites.Adapters) != len(adapterSelectors) {
		t.Errorf("sites.json has %d adapters, the policy knows %d", len(sites.Adapters), len(adapterSelectors))
	}
	for _, a := range sites.Adapters {
		var names []string
		for n := range a.Selectors {
			names = append(names, n)
		}
		slices.Sort(names)
		own, _ := selectorsOf(a.ID)
		want := slices.Sorted(slices.Values(own))
		if !slices.Equal(names, want) {
			t.Errorf("%s: sites.json selectors %v, policy knows %v", a.ID, names, want)
		}
	}
}
