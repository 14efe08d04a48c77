package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/loader/kb"
)

// The dictionaries are PETRARCH2's as published at this commit; the
// directory given with -src holds a copy of its data/dictionaries folder.
const (
	sourceRepository = "openeventdata/petrarch2"
	sourceCommit     = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
	sourcePath       = "petrarch2/data/dictionaries"
)

// notice builds the provenance and licence record for files read from
// src: the MIT licence asks that its text go with every copy of the data.
func notice(src string, files ...string) (kb.Notice, error) {
	b, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return kb.Notice{}, fmt.Errorf("licence: %w", err)
	}
	return kb.Notice{Repository: sourceRepository, Commit: sourceCommit, Path: sourcePath,
		Files: files, Licence: string(b)}, nil
}
