//go:build !race

package main

// raceEnabled: built with -race.
const raceEnabled = false
