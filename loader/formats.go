package loader

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// DefaultMaxBytes is the largest input file read by default.
const DefaultMaxBytes = 5 << 20

// Item is one article read from an input, or the reason it could not be
// read. Origin names where it came from ("path", "path:line", "-").
type Item struct {
	Origin  string
	Article geokg.Article
	Err     error
}

// ReadOptions control how inputs are read.
type ReadOptions struct {
	// MaxBytes refuses larger files (DefaultMaxBytes when zero).
	MaxBytes int64
	// Published is used for articles that carry no publication date, so
	// that relative dates ("today", "last week") can still be resolved.
	Published string
}

// articleExts are the file endings read when walking a directory.
var articleExts = map[string]string{".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}

// Read reads every path (a file, a directory walked recursively, or "-"
// for stdin) and returns one Item per article or per failure, in a stable
// order. Files in directories with other endings are reported as skipped
// through skipped, never silently ignored.
func Read(paths []string, stdin io.Reader, opt ReadOptions, skipped func(path, why string)) []Item {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	var items []Item
	for _, p := range paths {
		if p == "-" {
			b, err := readLimited(stdin, opt.MaxBytes)
			if err != nil {
				items = append(items, Item{Origin: "-", Err: err})
				continue
			}
			items = append(items, Parse("-", "", b, opt)...)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			items = append(items, Item{Origin: p, Err: pathErr(err)})
			continue
		}
		if !info.IsDir() {
			items = append(items, readFile(p, "", opt)...)
			continue
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				items = append(items, Item{Origin: path, Err: err})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if _, ok := articleExts[strings.ToLower(filepath.Ext(path))]; ok {
				files = append(files, path)
			} else if skipped != nil && !strings.HasPrefix(d.Name(), ".") {
				skipped(path, "not an article file (want .txt, .json, .jsonl or .ndjson)")
			}
			return nil
		})
		if werr != nil {
			items = append(items, Item{Origin: p, Err: werr})
		}
		sort.Strings(files)
		for _, f := range files {
			items = append(items, readFile(f, articleExts[strings.ToLower(filepath.Ext(f))], opt)...)
		}
	}
	return items
}

func readFile(path, format string, opt ReadOptions) []Item {
	f, err := os.Open(path)
	if err != nil {
		return []Item{{Origin: path, Err: pathErr(err)}}
	}
	defer f.Close()
	b, err := readLimited(f, opt.MaxBytes)
	if err != nil {
		return []Item{{Origin: path, Err: err}}
	}
	if format == "" {
		format = articleExts[strings.ToLower(filepath.Ext(path))]
	}
	return Parse(path, format, b, opt)
}

// pathErr drops the path from an os error: the Item's Origin names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readLimited reads at most max bytes and fails, naming the limit, on more.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("too large: over %s (raise GEOKG_MAX_ARTICLE_BYTES or -max-bytes)", humanBytes(max))
	}
	return b, nil
}

func humanBytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkText rejects input that is not text: empty, binary or not UTF-8.
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New("empty")
	}
	head := b
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New("binary data, not text")
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, w := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && w == 1 {
				break
			}
			off += w
		}
		return fmt.Errorf("not valid UTF-8 (bad byte at offset %d)", off)
	}
	return nil
}

