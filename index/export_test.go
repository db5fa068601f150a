package index

// SetPruningForTest sets when candidate pruning starts and the passages its
// rare words may select, for tests outside the package that measure what
// pruning costs; the returned function restores the defaults.
func SetPruningForTest(minPassages, budget uint64) (restore func()) {
	oldMin, oldBudget := pruneMinPassages, pruneBudget
	pruneMinPassages, pruneBudget = minPassages, budget
	return func() { pruneMinPassages, pruneBudget = oldMin, oldBudget }
}

// PruningDefaults reports the production pruning settings.
func PruningDefaults() (minPassages, budget uint64) { return pruneMinPassages, pruneBudget }
