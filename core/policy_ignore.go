package core

// "ignore_always" in a policy says how far staff may silence a finding for
// the whole practice with "Ignore always": allow_errors (offer it on error
// findings too, PHI first of all; off, an error can only be ignored once, in
// the reply at hand) and expire_days (how long an entry lasts). The
// extension applies it; the engine validates it against the schema and keeps
// it as JSON (Policy.IgnoreAlways), a manager's decision made in one place.
