//go:build !race

package german

const raceEnabled = false
