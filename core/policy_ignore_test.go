package core

import (
	"strings"
	"testing"
)

func TestPolicyIgnoreAlways(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"name":"P"}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(p.IgnoreAlways) != `{"allow_errors":false,"expire_days":30}` {
		t.Errorf("default ignore_always = %s, want errors not ignorable, 30 days", p.IgnoreAlways)
	}
	p, err = ParsePolicy([]byte(`{"ignore_always":{"allow_errors":true,"expire_days":7}}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(p.IgnoreAlways) != `{"allow_errors":true,"expire_days":7}` {
		t.Errorf("ignore_always = %s", p.IgnoreAlways)
	}
	_, err = ParsePolicy([]byte(`{"ignore_always":{"allow_errors":"yes","expire_days":400}}`))
	for _, want := range []string{"ignore_always.allow_errors: must be true or false", "ignore_always.expire_days: must be at most 365"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
}
