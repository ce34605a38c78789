package classify

// classifyProse reads minutes, council reports and other documents
// sentence by sentence.
func classifyProse(c *docContext) {
	judgementsInProse(c)
}
