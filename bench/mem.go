package bench

import (
	"bufio"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
)

// ResetPeakRSS resets the kernel's peak-RSS mark of this process (Linux:
// writing 5 to /proc/self/clear_refs), so the next PeakRSS covers only what
// ran since. It reports whether the reset worked.
func ResetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// PeakRSS is VmHWM of /proc/self/status in bytes.
func PeakRSS() (uint64, bool) { return procStatus("VmHWM:") }

// CurrentRSS is VmRSS of /proc/self/status in bytes.
func CurrentRSS() (uint64, bool) { return procStatus("VmRSS:") }

// RSSParts splits the current RSS into anonymous memory (the Go heap, stacks,
// runtime) and file-backed pages, which for a search process are mostly the
// index's memory-mapped segments: page cache the kernel can reclaim and
// share, unlike the anonymous part.
func RSSParts() (anon, file uint64) {
	anon, _ = procStatus("RssAnon:")
	file, _ = procStatus("RssFile:")
	return anon, file
}

func procStatus(key string) (uint64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, key) {
			continue
		}
		fields := strings.Fields(line[len(key):])
		if len(fields) == 0 {
			return 0, false
		}
		kb, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			return 0, false
		}
		return kb * 1024, true
	}
	return 0, false
}

// GoHeap is the bytes of live and not yet swept heap objects, from
// runtime/metrics: the part of RSS the Go program itself holds.
func GoHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
