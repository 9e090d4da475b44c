namespace Corpus.Search.Querying;

internal enum PhraseField { Body, Title }
