package core

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"github.com/replyguard/replyguard/internal/jsonx"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// policyFromDoc fills a Policy from a decoded policy document by hand, as
// json.Unmarshal of its jsonschema.Encode form did before (no reflection in
// the wasm module). The document has passed the schema, whose objects admit
// only these keys and types; a mismatch (a schema bug) is reported much as
// encoding/json would.
func policyFromDoc(doc any) (*Policy, error) {
	r := &policyReader{}
	p := &Policy{}
	r.fields(doc, "", "Policy", func(k string, v any, path string) {
		switch k {
		case "$schema":
			r.str(v, &p.Schema, path, "Policy")
		case "name":
			r.str(v, &p.Name, path, "Policy")
		case "version":
			r.str(v, &p.Version, path, "Policy")
		case "practice":
			r.practice(v, &p.Practice, path)
		case "rules":
			r.rules(v, &p.Rules, path)
		case "terms":
			r.fields(v, path, "Terms", func(k string, v any, path string) {
				switch k {
				case "procedures":
					r.strs(v, &p.Terms.Procedures, path, "Terms")
				case "colloquial":
					r.strs(v, &p.Terms.Colloquial, path, "Terms")
				case "conditions":
					r.strs(v, &p.Terms.Conditions, path, "Terms")
				case "medications":
					r.strs(v, &p.Terms.Medications, path, "Terms")
				}
			})
		case "response_window":
			r.responseWindow(v, &p.ResponseWindow, path)
		case "confirm_before_send":
			r.boolean(v, &p.ConfirmBeforeSend, path, "Policy")
		case "composers":
			r.composerScope(v, &p.Composers, path)
		case "staff_may_disable":
			r.strs(v, &p.StaffMayDisable, path, "Policy")
		case "selectors":
			r.selectorOverrides(v, &p.Selectors, path)
		}
	})
	if r.err != nil {
		return nil, r.err
	}
	return p, nil
}

func (r *policyReader) practice(v any, pr *Practice, path string) {
	r.fields(v, path, "Practice", func(k string, v any, path string) {
		switch k {
		case "name":
			r.str(v, &pr.Name, path, "Practice")
		case "phones":
			r.strs(v, &pr.Phones, path, "Practice")
		case "emails":
			r.strs(v, &pr.Emails, path, "Practice")
		case "websites":
			r.strs(v, &pr.Websites, path, "Practice")
		case "addresses":
			r.strs(v, &pr.Addresses, path, "Practice")
		case "page_names":
			r.strs(v, &pr.PageNames, path, "Practice")
		case "staff":
			r.array(v, path, "Practice", "[]core.Staff", func(n int) { pr.Staff = make([]Staff, n) }, func(i int, v any) {
				r.fields(v, path, "Staff", func(k string, v any, path string) {
					switch k {
					case "name":
						r.str(v, &pr.Staff[i].Name, path, "Staff")
					case "role":
						r.str(v, &pr.Staff[i].Role, path, "Staff")
					}
				})
			})
		}
	})
}

func (r *policyReader) rules(v any, rs *RuleSettings, path string) {
	r.fields(v, path, "RuleSettings", func(k string, v any, path string) {
		switch k {
		case "phi":
			r.category(v, &rs.PHI.CategorySettings, path, "PHISettings", func(k string, v any, path string) {
				if k == "allow_names" {
					r.strs(v, &rs.PHI.AllowNames, path, "PHISettings")
				}
			})
		case "canned":
			r.category(v, &rs.Canned.CategorySettings, path, "CannedSettings", func(k string, v any, path string) {
				switch k {
				case "phrases":
					r.strs(v, &rs.Canned.Phrases, path, "CannedSettings")
				case "near_duplicate_bits":
					r.integer(v, &rs.Canned.NearDuplicateBits, path, "CannedSettings")
				}
			})
		case "length":
			r.category(v, &rs.Length.CategorySettings, path, "LengthSettings", func(k string, v any, path string) {
				switch k {
				case "facebook":
					r.lengthLimit(v, &rs.Length.Facebook, path)
				case "instagram":
					r.lengthLimit(v, &rs.Length.Instagram, path)
				case "max_grade":
					r.float(v, &rs.Length.MaxGrade, path, "LengthSettings")
				}
			})
		case "manners":
			r.category(v, &rs.Manners.CategorySettings, path, "MannersSettings", func(k string, v any, path string) {
				if k == "rude_phrases" {
					r.strs(v, &rs.Manners.RudePhrases, path, "MannersSettings")
				}
			})
		case "conduct":
			r.category(v, &rs.Conduct.CategorySettings, path, "ConductSettings", func(k string, v any, path string) {
				if k == "defensive_phrases" {
					r.strs(v, &rs.Conduct.DefensivePhrases, path, "ConductSettings")
				}
			})
		case "routing":
			r.category(v, &rs.Routing.CategorySettings, path, "RoutingSettings", func(k string, v any, path string) {
				if k == "topics" {
					r.routes(v, &rs.Routing.Topics, path)
				}
			})
		}
	})
}

