// Package loadtest is a small HTTP load generator for the policy server,
// bounded both in requests and in time, used by its benchmarks on loopback.
package loadtest

import (
	"context"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Result summarises a run.
type Result struct {
	Requests int           // completed with the expected status
	Errors   int           // transport errors or another status
	Elapsed  time.Duration //
	P50, P99 time.Duration // latency percentiles of the completed requests
}

// RPS is completed requests per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Run sends GET url with headers from `workers` goroutines until maxRequests
// have been sent or maxTime has passed, and measures each request.
func Run(ctx context.Context, url string, headers map[string]string, want, workers, maxRequests int, maxTime time.Duration) Result {
	ctx, cancel := context.WithTimeout(ctx, maxTime)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}}
	defer client.CloseIdleConnections()
	var sent atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for ctx.Err() == nil && sent.Add(1) <= int64(maxRequests) {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				for k, v := range headers {
					req.Header.Set(k, v)
				}
				t0 := time.Now()
				res, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						bad++
					}
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != want {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	r := Result{Requests: len(lat), Errors: errs, Elapsed: time.Since(start)}
	if len(lat) > 0 {
		slices.Sort(lat)
		r.P50 = lat[len(lat)*50/100]
		r.P99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return r
}
