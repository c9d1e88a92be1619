package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/replyguard/replyguard/core/bundle"
	"github.com/replyguard/replyguard/internal/policyserver"
)

const serveUsage = `Usage:
  replyguard serve [--addr ADDR] --data DIR
  replyguard serve org add [--data DIR] [--kv-record FILE] --public FILE NAME

serve runs the policy server: organisations publish signed bundles to it
(PUT /v1/orgs/NAME/policy with the publish token) and staff browsers fetch
them (GET /v1/orgs/NAME/policy with the read token). DIR keeps everything;
writes survive the process being killed at any moment. ADDR defaults to
127.0.0.1:8080. Put it behind an https reverse proxy for use beyond this
computer (browsers accept plain http only from 127.0.0.1 or localhost).

serve org add registers an organisation NAME (lower-case letters, digits and
'-') with its public key from "policy keygen", and prints once, as JSON,
{"org": NAME, "publish_token": ..., "read_token": ...}. Only hashes of the
tokens are stored: keep the output. With --kv-record FILE it also writes the
organisation's record for Workers KV (key "org/NAME"), for a server on
Cloudflare:  npx wrangler kv key put --binding POLICIES org/NAME --path FILE

Examples:
  replyguard serve org add --data /srv/replyguard --public riverside.pub riverside
  replyguard serve --addr 127.0.0.1:8080 --data /srv/replyguard
`

func runServe(args []string, stdout, stderr io.Writer) int {
	if len(args) >= 2 && args[0] == "org" && args[1] == "add" {
		return runServeOrgAdd(args[2:], stdout, stderr)
	}
	if len(args) >= 1 && args[0] == "org" {
		return usageError(stderr, "serve org", serveUsage, "unknown or missing subcommand (add)")
	}
	fs := newFlagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `ADDR` (host:port)")
	data := fs.String("data", "", "data `DIR` (created if missing)")
	pos, code, done := parseFlags(fs, args, serveUsage, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return usageError(stderr, "serve", serveUsage, "unexpected arguments %q", pos)
	}
	if *data == "" {
		return usageError(stderr, "serve", serveUsage, "missing --data DIR")
	}
	store, err := policyserver.NewFileStore(*data)
	if err != nil {
		return commandError(stderr, "serve", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return commandError(stderr, "serve", err)
	}
	logger := log.New(stderr, "", log.LstdFlags)
	srv := &http.Server{
		Handler:           policyserver.New(store, policyserver.Options{Logf: logger.Printf}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          logger,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	logger.Printf("replyguard policy server on http://%s (data %s)", ln.Addr(), *data)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		logger.Printf("note: browsers accept plain http only from 127.0.0.1 or localhost; serve other computers through an https reverse proxy")
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return commandError(stderr, "serve", err)
	}
	return exitOK
}

func runServeOrgAdd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve org add")
	data := fs.String("data", "", "the server's data `DIR`")
	kvRecord := fs.String("kv-record", "", "also write the Workers KV record to `FILE`")
	pubFile := fs.String("public", "", "the organisation's public key `FILE` (from policy keygen)")
	pos, code, done := parseFlags(fs, args, serveUsage, stdout, stderr)
	if done {
		return code
	}
	switch {
	case len(pos) != 1:
		return usageError(stderr, "serve org add", serveUsage, "give exactly one organisation NAME")
	case *pubFile == "":
		return usageError(stderr, "serve org add", serveUsage, "missing --public FILE")
	case *data == "" && *kvRecord == "":
		return usageError(stderr, "serve org add", serveUsage, "give --data DIR (local server) or --kv-record FILE (Cloudflare)")
	}
	pub, err := readPublicKey(*pubFile)
	if err != nil {
		return commandError(stderr, "serve org add", err)
	}
	org, tokens, err := policyserver.NewOrg(pos[0], bundle.EncodePublicKey(pub), time.Now())
	if err != nil {
		return commandError(stderr, "serve org add", err)
	}
	if *kvRecord != "" {
		rec, _ := json.Marshal(org)
		if err := createExclusive(*kvRecord, append(rec, '\n'), 0o600); err != nil {
			return commandError(stderr, "serve org add", err)
		}
	}
	if *data != "" {
		store, err := policyserver.NewFileStore(*data)
		if err == nil {
			err = store.AddOrg(context.Background(), org)
		}
		if errors.Is(err, policyserver.ErrExists) {
			err = fmt.Errorf("organisation %q already exists in %s", org.Name, *data)
		}
		if err != nil {
			return commandError(stderr, "serve org add", err)
		}
	}
	out, _ := json.Marshal(tokens)
	fmt.Fprintf(stdout, "%s\n", out)
	fmt.Fprintf(stderr, "registered %s (key id %s); the tokens above are shown only now\n", org.Name, bundle.KeyID(pub))
	return exitOK
}
