package library

import (
	"testing"

	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/statetest"
)

// TestDirArchiveConformance: the data directory's archive keeps the
// contract of state.Archive, without a change log.
func TestDirArchiveConformance(t *testing.T) {
	statetest.RunArchive(t, statetest.ArchiveOptions{}, func(t *testing.T) state.Archive {
		return newDirArchive(t.TempDir())
	})
}
