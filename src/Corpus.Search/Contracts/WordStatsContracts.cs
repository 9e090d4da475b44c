namespace Corpus.Search;

/// <param name="Filters">The query (required) and filters.</param>
/// <param name="Window">Words on each side of an occurrence.</param>
/// <param name="MinCount">Collocates seen fewer times within the window are left out.</param>
/// <param name="Limit">Most collocates returned, best logDice first.</param>
public sealed record CollocationRequest(SearchRequest Filters, int Window = 5, int MinCount = 2, int Limit = 100)
{
    public const int MaxWindow = 20;
    public const int MaxLimit = 1000;

    /// <summary>Occurrences counted exactly; beyond this many an evenly spaced sample of this size is counted.</summary>
    public const int SampleSize = 10_000;
}

/// <param name="Count">Times the word occurs within the window of the occurrences counted (f_xy of the sample).</param>
/// <param name="Frequency">The word's frequency in the sub-corpus (f_y).</param>
public sealed record Collocate(string Word, int Count, long Frequency, double LogDice, double Mi);

/// <param name="Occurrences">Occurrences of the query (f_x).</param>
/// <param name="Counted">Occurrences whose windows were counted: all of them up to <see cref="CollocationRequest.SampleSize"/>, else that many evenly spaced ones.</param>
/// <param name="Tokens">Words in the sub-corpus (N).</param>
public sealed record CollocationResult(
    int Occurrences, int Counted, int Window, long Tokens, IReadOnlyList<string> Segmentation, IReadOnlyList<Collocate> Collocates);

/// <param name="Filters">Filters, and optionally a query: the sub-corpus is the documents they select.</param>
/// <param name="Compare">Also rank the sub-corpus's keywords against the whole corpus.</param>
public sealed record FrequencyRequest(SearchRequest Filters, bool Compare = false, int Limit = 100)
{
    public const int MaxLimit = 10_000;
}

public sealed record WordFrequency(string Word, long Count, double PerMillion);

/// <param name="Reference">Occurrences in the whole corpus.</param>
/// <param name="LogLikelihood">Rayson and Garside's log-likelihood (G²) of the two frequencies.</param>
public sealed record Keyword(string Word, long Count, long Reference, double PerMillion, double ReferencePerMillion, double LogLikelihood);

/// <param name="Types">Distinct words in the sub-corpus.</param>
/// <param name="Keywords">Null unless asked for; words more frequent in the sub-corpus than in the corpus, highest G² first.</param>
public sealed record FrequencyResult(
    int Documents, long Tokens, int Types, long CorpusTokens, IReadOnlyList<WordFrequency> Words, IReadOnlyList<Keyword>? Keywords);
