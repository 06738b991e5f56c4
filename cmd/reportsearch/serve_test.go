package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startServe runs `reportsearch serve` as a child process and returns its
// base URL once it prints it.
func startServe(t *testing.T, args ...string) (*exec.Cmd, string, *syncBuffer, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "REPORTSEARCH_MAIN=1")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if u := addr.FindString(stdout.String()); u != "" {
			return cmd, strings.TrimSuffix(u, "/"), &stdout, &stderr
		}
		if time.Now().After(deadline) || strings.Contains(stderr.String(), "reportsearch: ") {
			t.Fatalf("serve printed no address: %s %s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%s: %v: %s", u, err, body)
	}
	return resp.StatusCode
}

// TestServe starts the server on a report file, queries it, stops it with
// SIGTERM and starts it again on the same index, which it reuses.
func TestServe(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	report := filepath.Join("..", "..", "corpus", "testdata", "reports", "014_national_2021_gwr.txt")
	cmd, base, stdout, stderr := startServe(t, "--index", root, report)
	if !strings.Contains(stderr.String(), "正在把 1 份报告索引到") {
		t.Errorf("first start did not index: %s", stderr.String())
	}
	var health struct {
		Status  string
		Reports int
	}
	if code := getJSON(t, base+"/healthz", &health); code != 200 || health.Status != "ok" || health.Reports != 1 {
		t.Fatalf("healthz %d %+v", code, health)
	}
	var res struct {
		Total int
		Hits  []struct{ Text string }
	}
	if code := getJSON(t, base+"/api/search?q="+url.QueryEscape("就业"), &res); code != 200 || res.Total == 0 {
		t.Fatalf("search %d total %d", code, res.Total)
	}
	var bad struct{ Error, Detail string }
	if code := getJSON(t, base+"/api/search?q="+url.QueryEscape("color:red"), &bad); code != 400 || bad.Detail == "" {
		t.Errorf("bad query: %d %+v", code, bad)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM: %s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	logs := stderr.String()
	for _, want := range []string{"msg=request", "path=/api/search", "status=400", "shutting down"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q: %s", want, logs)
		}
	}
	if !strings.Contains(stdout.String(), "1 份报告、") {
		t.Errorf("banner: %s", stdout.String())
	}

	// The second start reuses the current index.
	_, base2, _, stderr2 := startServe(t, "--index", root, report)
	if code := getJSON(t, base2+"/healthz", &health); code != 200 {
		t.Fatalf("second start: healthz %d", code)
	}
	if strings.Contains(stderr2.String(), "indexing") {
		t.Errorf("the second start rebuilt a current index: %s", stderr2.String())
	}
}

func TestServeAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, _, err = runCLI(t, "serve", "--index", filepath.Join(t.TempDir(), "index"), "--addr", ln.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "--addr") || !isUsageError(err) {
		t.Errorf("serving on a busy address: %v", err)
	}
}

// TestServeRebuildsWhenReportsChanged serves an index by --index alone after
// its report file changed: the index is rebuilt, so paragraph pages and
// search agree; a deleted report is a clear error.
func TestServeRebuildsWhenReportsChanged(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	report := filepath.Join(t.TempDir(), "report.txt")
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "reports", "014_national_2021_gwr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(report, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "index", "--out", root, report); err != nil {
		t.Fatal(err)
	}
	// Add a sentence to a paragraph in the middle of the report.
	lines := strings.Split(string(data), "\n")
	mid := len(lines) / 2
	for !strings.HasSuffix(strings.TrimSpace(lines[mid]), "。") {
		mid++
	}
	lines[mid] += "全年新增测试段落企业12家。"
	if err := os.WriteFile(report, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, base, _, stderr := startServe(t, "--index", root)
	if !strings.Contains(stderr.String(), "reports changed") {
		t.Errorf("a changed report did not rebuild the index: %s", stderr.String())
	}
	var res struct{ Total int }
	if code := getJSON(t, base+"/api/search?q="+url.QueryEscape(`"测试段落企业"`), &res); code != 200 || res.Total != 1 {
		t.Errorf("the new text is not searchable: %d, total %d", code, res.Total)
	}

	if err := os.Remove(report); err != nil {
		t.Fatal(err)
	}
	// The report gone: the index is served as it is, with a warning.
	_, base, _, stderr = startServe(t, "--index", root)
	if !strings.Contains(stderr.String(), "注意：") || !strings.Contains(stderr.String(), "cannot be read again") || strings.Contains(stderr.String(), "正在把") {
		t.Errorf("serving an index whose report is gone: %s", stderr.String())
	}
	if code := getJSON(t, base+"/api/search?q="+url.QueryEscape(`"测试段落企业"`), &res); code != 200 || res.Total != 1 {
		t.Errorf("the index whose report is gone does not answer: %d, total %d", code, res.Total)
	}
}

// TestServeStopsDuringStartup sends SIGTERM while serve builds its index:
// it stops within a moment, never binds the port or prints an address,
// says why it stopped, and leaves no half-built index behind.
func TestServeStopsDuringStartup(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--index", root, filepath.Join("..", "..", "corpus", "testdata", "reports"))
	cmd.Env = append(os.Environ(), "REPORTSEARCH_MAIN=1")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), "索引有变动"); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start indexing: %s", stderr.String())
		}
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if took := time.Since(sent); took > 3*time.Second {
			t.Errorf("serve took %v to stop after SIGTERM", took)
		}
		if err == nil {
			t.Errorf("serve stopped during start-up exited 0")
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("serve ignored SIGTERM during start-up: %s", stderr.String())
	}
	if strings.Contains(stdout.String(), "http://") {
		t.Errorf("serve printed an address after SIGTERM: %s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "启动时收到停止信号") {
		t.Errorf("serve did not say why it stopped: %s", stderr.String())
	}
	if _, err := os.Lstat(filepath.Join(root, "current")); err == nil {
		t.Errorf("an index became current after SIGTERM")
	}
	if builds, _ := filepath.Glob(filepath.Join(root, "builds", "*")); len(builds) > 0 {
		t.Errorf("half-built index left behind: %v", builds)
	}
}

// TestServeFollowsARebuild: `index` run beside a server replaces the
// index's build; the server moves to the new build within a few seconds,
// without a restart, and says so in its log.
func TestServeFollowsARebuild(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "index")
	first := filepath.Join(dir, "first.txt")
	second := filepath.Join(dir, "second.txt")
	if err := os.WriteFile(first, []byte("一、2022年工作回顾\n全年新建口袋公园5个。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(second, []byte("一、2023年工作回顾\n全年新建城市书房8家。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, base, _, stderr := startServe(t, "--index", root, first)
	hits := func(q string) int {
		var res struct{ Total int }
		if code := getJSON(t, base+"/api/search?q="+url.QueryEscape(q), &res); code != http.StatusOK {
			t.Fatalf("search %s: %d", q, code)
		}
		return res.Total
	}
	if hits("口袋公园") == 0 || hits("城市书房") != 0 {
		t.Fatal("the first build does not hold what it was built of")
	}
	if _, errOut, err := runCLI(t, "index", "--out", root, second); err != nil {
		t.Fatalf("index beside the server: %v\n%s", err, errOut)
	}
	deadline := time.Now().Add(15 * time.Second)
	for hits("城市书房") == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the server still answers from the old build: %s", stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if hits("口袋公园") != 0 || !strings.Contains(stderr.String(), "new build") {
		t.Errorf("after the rebuild: old report still found, or no log line: %s", stderr.String())
	}
}
