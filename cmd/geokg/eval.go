package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/eval"
)

// runEval extracts the development set, compares it with the gold
// annotations and prints precision, recall, F1, linking, role and event
// figures. It fails when a figure is below its threshold.
func runEval(cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var goldPath, thresholdsPath *string
	var misses *bool
	in, err := parseInputCommand("eval", cfg, args, stdin, stderr, func(fs *flag.FlagSet) {
		goldPath = fs.String("gold", "eval/devset/gold.jsonl", "gold annotations, one JSON object per article")
		thresholdsPath = fs.String("thresholds", "eval/devset/thresholds.json", "minimum figures; empty to only print")
		misses = fs.Bool("misses", false, "list every miss and false positive")
	}, "eval/devset/articles.jsonl")
	if err != nil {
		return err
	}
	golds, err := eval.ReadGold(*goldPath)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	var facts []geokg.Facts
	for _, it := range in.items {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Origin, it.Err)
		}
		facts = append(facts, in.x.Extract(it.Article))
	}
	rep := eval.Evaluate(golds, facts, eval.Options{Known: in.x.Knows})
	rep.Print(stdout)
	if *misses {
		fmt.Fprintln(stdout)
		for _, m := range rep.Misses {
			fmt.Fprintln(stdout, m)
		}
	}
	if *thresholdsPath == "" {
		return nil
	}
	t, err := eval.ReadThresholds(*thresholdsPath)
	if err != nil {
		return err
	}
	if fails := rep.Failures(t); len(fails) > 0 {
		for _, f := range fails {
			fmt.Fprintln(stderr, "eval:", f)
		}
		return exitError{1}
	}
	fmt.Fprintln(stdout, "\nall figures reach their thresholds")
	return nil
}
