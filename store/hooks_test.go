package store

// SetMaxExcluded changes how many superseded rows a search sets aside
// before it joins matches to their documents instead, until the returned
// function restores it.
func SetMaxExcluded(n int) (restore func()) {
	old := maxExcluded
	maxExcluded = n
	return func() { maxExcluded = old }
}
