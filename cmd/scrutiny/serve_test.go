package main

import (
	"net"
	"scrutiny/internal/testkit"
	"strings"
	"testing"
)

func TestLoopback(t *testing.T) {
	for _, c := range []struct {
		ip   string
		want bool
	}{{"127.0.0.1", true}, {"127.8.9.10", true}, {"::1", true}, {"0.0.0.0", false}, {"::", false}, {"192.0.2.7", false}} {
		if got := loopback(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8080}); got != c.want {
			t.Errorf("loopback(%s) = %v, want %v", c.ip, got, c.want)
		}
	}
}

func TestServeUsage(t *testing.T) {
	db := testkit.SeededFile(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", db, "extra"}, exitUsage, "unexpected argument"},
		{[]string{"serve", "--db", db + ".missing", "--addr", "127.0.0.1:0"}, exitFatal, "missing"},
		{[]string{"serve", "--db", db, "--addr", "not an address"}, exitFatal, "serve"},
	} {
		code, _, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %d with %q", c.args[3:], code, errs, c.code, c.want)
		}
	}
}
