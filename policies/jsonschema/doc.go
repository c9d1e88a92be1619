// Package jsonschema validates JSON documents against the small subset of
// JSON Schema (draft 2020-12) that the policy schema uses, and reports every
// problem by its dotted JSON path ("practice.staff[2].name").
//
// The subset: type, properties, required, additionalProperties, items, enum,
// minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
// minItems, maxItems, uniqueItems, pattern (an ECMA-262 subset, see
// Pattern), $ref to "#/$defs/...", plus
// annotations (title, description, default, ...). Compile rejects any other
// keyword, so a schema never silently asks for a check this package skips.
package jsonschema
