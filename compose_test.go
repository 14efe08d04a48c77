package geokg_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// loadCompose parses docker-compose.yml the way `docker compose` would, with
// an empty environment so that every ${VAR:-default} takes its default.
func loadCompose(t *testing.T) *types.Project {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "docker-compose.yml")
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read compose file: %v", err)
	}
	details := types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: path, Content: content}},
		Environment: types.Mapping{}, // NEO4J_PASSWORD etc. unset
	}
	project, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
		o.SetProjectName("geokg", true)
		o.ResolvePaths = false
	})
	if err != nil {
		t.Fatalf("load compose file: %v", err)
	}
	return project
}

func composeService(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, err := p.GetService(name)
	if err != nil {
		t.Fatalf("service %q: %v", name, err)
	}
	return s
}

func TestComposeServices(t *testing.T) {
	p := loadCompose(t)
	got := p.ServiceNames()
	slices.Sort(got)
	want := []string{"loader", "neo4j", "server"}
	if !slices.Equal(got, want) {
		t.Fatalf("services: got %v, want %v", got, want)
	}
}

func TestComposeNeo4j(t *testing.T) {
	p := loadCompose(t)
	neo := composeService(t, p, "neo4j")

	if got, want := neo.Image, "neo4j:5.26-community"; got != want {
		t.Errorf("neo4j image: got %q, want %q", got, want)
	}
	if got, want := neo.Environment["NEO4J_AUTH"], "neo4j/geokg-password"; got == nil || *got != want {
		t.Errorf("neo4j NEO4J_AUTH: got %q, want %q", deref(got), want)
	}

	hc := neo.HealthCheck
	if hc == nil || hc.Disable || len(hc.Test) == 0 {
		t.Fatalf("neo4j healthcheck: got %+v, want a test", hc)
	}
	test := strings.Join(hc.Test, " ")
	for _, want := range []string{"cypher-shell", "RETURN 1"} {
		if !strings.Contains(test, want) {
			t.Errorf("neo4j healthcheck test: got %q, want it to contain %q", test, want)
		}
	}
	// $${VAR} in the file must reach the container as ${VAR}, to be expanded
	// there; an unescaped ${VAR} would already have been replaced by compose.
	if !strings.Contains(test, "${NEO4J_") {
		t.Errorf("neo4j healthcheck test: got %q, want the password read from the container's environment (${NEO4J_...})", test)
	}
	if hc.Retries == nil {
		t.Errorf("neo4j healthcheck retries: got none, want at least 10")
	} else if *hc.Retries < 10 {
		t.Errorf("neo4j healthcheck retries: got %d, want at least 10", *hc.Retries)
	}

	var data *types.ServiceVolumeConfig
	for i, v := range neo.Volumes {
		if v.Target == "/data" {
			data = &neo.Volumes[i]
		}
	}
	switch {
	case data == nil:
		t.Errorf("neo4j volumes: got %+v, want one mounted at /data", neo.Volumes)
	case data.Type != types.VolumeTypeVolume:
		t.Errorf("neo4j /data volume type: got %q, want %q", data.Type, types.VolumeTypeVolume)
	default:
		if _, ok := p.Volumes[data.Source]; !ok {
			t.Errorf("neo4j /data volume %q: not declared under top-level volumes (got %v)", data.Source, keys(p.Volumes))
		}
	}

	if len(neo.Ports) == 0 {
		t.Errorf("neo4j ports: got none, want 7474 and 7687 on 127.0.0.1")
	}
	for _, port := range neo.Ports {
		if port.HostIP != "127.0.0.1" {
			t.Errorf("neo4j port %d published on host IP %q, want 127.0.0.1", port.Target, port.HostIP)
		}
	}
	gotTargets := []uint32{}
	for _, port := range neo.Ports {
		gotTargets = append(gotTargets, port.Target)
	}
	slices.Sort(gotTargets)
	if want := []uint32{7474, 7687}; !slices.Equal(gotTargets, want) {
		t.Errorf("neo4j port targets: got %v, want %v", gotTargets, want)
	}
}

func TestComposeDependencies(t *testing.T) {
	p := loadCompose(t)
	tests := []struct {
		service, on, condition string
	}{
		{"loader", "neo4j", types.ServiceConditionHealthy},
		{"server", "neo4j", types.ServiceConditionHealthy},
		{"server", "loader", types.ServiceConditionCompletedSuccessfully},
	}
	for _, tt := range tests {
		t.Run(tt.service+"->"+tt.on, func(t *testing.T) {
			s := composeService(t, p, tt.service)
			dep, ok := s.DependsOn[tt.on]
			if !ok {
				t.Fatalf("%s depends_on: got %v, want %s", tt.service, keys(s.DependsOn), tt.on)
			}
			if dep.Condition != tt.condition {
				t.Errorf("%s depends_on %s condition: got %q, want %q", tt.service, tt.on, dep.Condition, tt.condition)
			}
		})
	}
}

