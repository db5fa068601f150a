// Package ingest grows the corpus from the web: it fetches article pages and
// RSS/Atom feeds, extracts the main text and metadata of a page with a
// readability port, and turns it into the Markdown-with-front-matter article
// file that package articles parses. It also accepts uploaded files.
//
// Fetching is the dangerous part of a bot that strangers can hand URLs to,
// so every request goes through one client that only speaks http(s), checks
// every address it connects to (after DNS resolution, on every redirect, in
// the dialer so DNS rebinding cannot slip past), caps size, time and
// redirects, and accepts only text content types.
//
// The caller owns the corpus: FetchArticle and FromFile return a Fetched
// file for library.Add, which refuses an article it has already. The Poller
// hands each new feed item to a callback that does the same, and remembers
// per guild what became of each item.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/claimbot/claimbot"
)

// Defaults for Options.
const (
	DefaultMaxBytes     = 5 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultMinTextRunes = 200
	DefaultUserAgent    = "claimbot/1 (news claim lookup)"
)

// AllowPrivateEnv is the environment variable that lets the application
// fetch from private addresses (a test setup or an intranet news archive).
const AllowPrivateEnv = "CLAIMBOT_ALLOW_PRIVATE_FETCH"

// AllowPrivateFromEnv reports whether CLAIMBOT_ALLOW_PRIVATE_FETCH=1; the app
// passes it to Options.AllowPrivate so the package itself reads no globals.
func AllowPrivateFromEnv() bool { return os.Getenv(AllowPrivateEnv) == "1" }

// Resolver looks up the addresses of a host name; tests inject one so that
// names resolve without DNS.
type Resolver func(ctx context.Context, host string) ([]netip.Addr, error)

// DialFunc connects to an address that has already passed the address check
// ("ip:port"). Tests inject one to reach an httptest server under a public
// looking address; the default is a net.Dialer that checks the address again
// in its Control hook.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// Options configure an Ingester. The zero value is safe: public addresses
// only, 5 MiB, 30 s, 5 redirects.
type Options struct {
	// AllowPrivate permits loopback, private, link-local and CGNAT addresses
	// (never the cloud metadata addresses). Off in production.
	AllowPrivate bool
	MaxBytes     int64         // per response; default DefaultMaxBytes
	Timeout      time.Duration // per request, including redirects; default DefaultTimeout
	MaxRedirects int           // default DefaultMaxRedirects
	MinTextRunes int           // less extracted text than this is not an article; default DefaultMinTextRunes
	UserAgent    string
	Logger       *slog.Logger

	Resolver Resolver // default: net.DefaultResolver
	Dial     DialFunc // default: net.Dialer with an address check in Control
}

// Ingester fetches and converts articles. It is safe for concurrent use.
type Ingester struct {
	opts   Options
	client *http.Client
	log    *slog.Logger
}

// New returns an Ingester.
func New(opts Options) *Ingester {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.MinTextRunes <= 0 {
		opts.MinTextRunes = DefaultMinTextRunes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Resolver == nil {
		opts.Resolver = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	ing := &Ingester{opts: opts, log: opts.Logger}
	if opts.Dial == nil {
		d := &net.Dialer{Timeout: opts.Timeout, Control: ing.control}
		ing.opts.Dial = d.DialContext
	}
	transport := &http.Transport{
		// No proxy: a proxy would connect to the target for us and the
		// address check below would only ever see the proxy.
		Proxy:                 nil,
		DialContext:           ing.dialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
	}
	ing.client = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return &refusedError{reason: fmt.Sprintf("it redirects more than %d times", opts.MaxRedirects), text: claimbot.T(msgTooManyRedirects, opts.MaxRedirects), whole: true}
			}
			if err := checkScheme(req.URL); err != nil {
				return err
			}
			return nil
		},
	}
	return ing
}

