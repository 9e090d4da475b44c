namespace Corpus.Ingest.Model;

/// <summary>How many documents have a field as their text states it, as inferred from elsewhere, or unknown.</summary>
public sealed record FieldCount(int Stated, int Inferred, int Unknown);

/// <summary>Metadata coverage of an ingest: per field, documents with it stated, inferred or unknown. A kind is unknown
/// when no pattern that means one was found (the document's kind is then null); a title is unknown when the
/// article had no headline (the document then shows its first sentence).</summary>
public sealed record FieldCoverage(FieldCount Date, FieldCount Venue, FieldCount Kind, FieldCount Speaker, FieldCount Title)
{
    /// <summary>Of the documents whose date is unknown, those that state its month and day (<see cref="CleanDocument.MonthDay"/>).</summary>
    public int DateMonthDayOnly { get; init; }
}
