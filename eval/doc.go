// Package eval measures the engine against judgments: ranking (MRR@10,
// recall@5, recall@10 of relevance files: a query and literal pieces of the
// paragraphs a user wants), literal recall (sampled substrings of the
// indexed text must find every paragraph a plain scan finds), and question
// answering (answer and citation accuracy of QA files: a question, the
// answer strings, a piece of the paragraph to cite). It reads the files'
// TSV formats and works over small interfaces that search.Engine and
// ask.Asker implement.
package eval
