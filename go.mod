module github.com/replyguard/replyguard

go 1.26

require (
	github.com/hack-pad/safejs v0.1.0
	github.com/syumai/workers v0.31.0
	github.com/tetratelabs/wazero v1.12.0
)

require golang.org/x/sys v0.44.0 // indirect
