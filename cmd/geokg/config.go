package main

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// config is the whole configuration, read once from the environment in run.
// Every field has a default that works with `make neo4j` on this machine.
type config struct {
	Neo4jURI      string // NEO4J_URI
	Neo4jUser     string // NEO4J_USER
	Neo4jPassword string // NEO4J_PASSWORD
	Neo4jDatabase string // NEO4J_DATABASE

	Addr          string        // GEOKG_ADDR: where serve listens
	CORSOrigins   []string      // GEOKG_CORS_ORIGINS: comma-separated allowed origins
	QueryTimeout  time.Duration // GEOKG_QUERY_TIMEOUT: per-request deadline, reaches Neo4j
	MaxBodyBytes  int64         // GEOKG_MAX_BODY_BYTES: request body limit
	Playground    bool          // GEOKG_PLAYGROUND: serve the playground at /
	Introspection bool          // GEOKG_INTROSPECTION: allow schema introspection
	IngestToken   string        // GEOKG_INGEST_TOKEN: bearer token for ingestArticle; empty turns it off

	MaxArticleBytes int64 // GEOKG_MAX_ARTICLE_BYTES: larger input files are refused
	LogLevel        slog.Level
}

// defaultCORSOrigins allows browsers on this machine only.
var defaultCORSOrigins = []string{
	"http://localhost:8080", "http://127.0.0.1:8080",
	"http://localhost:3000", "http://127.0.0.1:3000",
	"http://localhost:5173", "http://127.0.0.1:5173",
}

// configFromEnv reads the configuration through getenv (os.Getenv in main,
// a map in tests) and reports the first malformed value by name.
func configFromEnv(getenv func(string) string) (config, error) {
	c := config{
		Neo4jURI:        "bolt://127.0.0.1:7687",
		Neo4jUser:       "neo4j",
		Neo4jPassword:   "geokg-password",
		Neo4jDatabase:   "neo4j",
		Addr:            ":8080",
		CORSOrigins:     defaultCORSOrigins,
		QueryTimeout:    10 * time.Second,
		MaxBodyBytes:    1 << 20,
		Playground:      true,
		Introspection:   true,
		MaxArticleBytes: 5 << 20,
		LogLevel:        slog.LevelInfo,
	}
	str := func(name string, dst *string) {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*dst = v
		}
	}
	str("NEO4J_URI", &c.Neo4jURI)
	str("NEO4J_USER", &c.Neo4jUser)
	str("GEOKG_INGEST_TOKEN", &c.IngestToken)
	if v := getenv("NEO4J_PASSWORD"); v != "" {
		c.Neo4jPassword = v
	}
	str("NEO4J_DATABASE", &c.Neo4jDatabase)
	str("GEOKG_ADDR", &c.Addr)
	if v := strings.TrimSpace(getenv("GEOKG_CORS_ORIGINS")); v != "" {
		c.CORSOrigins = nil
		for _, o := range strings.Split(v, ",") {
			if o = strings.TrimSpace(o); o != "" {
				c.CORSOrigins = append(c.CORSOrigins, o)
			}
		}
	}
	if v := getenv("GEOKG_QUERY_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("GEOKG_QUERY_TIMEOUT=%q: want a positive duration such as 10s", v)
		}
		c.QueryTimeout = d
	}
	for _, n := range []struct {
		name string
		dst  *int64
	}{{"GEOKG_MAX_BODY_BYTES", &c.MaxBodyBytes}, {"GEOKG_MAX_ARTICLE_BYTES", &c.MaxArticleBytes}} {
		if v := getenv(n.name); v != "" {
			i, err := strconv.ParseInt(v, 10, 64)
			if err != nil || i <= 0 {
				return c, fmt.Errorf("%s=%q: want a positive number of bytes", n.name, v)
			}
			*n.dst = i
		}
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"GEOKG_PLAYGROUND", &c.Playground}, {"GEOKG_INTROSPECTION", &c.Introspection}} {
		if v := getenv(b.name); v != "" {
			x, err := strconv.ParseBool(v)
			if err != nil {
				return c, fmt.Errorf("%s=%q: want true or false", b.name, v)
			}
			*b.dst = x
		}
	}
	if v := getenv("GEOKG_LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, fmt.Errorf("GEOKG_LOG_LEVEL=%q: want debug, info, warn or error", v)
		}
	}
	return c, nil
}
