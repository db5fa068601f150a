package bench

import (
	"testing"
	"time"
)

func TestFirstResponse(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	tests := []struct {
		name string
		ds   []time.Duration
		want FirstResponse
	}{
		{"none", nil, FirstResponse{Clients: 8}},
		{"all in time", []time.Duration{ms(5), ms(1500), ms(20)}, FirstResponse{Clients: 8, Count: 3, P99: ms(1500), Max: ms(1500)}},
		{"one late", []time.Duration{ms(5), ms(3001), ms(20)}, FirstResponse{Clients: 8, Count: 3, P99: ms(3001), Max: ms(3001), Over3s: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstResponse(8, tt.ds); got != tt.want {
				t.Errorf("firstResponse = %+v, want %+v", got, tt.want)
			}
		})
	}
}
