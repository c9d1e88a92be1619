#!/usr/bin/env bash
# ReplyGuard build and test driver.
#   ./build.sh          build everything: CLI, engine.wasm, the extension (dist/ and zip)
#   ./build.sh test     build, then run every test: Go (native + wasm parity), Node, Chromium
#   ./build.sh bench    run the benchmarks (Go, Node; browser benchmark with the browser suite)
#   ./build.sh demo     open Chromium with the extension on the local fixture pages
#   ./build.sh worker   build the policy server's Cloudflare Worker into cmd/worker/build/
#   ./build.sh train    retrain the learned scorer on core/testdata/corpus/*.jsonl -> core/score/weights_gen.go
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log() { printf '\n== %s\n' "$*" >&2; }

build_cli() {
	log "go build ./cmd/replyguard -> bin/replyguard"
	mkdir -p bin
	go build -trimpath -o bin/replyguard ./cmd/replyguard
}

build_wasm() {
	[ -f wasm/main.go ] || return 0
	npm_install # wasm-opt comes from the npm package binaryen
	log "engine.wasm (GOOS=wasip1 reactor, direct jumps, then wasm-opt)"
	local flags opt
	mapfile -t flags < <(grep -v '^#' wasm/build-flags.txt | grep .)
	mapfile -t opt < <(grep -v '^#' wasm/wasm-opt-flags.txt | grep .)
	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -trimpath -ldflags='-s -w' "${flags[@]}" -o wasm/engine.go.wasm ./wasm
	# Go's jumps through the function's dispatch loop become direct branches
	# where provable (internal/wasmjump), before wasm-opt sees them.
	go run -trimpath ./cmd/replyguard-wasmjump wasm/engine.go.wasm wasm/engine.jmp.wasm
	node node_modules/binaryen/bin/wasm-opt "${opt[@]}" wasm/engine.jmp.wasm -o wasm/engine.opt.wasm
	node scripts/pack-data.mjs wasm/engine.opt.wasm wasm/engine.wasm
	rm wasm/engine.go.wasm wasm/engine.jmp.wasm wasm/engine.opt.wasm
	printf '   %s bytes, %s gzip -9\n' "$(wc -c <wasm/engine.wasm)" "$(gzip -9c wasm/engine.wasm | wc -c)" >&2
}

npm_install() {
	[ -f package-lock.json ] || return 0
	# Reinstall only when the lock file changed since the last install.
	if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.replyguard-lock; then
		log "npm ci"
		npm ci --no-audit --no-fund
		cp package-lock.json node_modules/.replyguard-lock
	fi
}

build_extension() {
	[ -f manifest.json ] || return 0
	npm_install
	if [ -f scripts/build-extension.mjs ]; then
		log "extension -> dist/ and dist/replyguard-extension.zip"
		node scripts/build-extension.mjs
	fi
}

# build_worker: the policy server as a Cloudflare Worker (syumai/workers,
# GOOS=js), for wrangler deploy and the workerd tests.
build_worker() {
	[ -d cmd/worker ] || return 0
	log "Worker (GOOS=js) -> cmd/worker/build/"
	go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o cmd/worker/build
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o cmd/worker/build/app.wasm ./cmd/worker
	printf '   %s bytes, %s gzip -9\n' "$(wc -c <cmd/worker/build/app.wasm)" "$(gzip -9c cmd/worker/build/app.wasm | wc -c)" >&2
}

build_all() {
	build_cli
	build_wasm
	build_extension
}

test_go() {
	log "go vet + go test (native, and engine.wasm through wazero)"
	go vet ./...
	GOOS=wasip1 GOARCH=wasm go vet ./core/ ./wasm/ 2>/dev/null || GOOS=wasip1 GOARCH=wasm go vet ./core/
	[ -d cmd/worker ] && GOOS=js GOARCH=wasm go vet ./cmd/worker
	go test -count=1 -timeout 30m ./...
}

test_node() {
	compgen -G "extension/**/*.test.mjs" >/dev/null || compgen -G "extension/*/*.test.mjs" >/dev/null || return 0
	log "node --test (engine.js and extension modules)"
	node --test extension/*/*.test.mjs scripts/*.test.mjs
}

test_browser() {
	compgen -G "tests/browser/*.test.mjs" >/dev/null || return 0
	log "browser suite (Playwright + Debian chromium, headless)"
	node --test --test-concurrency=1 --test-timeout=600000 tests/browser/*.test.mjs
}

case "${1:-build}" in
build) build_all ;;
test)
	build_all
	build_worker
	test_go
	test_node
	test_browser
	;;
bench)
	build_all
	go test -run '^$' -bench . -benchmem ./...
	[ -f extension/engine/bench.mjs ] && node extension/engine/bench.mjs
	[ -f extension/engine/bench-peer.mjs ] && node extension/engine/bench-peer.mjs
	;;
demo)
	build_all
	node tests/browser/demo.mjs
	;;
worker) build_worker ;;
train)
	# Deterministic: the same corpus gives the same weights file
	# (TestTrainingReproducesWeights checks the checked-in one).
	log "train the scorer: core/testdata/corpus/*.jsonl -> core/score/weights_gen.go"
	go run -trimpath ./cmd/replyguard-train -corpus core/testdata/corpus -out core/score/weights_gen.go
	;;
*)
	echo "usage: ./build.sh [build|test|bench|demo|worker|train]" >&2
	exit 2
	;;
esac
