package ingest

import (
	"net/netip"
	"strings"
	"testing"
)

func TestForbidden(t *testing.T) {
	tests := []struct {
		ip           string
		allowPrivate bool
		want         string // "" = allowed
	}{
		{"93.184.215.14", false, ""},
		{"2a00:1450:4001:82b::200e", false, ""},
		{"127.0.0.1", false, "loopback"},
		{"127.8.9.10", false, "loopback"},
		{"::1", false, "loopback"},
		{"::ffff:127.0.0.1", false, "loopback"},
		{"10.1.2.3", false, "private"},
		{"172.16.0.1", false, "private"},
		{"192.168.178.1", false, "private"},
		{"fc00::1", false, "private"},
		{"169.254.1.1", false, "link-local"},
		{"fe80::1", false, "link-local"},
		{"100.64.0.1", false, "carrier-grade NAT"},
		{"100.127.255.254", false, "carrier-grade NAT"},
		{"169.254.169.254", false, "cloud metadata"},
		{"169.254.169.254", true, "cloud metadata"},
		{"fd00:ec2::254", false, "cloud metadata"},
		{"fd00:ec2::254", true, "cloud metadata"},
		{"::ffff:169.254.169.254", true, "cloud metadata"},
		{"0.0.0.0", false, "unspecified"},
		{"::", true, "unspecified"},
		{"224.0.0.1", true, "multicast or broadcast"},
		{"255.255.255.255", true, "multicast or broadcast"},
		{"240.0.0.1", false, "reserved"},
		{"198.18.0.1", false, "benchmarking"},
		{"64:ff9b::7f00:1", false, "loopback"},         // NAT64 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", true, "cloud metadata"}, // NAT64 of 169.254.169.254
		{"2002:7f00:1::", false, "loopback"},           // 6to4 of 127.0.0.1
		{"127.0.0.1", true, ""},
		{"10.1.2.3", true, ""},
		{"100.64.0.1", true, ""},
	}
	for _, tt := range tests {
		if got := forbidden(netip.MustParseAddr(tt.ip), tt.allowPrivate); got != tt.want {
			t.Errorf("forbidden(%s, allowPrivate=%v) = %q, want %q", tt.ip, tt.allowPrivate, got, tt.want)
		}
	}
}

// TestControl checks the dialer's last line of defence, which sees the
// socket address itself.
func TestControl(t *testing.T) {
	tests := []struct {
		addr         string
		allowPrivate bool
		want         string // substring of the error; "" = allowed
	}{
		{"93.184.215.14:443", false, ""},
		{"127.0.0.1:80", false, "127.0.0.1 is a loopback address"},
		{"[fd00:ec2::254]:80", true, "cloud metadata"},
		{"127.0.0.1:80", true, ""},
		{"nonsense", false, "cannot check address"},
	}
	for _, tt := range tests {
		ing := New(Options{AllowPrivate: tt.allowPrivate})
		err := ing.control("tcp", tt.addr, nil)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("control(%s) = %v, want allowed", tt.addr, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("control(%s) = %v, want %q", tt.addr, err, tt.want)
		}
	}
}
