// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package jsonx

// Decoder is json.Decoder's token API (Go 1.26) over an in-memory document,
// with UseNumber set. It keeps json.Decoder's quirks on purpose (which
// errors come from where, and their offsets), because policy syntax errors
// quote them to users.

import (
	"io"
	"strconv"
)

// Delim is one of the four JSON delimiters [ ] { }.
type Delim rune

// Number is a JSON number as its literal text.
type Number string

// String returns the literal text of the number.
func (n Number) String() string { return string(n) }

// Float64 parses the number, as json.Number.Float64 does.
func (n Number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

// Decoder reads tokens from one JSON document.
type Decoder struct {
	buf   []byte
	scanp int // start of unread data in buf
	scan  scanner
	err   error

	tokenState int
	tokenStack []int
}

// NewDecoder returns a decoder reading data.
func NewDecoder(data []byte) *Decoder { return &Decoder{buf: data} }

const (
	tokenTopValue = iota
	tokenArrayStart
	tokenArrayValue
	tokenArrayComma
	tokenObjectStart
	tokenObjectKey
	tokenObjectColon
	tokenObjectValue
	tokenObjectComma
)

// InputOffset is the byte offset of the end of the most recent token.
func (dec *Decoder) InputOffset() int { return dec.scanp }

// More reports whether there is another element in the current array or
// object.
func (dec *Decoder) More() bool {
	c, err := dec.peek()
	return err == nil && c != ']' && c != '}'
}

// Token returns the next token: Delim, bool, Number, string or nil; at the
// end of input, io.EOF. Errors are *SyntaxError or io.ErrUnexpectedEOF.
func (dec *Decoder) Token() (any, error) {
	for {
		c, err := dec.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenStack = append(dec.tokenStack, dec.tokenState)
			dec.tokenState = tokenArrayStart
			if c == '{' {
				dec.tokenState = tokenObjectStart
			}
			return Delim(c), nil

		case ']', '}':
			open, comma := tokenArrayStart, tokenArrayComma
			if c == '}' {
				open, comma = tokenObjectStart, tokenObjectComma
			}
			if dec.tokenState != open && dec.tokenState != comma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = dec.tokenStack[len(dec.tokenStack)-1]
			dec.tokenStack = dec.tokenStack[:len(dec.tokenStack)-1]
			dec.tokenValueEnd()
			return Delim(c), nil

		case ':':
			if dec.tokenState != tokenObjectColon {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = tokenObjectValue
			continue

		case ',':
			if dec.tokenState == tokenArrayComma {
				dec.scanp++
				dec.tokenState = tokenArrayValue
				continue
			}
			if dec.tokenState == tokenObjectComma {
				dec.scanp++
				dec.tokenState = tokenObjectKey
				continue
			}
			return dec.tokenError(c)

		case '"':
			if dec.tokenState == tokenObjectStart || dec.tokenState == tokenObjectKey {
				old := dec.tokenState
				dec.tokenState = tokenTopValue
				x, err := dec.decode()
				dec.tokenState = old
				if err != nil {
					return nil, err
				}
				dec.tokenState = tokenObjectColon
				return x, nil
			}
			fallthrough

		default:
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			return dec.decode()
		}
	}
}

// decode reads one scalar value, as json.Decoder.Decode does.
func (dec *Decoder) decode() (any, error) {
	if dec.err != nil {
		return nil, dec.err
	}
	if err := dec.tokenPrepareForDecode(); err != nil {
		return nil, err
	}
	if !dec.tokenValueAllowed() {
		return nil, &SyntaxError{"not at beginning of value", int64(dec.InputOffset())}
	}
	n, err := dec.readValue()
	if err != nil {
		return nil, err
	}
	lit := dec.buf[dec.scanp : dec.scanp+n]
	dec.scanp += n
	dec.tokenValueEnd()
	return literal(lit), nil
}

// literal converts a scanned scalar to its Go value.
func literal(lit []byte) any {
	switch lit[0] {
	case 'n':
		return nil
	case 't':
		return true
	case 'f':
		return false
	case '"':
		s, _ := unquote(lit)
		return s
	}
	return Number(lit)
}

// readValue scans one value starting at scanp and returns its length. The
// scanner's byte count runs on across calls, as in json.Decoder, so error
// offsets count only the bytes of values read so far.
func (dec *Decoder) readValue() (int, error) {
	dec.scan.reset()
	scanp := dec.scanp
	for ; scanp < len(dec.buf); scanp++ {
		c := dec.buf[scanp]
		dec.scan.bytes++
		switch dec.scan.step(&dec.scan, c) {
		case scanEnd:
			// scanEnd is delayed one byte.
			dec.scan.bytes--
			return scanp - dec.scanp, nil
		case scanEndObject, scanEndArray:
			if stateEndValue(&dec.scan, ' ') == scanEnd {
				return scanp + 1 - dec.scanp, nil
			}
		case scanError:
			dec.err = dec.scan.err
			return 0, dec.scan.err
		}
	}
	if dec.scan.step(&dec.scan, ' ') == scanEnd {
		return scanp - dec.scanp, nil
	}
	// A value is only read from a non-space byte, so this is never io.EOF.
	dec.err = io.ErrUnexpectedEOF
	return 0, dec.err
}

func (dec *Decoder) tokenPrepareForDecode() error {
	switch dec.tokenState {
	case tokenArrayComma:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ',' {
			return &SyntaxError{"expected comma after array element", int64(dec.InputOffset())}
		}
		dec.scanp++
		dec.tokenState = tokenArrayValue
	case tokenObjectColon:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ':' {
			return &SyntaxError{"expected colon after object key", int64(dec.InputOffset())}
		}
		dec.scanp++
		dec.tokenState = tokenObjectValue
	}
	return nil
}

func (dec *Decoder) tokenValueAllowed() bool {
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		return true
	}
	return false
}

func (dec *Decoder) tokenValueEnd() {
	switch dec.tokenState {
	case tokenArrayStart, tokenArrayValue:
		dec.tokenState = tokenArrayComma
	case tokenObjectValue:
		dec.tokenState = tokenObjectComma
	}
}

func (dec *Decoder) tokenError(c byte) (any, error) {
	var context string
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		context = " looking for beginning of value"
	case tokenArrayComma:
		context = " after array element"
	case tokenObjectKey:
		context = " looking for beginning of object key string"
	case tokenObjectColon:
		context = " after object key"
	case tokenObjectComma:
		context = " after object key:value pair"
	}
	return nil, &SyntaxError{"invalid character " + quoteChar(c) + context, int64(dec.InputOffset())}
}

func (dec *Decoder) peek() (byte, error) {
	for i := dec.scanp; i < len(dec.buf); i++ {
		if c := dec.buf[i]; !isSpace(c) {
			dec.scanp = i
			return c, nil
		}
	}
	return 0, io.EOF
}