// Timeout is the longest one fetch may take (Options.Timeout), so that a
// shutdown can wait for a fetch in flight instead of abandoning it.
func (ing *Ingester) Timeout() time.Duration { return ing.opts.Timeout }

// refusedError is a request the safety rules forbid; it is the user's input
// that is wrong, so it maps to EINVALID.
type refusedError struct {
	reason string
	text   claimbot.Text // reason, for people in their language
	whole  bool          // about the redirect chain, not its last URL
}

func (e *refusedError) Error() string { return e.reason }

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "http", "https":
	default:
		return &refusedError{reason: fmt.Sprintf("only http and https URLs can be fetched, not %q", u.Scheme), text: claimbot.T(msgOnlyHTTP, u.Scheme)}
	}
	if u.Host == "" {
		return &refusedError{reason: "the URL has no host", text: claimbot.T(msgNoHost)}
	}
	if u.User != nil {
		return &refusedError{reason: "URLs with a user name or password are not fetched", text: claimbot.T(msgNoUserinfo)}
	}
	return nil
}

// dialContext resolves the host itself, refuses forbidden addresses and
// dials the checked IP, so the address that is checked is the address that
// is used (no second lookup that DNS rebinding could answer differently).
func (ing *Ingester) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	resolved := true
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		ips = []netip.Addr{ip}
		resolved = false
	} else {
		ips, err = ing.opts.Resolver(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("cannot resolve %s: %w", host, err)
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("cannot resolve %s: no addresses", host)
		}
	}
	// Every address must be allowed: refusing only some would let an
	// attacker's DNS answer steer us to the private one by ordering.
	for _, ip := range ips {
		if reason := forbidden(ip, ing.opts.AllowPrivate); reason != "" {
			if resolved {
				return nil, &refusedError{reason: fmt.Sprintf("%s resolves to %s, which is a %s address%s", host, ip.Unmap(), reason, allowHint(reason)),
					text: claimbot.T(msgResolvesTo, host, ip.Unmap().String(), claimbot.T(addressKinds[reason]), allowHintText(reason))}
			}
			return nil, &refusedError{reason: fmt.Sprintf("%s is a %s address%s", ip.Unmap(), reason, allowHint(reason)),
				text: claimbot.T(msgIsAddress, ip.Unmap().String(), claimbot.T(addressKinds[reason]), allowHintText(reason))}
		}
	}
	var lastErr error
	for _, ip := range ips {
		conn, err := ing.opts.Dial(ctx, network, netip.AddrPortFrom(ip.Unmap(), parsePort(port)).String())
		if err == nil {
			return conn, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

func parsePort(s string) uint16 {
	p, _ := strconv.ParseUint(s, 10, 16) // the transport always passes a valid port
	return uint16(p)
}

// control runs on the raw socket address just before connect: the last
// line of defence should anything hand the dialer a name or an address that
// did not pass dialContext.
func (ing *Ingester) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &refusedError{reason: fmt.Sprintf("cannot check address %s", address), text: claimbot.T(msgCannotCheck, address)}
	}
	if reason := forbidden(ap.Addr(), ing.opts.AllowPrivate); reason != "" {
		return &refusedError{reason: fmt.Sprintf("%s is a %s address%s", ap.Addr().Unmap(), reason, allowHint(reason)),
			text: claimbot.T(msgIsAddress, ap.Addr().Unmap().String(), claimbot.T(addressKinds[reason]), allowHintText(reason))}
	}
	return nil
}

