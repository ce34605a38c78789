package classify

// classifyOfsted reads an Ofsted report or letter. Until its structure is
// read (the judgement table, "What needs to improve"), it is read as prose.
func classifyOfsted(c *docContext) {
	classifyProse(c)
}
