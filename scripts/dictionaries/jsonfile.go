package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The generated files are JSON laid out for review: every record of an
// array on a line of its own, so a change to the dictionaries shows in a
// diff as the records it changed. encoding/json's own indentation would
// spread one record over many lines; a single line would make every diff
// one line.

// jsonWriter writes one generated file. Its first error is kept and
// returned by bytes, so callers need not check every call.
type jsonWriter struct {
	buf bytes.Buffer
	err error
}

// value returns v as compact JSON, HTML characters left as they are.
func (w *jsonWriter) value(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil && w.err == nil {
		w.err = err
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// field writes `"name": value` on one line; last says whether it closes
// the object.
func (w *jsonWriter) field(indent, name string, v any, last bool) {
	fmt.Fprintf(&w.buf, "%s%s: %s%s\n", indent, w.value(name), w.value(v), comma(last))
}

// records writes `"name": [` then each record on its own line, then `]`.
func records[T any](w *jsonWriter, indent, name string, rs []T, last bool) {
	if len(rs) == 0 {
		fmt.Fprintf(&w.buf, "%s%s: []%s\n", indent, w.value(name), comma(last))
		return
	}
	fmt.Fprintf(&w.buf, "%s%s: [\n", indent, w.value(name))
	for i, r := range rs {
		fmt.Fprintf(&w.buf, "%s  %s%s\n", indent, w.value(r), comma(i == len(rs)-1))
	}
	fmt.Fprintf(&w.buf, "%s]%s\n", indent, comma(last))
}

func comma(last bool) string {
	if last {
		return ""
	}
	return ","
}

// bytes returns the file, checked to be valid JSON.
func (w *jsonWriter) bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	if !json.Valid(w.buf.Bytes()) {
		return nil, fmt.Errorf("generated JSON is not valid")
	}
	return w.buf.Bytes(), nil
}