var (
	metadataAddrs = []netip.Addr{
		netip.MustParseAddr("169.254.169.254"), // AWS, GCP, Azure, OpenStack
		netip.MustParseAddr("fd00:ec2::254"),   // AWS over IPv6
		netip.MustParseAddr("100.100.100.200"), // Alibaba Cloud
	}
	cgnat     = netip.MustParsePrefix("100.64.0.0/10")
	thisNet   = netip.MustParsePrefix("0.0.0.0/8")
	benchmark = netip.MustParsePrefix("198.18.0.0/15")
	reserved  = netip.MustParsePrefix("240.0.0.0/4")
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// allowHint says how an operator allows an address that is refused only
// because it is not public; cloud metadata is never allowed.
func allowHint(reason string) string {
	if reason == "cloud metadata" {
		return ""
	}
	return " (the bot's operator can allow private addresses with " + AllowPrivateEnv + "=1, for tests or an intranet archive)"
}

// allowHintText is allowHint for people.
func allowHintText(reason string) claimbot.Text {
	if reason == "cloud metadata" {
		return claimbot.Text{} // renders as ""
	}
	return claimbot.T(msgAllowHint, AllowPrivateEnv)
}

// forbidden returns why ip must not be fetched from, or "" when it may.
// Metadata services are refused even with allowPrivate: they hand out cloud
// credentials and no test or intranet archive lives there.
func forbidden(ip netip.Addr, allowPrivate bool) string {
	ip = ip.Unmap()
	for _, m := range metadataAddrs {
		if ip == m {
			return "cloud metadata"
		}
	}
	// Addresses that embed an IPv4 address are judged by the embedded one.
	if ip.Is6() && (nat64.Contains(ip) || sixToFour.Contains(ip)) {
		b := ip.As16()
		var v4 [4]byte
		if nat64.Contains(ip) {
			copy(v4[:], b[12:])
		} else {
			copy(v4[:], b[2:6])
		}
		if reason := forbidden(netip.AddrFrom4(v4), allowPrivate); reason != "" {
			return reason
		}
	}
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsUnspecified(), thisNet.Contains(ip):
		return "unspecified"
	case ip.IsMulticast(), ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "multicast or broadcast"
	case reserved.Contains(ip):
		return "reserved"
	}
	if allowPrivate {
		return ""
	}
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsPrivate():
		return "private"
	case cgnat.Contains(ip):
		return "carrier-grade NAT"
	case benchmark.Contains(ip):
		return "benchmarking"
	}
	return ""
}

// response is a fetched body with what the callers need from the headers.
type response struct {
	URL          *url.URL // final URL after redirects
	Status       int
	ContentType  string // media type, lower case, without parameters
	Charset      string
	ETag         string
	LastModified string
	Body         []byte
}

// get fetches rawURL. accept lists the media types the caller can use;
// header adds request headers (conditional GETs). A 304 is returned as a
// response with Status 304 and no body.
func (ing *Ingester) get(ctx context.Context, rawURL string, accept []string, header http.Header) (*response, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, claimbot.Errorf(claimbot.EINVALID, "%s is not a valid URL", rawURL).Say(msgNotValidURL, rawURL)
	}
	req.Header.Set("User-Agent", ing.opts.UserAgent)
	req.Header.Set("Accept", strings.Join(accept, ", ")+", */*;q=0.1")
	req.Header.Set("Accept-Language", "de, en;q=0.5")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := ing.client.Do(req)
	if err != nil {
		return nil, ing.fetchError(ctx, u, err)
	}
	defer resp.Body.Close()

	r := &response{URL: resp.Request.URL, Status: resp.StatusCode, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		return r, nil
	case code >= 200 && code < 300:
	case code == http.StatusNotFound, code == http.StatusGone:
		return nil, claimbot.Errorf(claimbot.ENOTFOUND, "%s does not exist (the server answered %s)", u, resp.Status).Say(msgPageGone, u.String(), strconv.Itoa(code))
	case code == http.StatusTooManyRequests:
		return nil, claimbot.Errorf(claimbot.ERATELIMIT, "%s is rate limiting us (the server answered %s); try again later", u.Host, resp.Status).Say(msgRateLimited, u.Host, strconv.Itoa(code))
	case code >= 500:
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "%s is unavailable (the server answered %s); try again later", u.Host, resp.Status).Say(msgSiteDown, u.Host, strconv.Itoa(code))
	default:
		return nil, claimbot.Errorf(claimbot.EINVALID, "%s was refused by the server (%s)", u, resp.Status).Say(msgServerRefused, u.String(), strconv.Itoa(code))
	}

	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil {
		return nil, claimbot.Errorf(claimbot.EINVALID, "%s has no readable content type (%q); want %s", u, resp.Header.Get("Content-Type"), strings.Join(accept, ", ")).
			Say(msgNoContentType, u.String(), resp.Header.Get("Content-Type"), strings.Join(accept, ", "))
	}
	r.ContentType, r.Charset = strings.ToLower(mediaType), params["charset"]
	if !contains(accept, r.ContentType) {
		return nil, claimbot.Errorf(claimbot.EINVALID, "%s is %s, not one of %s", u, r.ContentType, strings.Join(accept, ", ")).Say(msgWrongType, u.String(), r.ContentType, strings.Join(accept, ", "))
	}
	if resp.ContentLength > ing.opts.MaxBytes {
		return nil, ing.tooLarge(u)
	}
	// Read one byte past the cap so "exactly the cap" and "more" differ.
	body, err := io.ReadAll(io.LimitReader(resp.Body, ing.opts.MaxBytes+1))
	if err != nil {
		return nil, ing.fetchError(ctx, u, err)
	}
	if int64(len(body)) > ing.opts.MaxBytes {
		return nil, ing.tooLarge(u)
	}
	r.Body = body
	return r, nil
}

