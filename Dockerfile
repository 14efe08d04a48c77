# Image for the geokg binary (serve, load, extract).
#
#   docker build -t geokg .
#   docker run --rm -p 8080:8080 -e NEO4J_URI=bolt://host:7687 geokg
#   docker run --rm geokg extract /corpus/articles.jsonl
#
# docker-compose.yml builds this image for the `loader` and `server` services.

# Build stage: the Go version matches the go directive in go.mod.
FROM golang:1.26 AS build
WORKDIR /src

# Dependencies first, so that source changes reuse the module cache layer.
COPY go.mod go.sum ./
RUN go mod download

COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/geokg ./cmd/geokg

# Runtime stage: a static binary on distroless, running as the nonroot user
# (uid 65532). There is no shell in this image.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/geokg /geokg
# The sample corpus, for `geokg load /corpus` (articles only, not the README).
COPY corpus/*.txt corpus/*.jsonl /corpus/
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/geokg"]
CMD ["serve"]
