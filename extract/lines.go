package extract

import "scrutiny/corpus"

// Line is one line of a text; see corpus.Line.
type Line = corpus.Line

// Lines splits text into lines, keeping offsets; see corpus.Lines.
func Lines(text string) []Line { return corpus.Lines(text) }
