package fakediscord

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/claimbot/claimbot/internal/workspace"
)

// spec is Discord's OpenAPI document, loaded and routed once per process
// (it is 1.2 MB and takes a few hundred milliseconds).
type spec struct {
	router routers.Router
}

var specs struct {
	mu     sync.Mutex
	byPath map[string]*specLoad
}

type specLoad struct {
	once sync.Once
	spec *spec
	err  error
}

// specServer is the document's server; requests are re-addressed to it so
// that /api/v9 and /api/v10 both route.
const specServer = "https://discord.com/api/v10"

// specFor returns the loaded document, or nil (after saying why) when the
// file is not there. The default document missing fails the test under
// CLAIMBOT_REQUIRE_SHARED=1: CI has shared/, and without the document every
// request would pass unvalidated. A path the test chose may be missing.
func specFor(t testing.TB, path string) *spec {
	t.Helper()
	chosen := path != ""
	if !chosen {
		path = defaultSpecPath()
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if !chosen && workspace.Required() {
			t.Fatalf("fakediscord: %s=1 but Discord's OpenAPI spec is absent at %s", workspace.EnvRequire, path)
		}
		t.Logf("discord openapi spec not found at %s; skipping validation", path)
		return nil
	}
	specs.mu.Lock()
	if specs.byPath == nil {
		specs.byPath = map[string]*specLoad{}
	}
	l := specs.byPath[path]
	if l == nil {
		l = &specLoad{}
		specs.byPath[path] = l
	}
	specs.mu.Unlock()
	l.once.Do(func() { l.spec, l.err = loadSpec(path) })
	if l.err != nil {
		t.Errorf("fakediscord: loading Discord's OpenAPI spec %s: %v", path, l.err)
		return nil
	}
	return l.spec
}

// defaultSpecPath is <repo>/../shared/discord-api-spec/openapi.json.
func defaultSpecPath() string {
	p, _ := workspace.Shared(filepath.Join("discord-api-spec", "openapi.json"))
	return p
}

func loadSpec(path string) (*spec, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	if err := relaxPermissions(doc); err != nil {
		return nil, err
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &spec{router: router}, nil
}

// relaxPermissions lets default_member_permissions be a string of digits.
// Discord documents it as a string and discordgo sends one, but the
// document types it as an integer. This is the only change made to it.
func relaxPermissions(doc *openapi3.T) error {
	digits := openapi3.NewStringSchema().WithPattern(`^[0-9]{1,20}$`)
	patched := 0
	for _, name := range []string{"ApplicationCommandCreateRequest", "ApplicationCommandUpdateRequest", "ApplicationCommandPatchRequestPartial"} {
		ref := doc.Components.Schemas[name]
		if ref == nil || ref.Value == nil || ref.Value.Properties["default_member_permissions"] == nil {
			continue
		}
		orig := ref.Value.Properties["default_member_permissions"]
		ref.Value.Properties["default_member_permissions"] = openapi3.NewSchemaRef("", &openapi3.Schema{
			AnyOf: openapi3.SchemaRefs{orig, openapi3.NewSchemaRef("", digits)},
		})
		patched++
	}
	if patched == 0 {
		return fmt.Errorf("no default_member_permissions property found to relax; has the document changed?")
	}
	return nil
}

// knows reports whether Discord has a route for the path (without /api/vN).
func (sp *spec) knows(method, path string) bool {
	r, err := http.NewRequest(method, specServer+path, nil)
	if err != nil {
		return false
	}
	_, _, err = sp.router.FindRoute(r)
	return err == nil || errors.Is(err, routers.ErrMethodNotAllowed)
}

// validate checks one request against the document and returns what is
// wrong, one line per problem; unauthorized when the credentials are.
func (sp *spec) validate(req *Request, path string) (problems []string, unauthorized bool) {
	u := specServer + path
	if q := req.Query.Encode(); q != "" {
		u += "?" + q
	}
	hr, err := http.NewRequest(req.Method, u, bytes.NewReader(req.Body))
	if err != nil {
		return []string{err.Error()}, false
	}
	hr.Header = req.Header.Clone()
	if req.Files != nil || strings.HasPrefix(hr.Header.Get("Content-Type"), "multipart/form-data") {
		// The payload_json part carries what the JSON schema describes.
		hr.Header.Set("Content-Type", "application/json")
	}
	if len(req.Body) == 0 {
		hr.Body, hr.ContentLength = http.NoBody, 0
	}
	route, params, err := sp.router.FindRoute(hr)
	if err != nil {
		return []string{"not a route in Discord's OpenAPI document: " + err.Error()}, false
	}
	if route.Operation.OperationID != req.Operation {
		problems = append(problems, fmt.Sprintf("the fake routes this as %q but the document calls it %q (fix rest.go)", req.Operation, route.Operation.OperationID))
	}
	err = openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: hr, PathParams: params, Route: route,
		Options: &openapi3filter.Options{MultiError: true, AuthenticationFunc: botTokenAuth},
	})
	var secErr *openapi3filter.SecurityRequirementsError
	return append(problems, summarize(err)...), errors.As(err, &secErr)
}

