package web

import (
	"net"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// The Host check. A server on 127.0.0.1 is still reachable from a web page
// the user opens elsewhere: the page's site re-points its own name at
// 127.0.0.1 (DNS rebinding) and its script then reads this API as if it
// were that site. Such a request names the attacker's host in its Host
// header, so a server that answers only for its own names is out of reach.

// checkHost refuses a request whose Host is not one of Config.AllowedHosts.
func (s *Server) checkHost() gin.HandlerFunc {
	allowed := map[string]bool{}
	for _, h := range s.cfg.AllowedHosts {
		allowed[normalHost(h)] = true
	}
	return func(c *gin.Context) {
		if len(allowed) == 0 || allowed[normalHost(c.Request.Host)] {
			c.Next()
			return
		}
		// The names allowed are not in the answer: a rebinding page can read
		// it, and the machine's addresses are no business of its.
		s.fail(c, newError(http.StatusMisdirectedRequest, "unknown host", "web.unknown-host", "host", c.Request.Host))
	}
}

// normalHost is a Host header's or an address's host, lower case, without
// port or IPv6 brackets.
func normalHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return strings.ToLower(strings.Trim(h, "[]"))
}

// LoopbackHosts are the names of this machine a server on a loopback
// address is reached by.
var LoopbackHosts = []string{"127.0.0.1", "localhost", "::1"}