// Parse turns one input's bytes into articles. An unknown format is guessed
// from the first character: JSON starts with '{' or '['.
func Parse(origin, format string, b []byte, opt ReadOptions) []Item {
	if err := checkText(b); err != nil {
		return []Item{{Origin: origin, Err: err}}
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if format == "" {
		switch bytes.TrimSpace(b)[0] {
		case '[':
			format = "json"
		case '{':
			format = "jsonl" // a single object is a one-line JSONL too
			if bytes.Count(bytes.TrimSpace(b), []byte("\n")) > 0 && !json.Valid(bytes.SplitN(bytes.TrimSpace(b), []byte("\n"), 2)[0]) {
				format = "json"
			}
		default:
			format = "text"
		}
	}
	var items []Item
	switch format {
	case "text":
		a, err := parseText(string(b))
		items = []Item{{Origin: origin, Article: a, Err: err}}
	case "json":
		items = parseJSON(origin, b)
	case "jsonl":
		items = parseJSONL(origin, b)
	}
	for i := range items {
		if items[i].Err == nil {
			items[i].Article, items[i].Err = finish(items[i].Article, items[i].Origin, opt)
		}
	}
	return items
}

// record is the JSON form of an article.
type record struct {
	ID        *string `json:"id"`
	Title     *string `json:"title"`
	Subtitle  *string `json:"subtitle"`
	Body      *string `json:"body"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
	Author    *string `json:"author"`
	Source    *string `json:"source"`
}

func (r record) article() (geokg.Article, error) {
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	a := geokg.Article{ID: s(r.ID), Title: s(r.Title), Subtitle: s(r.Subtitle), Body: strings.TrimSpace(s(r.Body)),
		URL: s(r.URL), Published: s(r.Published), Author: s(r.Author), Source: s(r.Source)}
	switch {
	case a.Title == "":
		return a, errors.New(`missing "title"`)
	case a.Body == "":
		return a, errors.New(`missing "body"`)
	}
	return a, nil
}

func decodeRecord(b []byte) (geokg.Article, error) {
	var r record
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		return geokg.Article{}, fmt.Errorf("malformed JSON: %s", jsonErr(err))
	}
	if dec.More() {
		return geokg.Article{}, errors.New("malformed JSON: more than one value")
	}
	return r.article()
}

func jsonErr(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q must be a %s, not %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

func parseJSON(origin string, b []byte) []Item {
	trim := bytes.TrimSpace(b)
	if trim[0] != '[' {
		a, err := decodeRecord(trim)
		return []Item{{Origin: origin, Article: a, Err: err}}
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(trim, &raws); err != nil {
		return []Item{{Origin: origin, Err: fmt.Errorf("malformed JSON: %s", jsonErr(err))}}
	}
	items := make([]Item, 0, len(raws))
	for i, raw := range raws {
		a, err := decodeRecord(raw)
		items = append(items, Item{Origin: fmt.Sprintf("%s[%d]", origin, i), Article: a, Err: err})
	}
	return items
}

func parseJSONL(origin string, b []byte) []Item {
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), len(b)+1)
	line := 0
	for sc.Scan() {
		line++
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		a, err := decodeRecord(l)
		items = append(items, Item{Origin: fmt.Sprintf("%s:%d", origin, line), Article: a, Err: err})
	}
	if err := sc.Err(); err != nil {
		items = append(items, Item{Origin: origin, Err: err})
	}
	return items
}

// metaLine matches the metadata lines of the plain-text format.
var metaLine = regexp.MustCompile(`^(Author|Published|Date|Source|URL|ID):\s*(.*)$`)

// parseText reads the plain-text layout: a headline, a blank line, an
// optional one-line subheadline, paragraphs separated by blank lines, and
// metadata lines ("Author: ...", "Published: ...", "Source: ...",
// "URL: ...") anywhere after the headline. What follows the Author line
// (the author's bio) stays in the body.
func parseText(s string) (geokg.Article, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	var a geokg.Article
	if len(paras) == 0 {
		return a, errors.New("empty")
	}
	a.Title = strings.Join(strings.Fields(strings.SplitN(paras[0], "\n", 2)[0]), " ")
	// A headline paragraph may carry more lines (a subheadline without the
	// blank line); keep them as paragraphs.
	rest := paras[1:]
	if extra := strings.SplitN(paras[0], "\n", 2); len(extra) == 2 {
		rest = append([]string{extra[1]}, rest...)
	}
	var body []string
	for _, p := range rest {
		var kept []string
		for _, l := range strings.Split(p, "\n") {
			if m := metaLine.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
				v := strings.TrimSpace(m[2])
				switch m[1] {
				case "Author":
					a.Author = v
				case "Published", "Date":
					a.Published = v
				case "Source":
					a.Source = v
				case "URL":
					a.URL = v
				case "ID":
					a.ID = v
				}
				continue
			}
			kept = append(kept, strings.TrimSpace(l))
		}
		if len(kept) > 0 {
			body = append(body, strings.Join(kept, " "))
		}
	}
	// A short first paragraph without final punctuation is a subheadline.
	if len(body) > 1 && isHeadlineLike(body[0]) {
		a.Subtitle, body = body[0], body[1:]
	}
	a.Body = strings.Join(body, "\n\n")
	if a.Body == "" {
		return a, errors.New("no body: want a headline, a blank line and at least one paragraph")
	}
	return a, nil
}

func isHeadlineLike(p string) bool {
	if len(p) > 200 || strings.Contains(p, "\n") {
		return false
	}
	last := p[len(p)-1]
	return last != '.' && last != '"' && last != '\'' && !strings.HasSuffix(p, "\u201d")
}

// finish validates the date, fills defaults and computes the id and hash.
func finish(a geokg.Article, origin string, opt ReadOptions) (geokg.Article, error) {
	a.Origin = origin
	if a.Published == "" {
		a.Published = opt.Published
	}
	if a.Published != "" {
		d, err := parseDate(a.Published)
		if err != nil {
			return a, fmt.Errorf("published %q: want a date such as 2017-04-12 or 2017-04-12T10:00:00Z", a.Published)
		}
		a.Published = d
	}
	if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
		return a, fmt.Errorf("url %q: want an http(s) URL", a.URL)
	}
	h := sha256.New()
	for _, f := range []string{a.Title, a.Subtitle, a.Body, a.URL, a.Published, a.Author, a.Source} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	a.Hash = hex.EncodeToString(h.Sum(nil))
	switch {
	case a.ID != "":
		a.ID = "article:" + kb.IDPart(a.ID)
	case a.URL != "":
		sum := sha256.Sum256([]byte(a.URL))
		a.ID = "article:" + hex.EncodeToString(sum[:8])
	default:
		a.ID = "article:" + kb.IDPart(a.Title)
		if a.Published != "" {
			a.ID += "-" + a.Published
		}
	}
	if a.ID == "article:" {
		return a, errors.New("cannot derive an id: the title has no letters or digits")
	}
	return a, nil
}

func parseDate(s string) (string, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", errors.New("bad date")
}
