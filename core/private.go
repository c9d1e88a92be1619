package core

import "github.com/replyguard/replyguard/internal/jsonlite"

// A reply in a private message (Input.Private: a Messenger or Instagram DM)
// is judged as one: rules that weigh public exposure read Input.Private, and
// the policy's composers.private_messages.severity gives each category its
// severity there. The engine applies it, not the extension, so the CLI, the
// send confirmation and the "ignore always" check all see the severity staff
// saw.

// privateSeverities reads composers.private_messages.severity (by
// catIndex; "" keeps the category's usual severity). The schema has
// validated the policy; anything else here is ignored, not an error.
func privateSeverities(composers RawJSON) (out [numCats]Severity) {
	if len(composers) == 0 {
		return out
	}
	v, err := jsonlite.Parse(composers)
	if err != nil {
		return out
	}
	for _, key := range [...]string{"private_messages", "severity"} {
		v = member(v, key)
	}
	for _, m := range v.Members {
		if k := catIndex(Category(m.Key)); k >= 0 && m.Value.Kind == jsonlite.String && Severity(m.Value.Str).Rank() >= 0 {
			out[k] = Severity(m.Value.Str)
		}
	}
	return out
}

// member is an object's last value for key (as encoding/json keeps the
// last of repeated keys), or null.
func member(v jsonlite.Value, key string) jsonlite.Value {
	var got jsonlite.Value
	for _, m := range v.Members {
		if m.Key == key {
			got = m.Value
		}
	}
	return got
}

// privateSeverity gives a private message's findings the policy's severity
// for their category there. A hint (info) stays a hint: the setting says
// how loud a real finding is, it does not turn hints into warnings.
func (c *Compiled) privateSeverity(fs []Finding) {
	for i := range fs {
		if k := catIndex(fs[i].Category); k >= 0 && c.private[k] != "" && fs[i].Severity != Info {
			fs[i].Severity = c.private[k]
		}
	}
}
