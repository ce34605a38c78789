package store

// SetMaxExcluded changes how many superseded rows a search sets aside
// before it joins matches to their documents instead, until the returned
// function restores it.
func SetMaxExcluded(n int) (restore func()) {
	old := maxExcluded
	maxExcluded = n
	return func() { maxExcluded = old }
}

// SetDenseLimit changes how many rows per hit, and how many more, a search
// scores by its words alone before it ranks with the filter instead,
// until the returned function restores them.
func SetDenseLimit(rows, slack int) (restore func()) {
	r, s := denseRows, denseSlack
	denseRows, denseSlack = rows, slack
	return func() { denseRows, denseSlack = r, s }
}
