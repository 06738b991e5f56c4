package web

import (
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// The bound on expensive requests. A search, an answer or a list holds
// CPU and memory while it runs; on two cores, more of them at once finish
// no sooner, and each holds its memory the while: 64 concurrent downloads
// of every figure took a server from 258 MB to 5 GB. So at most
// Config.MaxInFlight run at once; a request that finds them all busy
// waits up to queueWait for one to end, and is then answered 503 with
// Retry-After, which a client (or a person) retries. Cheap requests —
// health, static files, the API description — are not bounded.

// queueWait is how long a request waits for a slot before a 503.
const queueWait = 2 * time.Second

// defaultMaxInFlight is two requests per core: one computing while the
// other writes its response.
func defaultMaxInFlight() int { return max(2, 2*runtime.GOMAXPROCS(0)) }

// limiter is a counting semaphore.
type limiter chan struct{}

// bounded runs the handlers after it only while it holds a slot.
func (s *Server) bounded() gin.HandlerFunc {
	slots := make(limiter, s.cfg.MaxInFlight)
	return func(c *gin.Context) {
		select {
		case slots <- struct{}{}:
		default:
			wait := time.NewTimer(queueWait)
			defer wait.Stop()
			select {
			case slots <- struct{}{}:
			case <-wait.C:
				s.busy(c)
				return
			case <-c.Request.Context().Done():
				s.fail(c, c.Request.Context().Err())
				return
			}
		}
		defer func() { <-slots }()
		c.Next()
	}
}

// busy answers 503 with Retry-After.
func (s *Server) busy(c *gin.Context) {
	c.Header("Retry-After", strconv.Itoa(int(queueWait/time.Second)))
	s.fail(c, newError(http.StatusServiceUnavailable, "busy", "error.busy"))
}
