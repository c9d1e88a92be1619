package policyserver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/replyguard/replyguard/core/bundle"
)

// MaxBundleBytes bounds a published bundle, as the extension bounds a fetch.
const MaxBundleBytes = bundle.MaxSize

// Options tune a handler; the zero value serves local use.
type Options struct {
	// Limiter slows addresses that keep failing authentication; nil keeps
	// counts in memory.
	Limiter Limiter
	// ClientAddr names the client for the limiter; nil uses the connection's
	// remote address. Behind a proxy, pass one that reads its header.
	ClientAddr func(*http.Request) string
	// Sleep waits out a slow-down; nil sleeps (tests record instead).
	Sleep func(ctx context.Context, d time.Duration)
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Logf reports publications and store failures; nil is silent. It is
	// never given a token or a request body.
	Logf func(format string, args ...any)
}

type server struct {
	store Store
	opt   Options
}

// New returns the policy server's handler over store.
func New(store Store, opt Options) http.Handler {
	if opt.Limiter == nil {
		opt.Limiter = NewMemoryLimiter()
	}
	if opt.ClientAddr == nil {
		opt.ClientAddr = remoteHost
	}
	if opt.Sleep == nil {
		opt.Sleep = sleep
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	s := &server{store: store, opt: opt}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/v1/orgs/{org}/policy", s.policy)
	mux.HandleFunc("/v1/orgs/{org}/policy/versions", s.versions)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint (see /v1/orgs/{org}/policy)")
	})
	return mux
}

func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, "method not allowed (use "+allow+")")
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

// role is which token a request needs.
type role int

const (
	readRole role = iota
	publishRole
)

// authorize finds the organisation and checks the bearer token. On failure
// it has answered and returns nil. Addresses with repeated failures wait
// before their token is even looked at.
func (s *server) authorize(w http.ResponseWriter, r *http.Request, need role) *Org {
	ctx := r.Context()
	addr := s.opt.ClientAddr(r)
	if d := SlowDown(s.opt.Limiter.Failures(ctx, addr)); d > 0 {
		s.opt.Sleep(ctx, d)
	}
	name := r.PathValue("org")
	if !ValidOrgName(name) {
		writeError(w, http.StatusNotFound, "no such organisation")
		return nil
	}
	org, err := s.store.Org(ctx, name)
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "no such organisation")
		return nil
	}
	if err != nil {
		s.storeFailed(w, "reading organisation "+name, err)
		return nil
	}
	token, ok := bearer(r)
	want, what := org.ReadTokenHash, "read"
	if need == publishRole {
		want, what = org.PublishTokenHash, "publish"
	}
	if !ok || !tokenMatches(token, want) {
		s.opt.Limiter.Fail(ctx, addr)
		w.Header().Set("WWW-Authenticate", `Bearer realm="replyguard"`)
		if !ok {
			writeError(w, http.StatusUnauthorized, "missing bearer token (Authorization: Bearer <"+what+" token>)")
		} else {
			writeError(w, http.StatusUnauthorized, "wrong token: this needs the organisation's "+what+" token")
		}
		return nil
	}
	return org
}

func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	return strings.TrimSpace(h[len(prefix):]), true
}

func (s *server) storeFailed(w http.ResponseWriter, what string, err error) {
	s.opt.Logf("policy server: %s: %v", what, err)
	writeError(w, http.StatusInternalServerError, "storage failed; try again")
}

// allowCORS lets a browser extension without a host permission for the
// server read its answers: access needs the bearer token, never a cookie,
// so any origin may ask.
func allowCORS(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "ETag")
	if r.Method != http.MethodOptions {
		return false
	}
	h.Set("Access-Control-Allow-Methods", "GET, PUT")
	h.Set("Access-Control-Allow-Headers", "Authorization, If-None-Match, Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return true
}

