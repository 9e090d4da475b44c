namespace Corpus.Search;

public enum FillerSort { Occurrences, Documents, Filler }

/// <param name="Filler">
/// What filled the pattern's slots (several slots joined by " … "), as first written in the text; empty when a gap took no
/// character. Fillers that differ only in width (， and ,) are one row.
/// </param>
/// <param name="Match">The whole matched text with this filler, as first written.</param>
/// <param name="Query">The query with the pattern replaced by <see cref="Match"/> as a phrase: a search for these matches.</param>
public sealed record FillerRow(string Filler, string Match, int Occurrences, int Documents, string Query);

/// <summary>What fills the slots of a pattern over the whole result set (all filters applied).</summary>
/// <param name="Pattern">The pattern term counted, as typed.</param>
/// <param name="Documents">Result documents the pattern matches.</param>
/// <param name="Distinct">Distinct fillers; <see cref="Rows"/> holds the first of them in the requested order.</param>
public sealed record FillerTable(
    string Pattern, int Documents, int Occurrences, int Distinct, IReadOnlyList<FillerRow> Rows, bool Truncated);
