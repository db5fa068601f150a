package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestLoggerFormatAndLevel: JSON when not writing to a terminal (a buffer,
// a pipe, a log collector), text when asked, and the level from
// CLAIMBOT_LOG_LEVEL.
func TestLoggerFormatAndLevel(t *testing.T) {
	tests := []struct {
		format, level string
		json          bool
		debugShown    bool
	}{
		{"", "info", true, false},
		{"", "debug", true, true},
		{"text", "warn", false, false},
		{"json", "debug", true, true},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		log := newLogger(Config{LogFormat: tt.format, LogLevel: tt.level}, &buf)
		log.Debug("debug line")
		log.Warn("warn line", "k", "v")
		out := buf.String()
		if strings.Contains(out, "debug line") != tt.debugShown {
			t.Errorf("%q/%q: debug shown = %v; want %v", tt.format, tt.level, !tt.debugShown, tt.debugShown)
		}
		last := strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:])
		var m map[string]any
		isJSON := json.Unmarshal([]byte(last), &m) == nil
		if isJSON != tt.json || !strings.Contains(last, "warn line") {
			t.Errorf("%q/%q: %q; want JSON %v", tt.format, tt.level, last, tt.json)
		}
	}
}
