namespace Corpus.Search.Indexing;

/// <summary>The index's fields; only <see cref="DocumentMapper"/> and the query side name them.</summary>
internal static class FieldNames
{
    public const string Id = "id";
    /// <summary>Indexed, not stored: "id revision" (see <see cref="DocumentMapper.Revision"/>).</summary>
    public const string Revision = "revision";
    public const string Title = "title";
    public const string TitleExact = "title.exact";
    public const string TitleWords = "title.words";
    public const string Text = "text";
    public const string BodyExact = "body.exact";
    public const string BodyWords = "body.words";
    /// <summary>Doc values only: where the text's words start and end (<see cref="Analysis.WordBoundaries"/>).</summary>
    public const string BodyWordBoundaries = "body.words.boundaries";
    /// <summary>Stored as yyyy-MM-dd; doc values as the int yyyymmdd (absent when the date is unknown).</summary>
    public const string Date = "date";
    public const string DateInferred = "dateInferred";
    /// <summary>Stored only, as MM-dd: the month and day of a document whose year is unknown.</summary>
    public const string MonthDay = "monthDay";
    public const string Venue = "venue";
    public const string Kind = "kind";
    public const string Speaker = "speaker";
    /// <summary>Doc values only: the length of title and text in chars, what timelines normalise by.</summary>
    public const string Characters = "characters";
    public const string Sources = "sources";
    /// <summary>Stored: the copies' texts as JSON.</summary>
    public const string Copies = "copies";
    /// <summary>The copies' texts in one exact field, each ending with a line break (no phrase spans one), OR'ed with
    /// <see cref="BodyExact"/> so that a phrase only a copy holds finds the document.</summary>
    public const string CopiesExact = "copies.exact";
}
