//go:build wasip1 && stageprobe

package main

// Stage probes, built only with -tags stageprobe (never into engine.wasm):
// they time the parts of a JSON check separately from JavaScript and read
// the Go GC's counters. probe(ptr, len, mode) runs a request in a buffer
// from alloc up to a stage: 0 decode the JSON, 1 and check, 2 and convert
// to UTF-16 spans, 3 and write the JSON; 9 runs a full collection.
// probe_gc(n) reads runtime.MemStats: 0 NumGC, 1 PauseTotalNs, 2 HeapAlloc,
// 3 Sys, 4 Mallocs, 5 TotalAlloc, else NextGC. README "Speed in V8" shows
// how the figures there were taken.

import (
	"runtime"

	"github.com/replyguard/replyguard/core"
)

var probeOut []byte

//go:wasmexport probe
func probe(ptr, size, mode uint32) uint32 {
	if mode == 9 {
		runtime.GC()
		return 0
	}
	in := buffers[ptr][:size]
	req, _ := core.DecodeRequest(in)
	if mode == 0 {
		return 0
	}
	reqIn, _ := req.Input()
	res := activeEngine().Check(reqIn)
	if mode == 1 {
		return uint32(len(res.Findings))
	}
	r := core.ToResponse(req.ID, req.Text, res)
	if mode == 2 {
		return uint32(len(r.Findings))
	}
	probeOut, _ = r.AppendJSON(probeOut[:0])
	return uint32(len(probeOut))
}

var ms runtime.MemStats

//go:wasmexport probe_gc
func probeGC(what uint32) uint64 {
	runtime.ReadMemStats(&ms)
	switch what {
	case 0:
		return uint64(ms.NumGC)
	case 1:
		return ms.PauseTotalNs
	case 2:
		return ms.HeapAlloc
	case 3:
		return ms.Sys
	case 4:
		return ms.Mallocs
	case 5:
		return ms.TotalAlloc
	}
	return ms.NextGC
}
