package store

import (
	"sort"
	"unicode/utf8"
)

// runeOffsets maps byte offsets into text to code point offsets, in one
// pass over the text however many offsets there are. Offsets past the end
// map to the text's length in code points.
type runeOffsets map[int]int

func newRuneOffsets(text string, offsets []int) runeOffsets {
	sorted := append([]int(nil), offsets...)
	sort.Ints(sorted)
	m := make(runeOffsets, len(sorted))
	b, r := 0, 0
	for _, off := range sorted {
		if off > len(text) {
			off = len(text)
		}
		if off >= b {
			r += utf8.RuneCountInString(text[b:off])
			b = off
		}
		m[off] = r
	}
	return m
}

func (m runeOffsets) at(off int) int {
	if r, ok := m[off]; ok {
		return r
	}
	// Offsets beyond the text were clamped when the map was built.
	best := -1
	for k, v := range m {
		if k <= off && v > best {
			best = v
		}
	}
	return max(best, 0)
}