// botTokenAuth accepts the bot's own token ("Bot ..."), the only way this
// bot authenticates.
func botTokenAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if in.SecuritySchemeName != "BotToken" {
		return fmt.Errorf("the bot has no %s credentials", in.SecuritySchemeName)
	}
	h := in.RequestValidationInput.Request.Header.Get("Authorization")
	switch {
	case h == "":
		return fmt.Errorf(`no Authorization header; it must be "Bot <token>"`)
	case !strings.HasPrefix(h, "Bot ") || strings.TrimSpace(h[len("Bot "):]) == "":
		// The value is not quoted back: it is a credential.
		return fmt.Errorf(`the Authorization header must be "Bot <token>"`)
	}
	return nil
}

// summarize turns kin-openapi's error into one readable line. A failing
// anyOf union reports every alternative: wrong "type" discriminators, type
// mismatches ("got object, want null"), properties only other members have.
// So problems are ranked and only the most telling rank is shown: broken
// limits and patterns first, then missing or extra properties, then the
// rest.
func summarize(err error) []string {
	if err == nil {
		return nil
	}
	ranked := make([][]string, 3)
	seen := map[string]bool{}
	for _, msg := range leafMessages(err, "") {
		if seen[msg] {
			continue
		}
		seen[msg] = true
		r := 2
		switch {
		case limitBroken.MatchString(msg):
			r = 0
		case propertyProblem.MatchString(msg):
			r = 1
		}
		ranked[r] = append(ranked[r], msg)
	}
	var shown []string
	for _, msgs := range ranked {
		if len(msgs) > 0 {
			shown = msgs
			break
		}
	}
	const maxShown = 4
	if len(shown) > maxShown {
		shown = append(shown[:maxShown], fmt.Sprintf("and %d more", len(shown)-maxShown))
	}
	return []string{strings.Join(shown, "; ")}
}

var (
	// atPath picks "at '/data/choices': maxItems: got 26, want 25" out of
	// a schema error, without the schema and value dumps that follow.
	atPath          = regexp.MustCompile(`at '([^']*)': (.*?)(?: Schema:| Value:|$)`)
	limitBroken     = regexp.MustCompile(`(max|min)(Items|Length|imum|Properties)|does not match pattern|security requirements`)
	propertyProblem = regexp.MustCompile(`missing propert|additionalProperties|not allowed`)
)

func leafMessages(err error, where string) []string {
	switch e := err.(type) {
	case openapi3.MultiError:
		var out []string
		for _, sub := range e {
			out = append(out, leafMessages(sub, where)...)
		}
		return out
	case *openapi3filter.RequestError:
		if e.Parameter != nil {
			where = e.Parameter.In + " parameter " + e.Parameter.Name
		}
		if e.Err != nil {
			return leafMessages(e.Err, where)
		}
	}
	var nested openapi3.MultiError // e.g. inside a SchemaError for an anyOf
	if errors.As(err, &nested) {
		return leafMessages(nested, where)
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if m := atPath.FindStringSubmatch(msg); m != nil {
		path := where + m[1]
		if path == "" {
			path = "/"
		}
		return []string{path + ": " + m[2]}
	}
	const maxLen = 300
	if len(msg) > maxLen {
		cut := maxLen
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + " …"
	}
	if where != "" {
		msg = where + ": " + msg
	}
	return []string{msg}
}
