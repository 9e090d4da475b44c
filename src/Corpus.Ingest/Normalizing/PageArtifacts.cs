using System.Text.RegularExpressions;

namespace Corpus.Ingest.Normalizing;

/// <summary>Page furniture left by print and PDF extraction: page numbers and continuation markers.</summary>
internal static partial class PageArtifacts
{
    /// <summary>A line that is only a page number: "- 3 -", "— 12 —", "第3页", "第 3 页 共 9 页", "3/9", "Page 3", "12".</summary>
    public static bool IsPageNumberLine(string line) =>
        line.Length <= 24 && (char.IsAsciiDigit(line[0]) || line[0] is '-' or '—' or '–' or '－' or '~' or '～' or '·' or '•' or '第' or 'P' or 'p')
        && PageNumber().IsMatch(line);

    /// <summary>Removes "(上接1版)" at the start and "（下转2版）" at the end of a paragraph.</summary>
    /// <returns>The paragraph without markers; <paramref name="continued"/> tells whether it began with one.</returns>
    public static string StripContinuationMarkers(string text, out bool continued)
    {
        continued = false;
        if (text.Length < 5 || !text.Contains('版'))
        {
            return text;
        }
        var start = LeadingMarker().Match(text);
        if (start.Success)
        {
            continued = true;
            text = text[start.Length..];
        }
        var end = TrailingMarker().Match(text);
        if (end.Success)
        {
            text = text[..end.Index];
        }
        return text;
    }

    [GeneratedRegex(@"^(?:[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*[（(【\[]\s*(?:上接|接上|转接|紧接)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[）)】\]]\s*")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"\s*[（(【\[]\s*(?:下转|转下|转|接下)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[）)】\]]\s*$")]
    private static partial Regex TrailingMarker();
}
