namespace Corpus.Bench.Evaluation;

/// <summary>How an ingest result compares with a generated corpus's truth.jsonl. Accuracies are shares of truth articles.</summary>
/// <param name="SplitAccuracy">Truth articles whose appearances all landed in exactly one document.</param>
/// <param name="DateAccuracy">Date right as far as the text can tell. The generator states the year only in a letter's
/// closing date: there the date must be exact. Elsewhere its text gives month and day but no year, so the right answer is
/// no date (a year from unrelated articles would be a guess) or, where the article's own file states a year, that
/// year marked inferred with month and day right.</param>
/// <param name="DateExactAccuracy">Date exactly equal to the truth, year included.</param>
/// <param name="UndatedShare">Articles whose document has no date (month and day without a year are not kept).</param>
/// <param name="VenueAccuracy">Venue right, over articles whose text states a venue (all but letters, to which the
/// generator assigns a place that their text never names).</param>
/// <param name="VenueAccuracyAll">Venue right over all articles, letters included.</param>
/// <param name="DuplicatePairPrecision">Pairs of appearances grouped together in the result that are together in the truth.</param>
/// <param name="DuplicatePairRecall">Pairs of appearances together in the truth that the result grouped together.</param>
public sealed record TruthEvaluation(
    int TruthArticles,
    int Documents,
    int Appearances,
    double SplitAccuracy,
    double DateAccuracy,
    double DateExactAccuracy,
    double UndatedShare,
    double VenueAccuracy,
    double VenueAccuracyAll,
    double KindAccuracy,
    double TitleAccuracy,
    int TruthDuplicatePairs,
    int ResultDuplicatePairs,
    double DuplicatePairPrecision,
    double DuplicatePairRecall)
{
    /// <summary>The smallest of the measures the ingest stage is held to.</summary>
    public double Worst => new[] { SplitAccuracy, DateAccuracy, VenueAccuracy, KindAccuracy, DuplicatePairPrecision, DuplicatePairRecall }.Min();
}
