namespace Corpus.Bench.Evaluation;

/// <summary>How an ingest result compares with a generated corpus's truth.jsonl. Accuracies are shares of truth articles.</summary>
/// <param name="SplitAccuracy">Truth articles whose appearances all landed in exactly one document.</param>
/// <param name="DateAccuracy">Everything the document states about the date is right, and it states all the text does:
/// "unknown" is never right, and an inferred year counts like a stated one. The generator states the year only in a
/// letter's closing date: there the document's date must equal the truth. Elsewhere its dateline gives month and day
/// but no year: the document must give that month and day, with the true year or none.</param>
/// <param name="DateExactAccuracy">Date exactly equal to the truth, year included.</param>
/// <param name="UndatedShare">Articles whose document has neither a date nor a month and day.</param>
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
