namespace Corpus.Web.Api;

/// <summary>The <c>Concordance</c> configuration section.</summary>
public sealed class ConcordanceOptions
{
    public const string Section = "Concordance";

    /// <summary>Most lines one API or CSV request returns; a longer result says it was cut (headers, page note).</summary>
    public int DownloadLimit { get; set; } = 5000;
}