func (r *policyReader) routes(v any, dst *[]Route, path string) {
	r.array(v, path, "RoutingSettings", "[]core.Route", func(n int) { *dst = make([]Route, n) }, func(i int, v any) {
		rt := &(*dst)[i]
		r.fields(v, path, "Route", func(k string, v any, path string) {
			switch k {
			case "topic":
				r.str(v, &rt.Topic, path, "Route")
			case "owner":
				r.str(v, &rt.Owner, path, "Route")
			case "severity":
				r.str(v, (*string)(&rt.Severity), path, "Route")
			}
		})
	})
}

func (r *policyReader) lengthLimit(v any, l *LengthLimit, path string) {
	r.fields(v, path, "LengthLimit", func(k string, v any, path string) {
		switch k {
		case "max_words":
			r.integer(v, &l.MaxWords, path, "LengthLimit")
		case "max_sentences":
			r.integer(v, &l.MaxSentences, path, "LengthLimit")
		}
	})
}

func (r *policyReader) responseWindow(v any, w *ResponseWindow, path string) {
	r.fields(v, path, "ResponseWindow", func(k string, v any, path string) {
		switch k {
		case "hours":
			r.float(v, &w.Hours, path, "ResponseWindow")
		case "business_hours":
			bh := &w.BusinessHours
			r.fields(v, path, "BusinessHours", func(k string, v any, path string) {
				switch k {
				case "days":
					r.strs(v, &bh.Days, path, "BusinessHours")
				case "start":
					r.str(v, &bh.Start, path, "BusinessHours")
				case "end":
					r.str(v, &bh.End, path, "BusinessHours")
				case "tz":
					r.str(v, &bh.TZ, path, "BusinessHours")
				}
			})
		}
	})
}

// policyReader records the first type mismatch, as json.Unmarshal does.
type policyReader struct{ err error }

// category reads a category object: the shared fields, then the rest.
func (r *policyReader) category(v any, c *CategorySettings, path, typ string, rest func(k string, v any, path string)) {
	r.fields(v, path, typ, func(k string, v any, path string) {
		switch k {
		case "enabled":
			r.boolean(v, &c.Enabled, path, typ)
		case "severity":
			r.str(v, (*string)(&c.Severity), path, typ)
		default:
			rest(k, v, path)
		}
	})
}

// fields calls set for each key of an object, in the sorted order of
// jsonschema.Encode; null is skipped, as json.Unmarshal skips it.
func (r *policyReader) fields(v any, path, typ string, set func(k string, v any, path string)) {
	switch o := v.(type) {
	case nil:
	case *jsonschema.Object:
		keys := slices.Sorted(slices.Values(o.Keys))
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			set(k, o.Values[k], p)
		}
	default:
		r.fail(v, path, typ, "core."+typ)
	}
}

// array sizes the destination, then fills each element.
func (r *policyReader) array(v any, path, typ, goType string, size func(n int), elem func(i int, v any)) {
	switch a := v.(type) {
	case nil:
	case []any:
		size(len(a))
		for i, e := range a {
			elem(i, e)
		}
	default:
		r.fail(v, path, typ, goType)
	}
}

func (r *policyReader) str(v any, dst *string, path, typ string) {
	switch s := v.(type) {
	case nil:
	case string:
		*dst = s
	default:
		r.fail(v, path, typ, "string")
	}
}

func (r *policyReader) strs(v any, dst *[]string, path, typ string) {
	r.array(v, path, typ, "[]string", func(n int) { *dst = make([]string, n) }, func(i int, v any) {
		r.str(v, &(*dst)[i], path, typ)
	})
}

func (r *policyReader) boolean(v any, dst *bool, path, typ string) {
	switch b := v.(type) {
	case nil:
	case bool:
		*dst = b
	default:
		r.fail(v, path, typ, "bool")
	}
}

// integer accepts what jsonschema.Encode writes as an integer (6.0 is 6).
func (r *policyReader) integer(v any, dst *int, path, typ string) {
	n, ok := v.(jsonx.Number)
	if !ok {
		if v != nil {
			r.fail(v, path, typ, "int")
		}
		return
	}
	if f, err := n.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		*dst = int(f)
	} else if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		*dst = int(i)
	} else {
		r.failText("number "+string(n), path, typ, "int")
	}
}

func (r *policyReader) float(v any, dst *float64, path, typ string) {
	n, ok := v.(jsonx.Number)
	if !ok {
		if v != nil {
			r.fail(v, path, typ, "float64")
		}
		return
	}
	f, err := n.Float64()
	if err != nil {
		r.failText("number "+string(n), path, typ, "float64")
		return
	}
	*dst = f
}

func (r *policyReader) fail(v any, path, typ, goType string) {
	kind := "number"
	switch v.(type) {
	case string:
		kind = "string"
	case bool:
		kind = "bool"
	case []any:
		kind = "array"
	case *jsonschema.Object:
		kind = "object"
	}
	r.failText(kind, path, typ, goType)
}

func (r *policyReader) failText(value, path, typ, goType string) {
	if r.err == nil {
		r.err = errors.New("json: cannot unmarshal " + value + " into Go struct field " + typ + "." + path + " of type " + goType)
	}
}