func (ing *Ingester) tooLarge(u *url.URL) error {
	return claimbot.Errorf(claimbot.EINVALID, "%s is larger than the %s allowed", u, mib(ing.opts.MaxBytes)).Say(msgFileTooLarge, u.String(), mib(ing.opts.MaxBytes))
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fetchError turns a transport failure into a claimbot error that says in
// plain words whether the URL was refused, timed out or was unreachable.
func (ing *Ingester) fetchError(ctx context.Context, u *url.URL, err error) error {
	var refused *refusedError
	var netErr net.Error
	switch {
	case errors.As(err, &refused):
		var ue *url.Error
		if errors.As(err, &ue) && ue.URL != u.String() && !refused.whole {
			return claimbot.Errorf(claimbot.EINVALID, "refused to fetch %s: it redirects to %s, and %s", u, ue.URL, refused.reason).Say(msgRefusedVia, u.String(), ue.URL, refused.text)
		}
		return claimbot.Errorf(claimbot.EINVALID, "refused to fetch %s: %s", u, refused.reason).Say(msgRefused, u.String(), refused.text)
	case errors.Is(ctx.Err(), context.Canceled):
		return ctx.Err()
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return claimbot.Errorf(claimbot.ETIMEOUT, "%s did not answer in time", u.Host).Say(msgNoAnswer, u.Host)
	default:
		ing.log.Debug("fetch failed", "url", u.String(), "err", err)
		// The network's own words (English, from Go) stay in Message, for
		// logs and the command line's English; people read the host.
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "could not reach %s: %w", u.Host, unwrapURLError(err)).Say(msgUnreachable, u.Host)
	}
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// ParseURL checks that s is an absolute http(s) URL and returns it without
// its fragment (which never reaches the server and would defeat dedup).
func ParseURL(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || !u.IsAbs() {
		return nil, claimbot.Errorf(claimbot.EINVALID, "%q is not an absolute URL", s).Say(msgNotAbsoluteURL, s)
	}
	if err := checkScheme(u); err != nil {
		var why claimbot.Text
		if r, ok := err.(*refusedError); ok {
			why = r.text
		}
		return nil, claimbot.Errorf(claimbot.EINVALID, "refused to fetch %s: %s", s, err).Say(msgRefused, s, why)
	}
	u.Fragment, u.RawFragment = "", ""
	u.Host = strings.ToLower(u.Host)
	return u, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
