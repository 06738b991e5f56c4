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
