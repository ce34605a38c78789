package classify

import "scrutiny/internal/lazyre"

// lazyRE is a rule's expression, compiled on first use (see lazyre).
type lazyRE = lazyre.RE

func lazy(src string) *lazyRE { return lazyre.New(src) }
