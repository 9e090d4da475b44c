namespace Corpus.Ingest.Metadata;

/// <summary>A date as far as the text states it: the year, or even the month, may be missing.</summary>
internal readonly record struct PartialDate(int? Year, int? Month, int? Day)
{
    public static PartialDate None => default;

    public bool HasDay => Day is not null;

    public bool IsComplete => Year is not null && Month is not null && Day is not null;

    public DateOnly? ToDate() =>
        IsComplete && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year!.Value, Month!.Value)
            ? new DateOnly(Year.Value, Month.Value, Day!.Value)
            : null;
}