func (s *server) policy(w http.ResponseWriter, r *http.Request) {
	if allowCORS(w, r) {
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		s.get(w, r)
	case http.MethodPut:
		s.put(w, r)
	default:
		methodNotAllowed(w, "GET, PUT")
	}
}

func (s *server) get(w http.ResponseWriter, r *http.Request) {
	org := s.authorize(w, r, readRole)
	if org == nil {
		return
	}
	cur, err := s.store.Current(r.Context(), org.Name)
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "nothing published yet for "+org.Name)
		return
	}
	if err != nil {
		s.storeFailed(w, "reading the policy of "+org.Name, err)
		return
	}
	h := w.Header()
	h.Set("ETag", cur.ETag)
	// Browsers may keep a copy but must ask again each time (with
	// If-None-Match); private because a token was needed.
	h.Set("Cache-Control", "private, no-cache")
	h.Set("Last-Modified", cur.PublishedAt.UTC().Format(http.TimeFormat))
	if etagMatches(r.Header.Get("If-None-Match"), cur.ETag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(cur.Bundle)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.WriteString(w, cur.Bundle)
	}
}

// etagMatches implements If-None-Match's weak comparison over a list.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func (s *server) put(w http.ResponseWriter, r *http.Request) {
	org := s.authorize(w, r, publishRole)
	if org == nil {
		return
	}
	if r.ContentLength > MaxBundleBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "bundle larger than "+strconv.Itoa(MaxBundleBytes>>10)+" KB")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBundleBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "bundle larger than "+strconv.Itoa(MaxBundleBytes>>10)+" KB")
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "could not read the request body")
		return
	}
	pub, err := bundle.ParsePublicKey(org.PublicKey)
	if err != nil {
		s.storeFailed(w, "public key of "+org.Name, err)
		return
	}
	var inForce int64
	cur, err := s.store.Current(r.Context(), org.Name)
	switch {
	case err == nil:
		inForce = cur.Serial
	case !errors.Is(err, ErrNotFound):
		s.storeFailed(w, "reading the policy of "+org.Name, err)
		return
	}
	opened, err := bundle.Open(body, pub, inForce)
	if err != nil {
		writeError(w, bundleStatus(err), err.Error())
		return
	}
	p := &Published{
		Version: Version{
			Serial:      opened.Serial,
			ETag:        ETag(body),
			KeyID:       opened.KeyID,
			IssuedAt:    opened.IssuedAt,
			PublishedAt: s.opt.Now().UTC().Truncate(time.Second),
			Size:        len(body),
		},
		Bundle: string(body),
	}
	err = s.store.Publish(r.Context(), org.Name, p)
	if errors.Is(err, ErrStale) {
		writeError(w, http.StatusConflict, "serial: "+strconv.FormatInt(p.Serial, 10)+" is not above the current serial")
		return
	}
	if err != nil {
		s.storeFailed(w, "publishing for "+org.Name, err)
		return
	}
	s.opt.Logf("policy server: %s published serial %d (%q, %d bytes)", org.Name, p.Serial, opened.Policy.Name, len(body))
	writeJSON(w, http.StatusOK, map[string]any{"serial": p.Serial, "etag": p.ETag})
}

// bundleStatus maps what is wrong with a bundle to the API's status codes.
func bundleStatus(err error) int {
	var be *bundle.Error
	if !errors.As(err, &be) {
		return http.StatusBadRequest
	}
	switch be.Kind {
	case bundle.KindSerial:
		return http.StatusConflict
	case bundle.KindFormat:
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity // key id, signature, policy
}

func (s *server) versions(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		methodNotAllowed(w, "GET")
		return
	}
	org := s.authorize(w, r, publishRole)
	if org == nil {
		return
	}
	vs, err := s.store.Versions(r.Context(), org.Name)
	if err != nil {
		s.storeFailed(w, "listing versions of "+org.Name, err)
		return
	}
	if vs == nil {
		vs = []Version{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"org": org.Name, "versions": vs})
}
