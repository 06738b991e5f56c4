// Package eval measures the engine against judgments: ranking (MRR@10,
// recall@5, recall@10 of relevance files: a query and literal pieces of the
// paragraphs a user wants), literal recall (sampled substrings of the
// indexed text must find every paragraph a plain scan finds), and question
// answering (answer and citation accuracy of QA files: a question, the
// answer strings, a piece of the paragraph to cite). It reads the files'
// TSV formats and works over small interfaces that search.Engine and
// ask.Asker implement.
package eval

import (
	"context"

	"reportsearch/ask"
	"reportsearch/search"
)

// Searcher is what the relevance and recall measures need of the index;
// *search.Engine implements it.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	LiteralMatches(ctx context.Context, s string) ([]string, error)
	ParagraphTexts(ctx context.Context) (map[string]string, error)
}

// Asker answers questions; *ask.Asker implements it.
type Asker interface {
	Ask(ctx context.Context, question string) (*ask.Answer, error)
}
