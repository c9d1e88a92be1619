package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/replyguard/replyguard/core/bundle"
	"github.com/replyguard/replyguard/internal/policyserver/policytest"
)

func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "replyguard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServer runs `replyguard serve` as a child process on a free port.
func startServer(t *testing.T, bin, data string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addrRE := regexp.MustCompile(`on http://(\S+) `)
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := addrRE.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, stderr)
			return cmd, "http://" + m[1]
		}
	}
	t.Fatal("the server did not say where it listens")
	return nil, ""
}

func TestServeOrgAdd(t *testing.T) {
	data := t.TempDir()
	_, _, pub := keygen(t)
	kv := filepath.Join(t.TempDir(), "org.json")
	out, errOut, code := runCLI(t, "", "serve", "org", "add", "--data", data, "--kv-record", kv, "--public", pub, "riverside")
	var tokens map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &tokens) != nil || tokens["org"] != "riverside" || !strings.HasPrefix(tokens["publish_token"], "rgp_") || !strings.HasPrefix(tokens["read_token"], "rgr_") || len(tokens) != 3 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, f := range []string{filepath.Join(data, "orgs", "riverside", "org.json"), kv} {
		rec, err := os.ReadFile(f)
		if err != nil || strings.Contains(string(rec), tokens["publish_token"]) || strings.Contains(string(rec), tokens["read_token"]) || !strings.Contains(string(rec), "read_token_sha256") {
			t.Fatalf("%s: %v %s", f, err, rec)
		}
	}
	if _, errOut, code := runCLI(t, "", "serve", "org", "add", "--data", data, "--public", pub, "riverside"); code != 2 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("second add: exit %d %q", code, errOut)
	}
	if _, _, code := runCLI(t, "", "serve", "org", "add", "--data", data, "--public", pub, "Bad Name"); code != 2 {
		t.Fatalf("bad name: exit %d", code)
	}
}

// TestServeSurvivesKillMidPublish kills the real server process (SIGKILL)
// while large bundles are being published, restarts it on the same data
// directory and checks that it serves a complete, verifiable bundle no older
// than the last publish it acknowledged.
func TestServeSurvivesKillMidPublish(t *testing.T) {
	bin := buildCLI(t)
	data := t.TempDir()
	signer := policytest.NewSigner("crash test")
	pubFile := writeFile(t, "org.pub", signer.PublicPEM())
	out, _, code := runCLI(t, "", "serve", "org", "add", "--data", data, "--public", pubFile, "crash")
	var tokens map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &tokens) != nil {
		t.Fatalf("org add: %d %q", code, out)
	}
	// Bundles near the 512 KB limit, so each write takes a while.
	var sites []string
	for i := range 200 {
		sites = append(sites, fmt.Sprintf("%q", fmt.Sprintf("riverside%d.example/%s", i, strings.Repeat("p", 1900))))
	}
	bigPolicy := func(serial int64) string {
		return fmt.Sprintf(`{"name": "Crash %d", "practice": {"websites": [%s]}}`, serial, strings.Join(sites, ","))
	}
	var serial int64
	caught := 0 // rounds killed with a write in progress
	client := &http.Client{Timeout: 10 * time.Second}
	for round := range 4 {
		srv, base := startServer(t, bin, data)
		var acked, inFlight atomic.Int64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				select {
				case <-stop:
					return
				default:
				}
				serial++
				body := signer.Sign(t, bigPolicy(serial), serial)
				req, _ := http.NewRequest("PUT", base+"/v1/orgs/crash/policy", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+tokens["publish_token"])
				inFlight.Store(serial)
				res, err := client.Do(req)
				if err != nil {
					return // the server died under this request
				}
				res.Body.Close()
				if res.StatusCode == 200 {
					acked.Store(serial)
				}
			}
		}()
		// Let a few publishes complete, then kill the moment a write is
		// seen in progress (a temporary file exists), or after a while.
		deadline := time.Now().Add(20 * time.Second)
		for acked.Load() < int64(round+1)*2 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		for killAt := time.Now().Add(2 * time.Second); time.Now().Before(killAt) && len(tempFiles(data)) == 0; {
		}
		srv.Process.Kill()
		srv.Wait()
		close(stop)
		<-done
		lastAcked := acked.Load()
		leftovers := tempFiles(data)
		caught += min(len(leftovers), 1)
		if lastAcked == 0 {
			t.Fatalf("round %d: nothing was published before the kill", round)
		}

		_, base = startServer(t, bin, data)
		if left := tempFiles(data); len(left) > 0 {
			t.Fatalf("round %d: the restarted server left %v", round, left)
		}
		req, _ := http.NewRequest("GET", base+"/v1/orgs/crash/policy", nil)
		req.Header.Set("Authorization", "Bearer "+tokens["read_token"])
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("round %d: after restart %d %s", round, res.StatusCode, got)
		}
		o, err := bundle.Open(got, signer.Pub, 0)
		if err != nil {
			t.Fatalf("round %d: served bundle does not verify: %v", round, err)
		}
		if o.Serial < lastAcked || o.Serial > inFlight.Load() {
			t.Fatalf("round %d: serves serial %d; acknowledged %d, last attempted %d", round, o.Serial, lastAcked, inFlight.Load())
		}
		t.Logf("round %d: killed with serial %d in flight, %d acknowledged, %d half-written temporary files; serves %d", round, inFlight.Load(), lastAcked, len(leftovers), o.Serial)
		serial = o.Serial + 1000 // next round starts well above whatever survived
	}
	if caught == 0 {
		t.Error("no round killed the server in the middle of a write")
	}
}

// tempFiles lists the file store's temporary files (writes in progress, or
// cut short by a kill).
func tempFiles(data string) []string {
	a, _ := filepath.Glob(filepath.Join(data, "orgs", "crash", ".*.tmp-*"))
	b, _ := filepath.Glob(filepath.Join(data, "orgs", "crash", "versions", ".*.tmp-*"))
	return append(a, b...)
}