func TestComposeGeokgServices(t *testing.T) {
	p := loadCompose(t)
	tests := []struct {
		service string
		command []string
		restart string
	}{
		{"loader", []string{"load", "/corpus"}, types.RestartPolicyNo},
		{"server", []string{"serve"}, types.RestartPolicyUnlessStopped},
	}
	for _, tt := range tests {
		t.Run(tt.service, func(t *testing.T) {
			s := composeService(t, p, tt.service)
			if s.Build == nil || s.Build.Context != "." {
				t.Errorf("%s build: got %+v, want context \".\"", tt.service, s.Build)
			}
			if got := []string(s.Command); !slices.Equal(got, tt.command) {
				t.Errorf("%s command: got %q, want %q", tt.service, got, tt.command)
			}
			if s.Restart != tt.restart {
				t.Errorf("%s restart: got %q, want %q", tt.service, s.Restart, tt.restart)
			}
		})
	}

	server := composeService(t, p, "server")
	published := false
	for _, port := range server.Ports {
		if port.Target == 8080 && port.Published == "8080" {
			published = true
		}
	}
	if !published {
		t.Errorf("server ports: got %+v, want 8080 published as 8080", server.Ports)
	}
}

func TestComposeEnvironment(t *testing.T) {
	p := loadCompose(t)
	loaderEnv := composeService(t, p, "loader").Environment
	serverEnv := composeService(t, p, "server").Environment

	// Exactly what the configuration in cmd/geokg reads, with the defaults
	// of the compose file.
	want := map[string]string{
		"NEO4J_URI":           "bolt://neo4j:7687",
		"NEO4J_USER":          "neo4j",
		"NEO4J_PASSWORD":      "geokg-password",
		"NEO4J_DATABASE":      "neo4j",
		"GEOKG_ADDR":          ":8080",
		"GEOKG_CORS_ORIGINS":  "http://localhost:8080",
		"GEOKG_QUERY_TIMEOUT": "10s",
	}
	for name, env := range map[string]types.MappingWithEquals{"loader": loaderEnv, "server": serverEnv} {
		for k, v := range want {
			if got := env[k]; got == nil || *got != v {
				t.Errorf("%s %s: got %q, want %q", name, k, deref(got), v)
			}
		}
	}

	// Whatever else is added later, the two must agree on every setting.
	names := map[string]bool{}
	for k := range loaderEnv {
		names[k] = true
	}
	for k := range serverEnv {
		names[k] = true
	}
	for k := range names {
		if !strings.HasPrefix(k, "NEO4J_") && !strings.HasPrefix(k, "GEOKG_") {
			continue
		}
		if l, s := deref(loaderEnv[k]), deref(serverEnv[k]); l != s {
			t.Errorf("%s: got loader %q and server %q, want them identical", k, l, s)
		}
	}

	// The password the server uses is the one Neo4j is started with.
	neoAuth := deref(composeService(t, p, "neo4j").Environment["NEO4J_AUTH"])
	if got, want := neoAuth, "neo4j/"+deref(serverEnv["NEO4J_PASSWORD"]); got != want {
		t.Errorf("neo4j NEO4J_AUTH: got %q, want %q (user/password of the server)", got, want)
	}

	u, err := url.Parse(deref(serverEnv["NEO4J_URI"]))
	if err != nil {
		t.Fatalf("NEO4J_URI: %v", err)
	}
	if u.Hostname() != "neo4j" || u.Port() != "7687" {
		t.Errorf("NEO4J_URI host: got %q, want neo4j:7687", u.Host)
	}
}

func TestComposeDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	dockerfile := string(b)
	tests := []struct {
		what string
		re   string
	}{
		{"copies the corpus to /corpus", `(?m)^COPY\s+.*corpus\S*\s+/corpus/?\s*$`},
		{"copies the binary to /geokg", `(?m)^COPY\s+--from=\S+\s+\S+\s+/geokg\s*$`},
		{"builds ./cmd/geokg without cgo", `(?m)^RUN\s+CGO_ENABLED=0\s+go build\b.*-trimpath.*\./cmd/geokg`},
		{"runs on distroless nonroot", `(?m)^FROM\s+gcr\.io/distroless/static-debian12:nonroot\s*$`},
		{"has the binary as entrypoint", `(?m)^ENTRYPOINT\s+\["/geokg"\]\s*$`},
		{"serves by default", `(?m)^CMD\s+\["serve"\]\s*$`},
		{"exposes 8080", `(?m)^EXPOSE\s+8080\s*$`},
	}
	for _, tt := range tests {
		if !regexp.MustCompile(tt.re).MatchString(dockerfile) {
			t.Errorf("Dockerfile %s: got no line matching %s", tt.what, tt.re)
		}
	}
}

// deref shows an environment value; "<unset>" for a variable without one.
func deref(s *string) string {
	if s == nil {
		return "<unset>"
	}
	return *s
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
