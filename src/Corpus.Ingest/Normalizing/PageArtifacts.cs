using System.Text.RegularExpressions;

namespace Corpus.Ingest.Normalizing;

/// <summary>Page furniture left by print and PDF extraction: page numbers, running headers and continuation markers.
/// A line goes as a page number or header only where it recurs in the pattern of pages; a short number alone, as in a
/// table or an example ("-0600"), stays.</summary>
internal static partial class PageArtifacts
{
    /// <summary>Fewest lines a page holds: page numbers closer together than this are a list or a table column.</summary>
    private const int MinPageLines = 10;

    /// <summary>Longest line taken for a running header or footer.</summary>
    private const int MaxHeaderLength = 40;

    /// <summary>How close to a page break a header or footer sits.</summary>
    private const int BreakReach = 2;

    /// <summary>A line shaped as a page number: "- 3 -", "— 12 —", "第3页", "第 3 页 共 9 页", "3/9", "Page 3", "12".</summary>
    public static bool IsPageNumberLine(string line) =>
        line.Length <= 24 && (char.IsAsciiDigit(line[0]) || line[0] is '-' or '—' or '–' or '－' or '~' or '～' or '·' or '•' or '第' or 'P' or 'p')
        && PageNumber().IsMatch(line);

    /// <summary>Takes out page numbers and running headers; the blank lines and page break around a removed line
    /// pass to the line after it.</summary>
    public static List<SourceLine> Remove(List<SourceLine> lines, List<RemovedText> removed)
    {
        var reasons = new string?[lines.Count];
        var pageNumbers = FindPageNumbers(lines, reasons);
        if (pageNumbers == 0 && !lines.Exists(l => l.PageBreakBefore))
        {
            return lines;
        }
        FindRunningHeaders(lines, reasons);
        var kept = new List<SourceLine>(lines.Count);
        var carriedBlank = 0;
        var carriedBreak = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (reasons[i] is { } reason)
            {
                removed.Add(new RemovedText(line.Text, reason));
                carriedBlank += line.BlankLinesBefore + 1;
                carriedBreak |= line.PageBreakBefore;
                continue;
            }
            kept.Add(carriedBlank == 0 && !carriedBreak
                ? line
                : line with { BlankLinesBefore = line.BlankLinesBefore + carriedBlank, PageBreakBefore = line.PageBreakBefore || carriedBreak });
            carriedBlank = 0;
            carriedBreak = false;
        }
        return kept;
    }

    /// <summary>A page-number line beside a form feed, or one of two numbers a page apart that count up by one.</summary>
    private static int FindPageNumbers(List<SourceLine> lines, string?[] reasons)
    {
        var candidates = new List<(int Line, int Number)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsPageNumberLine(lines[i].Text) && FirstNumber(lines[i].Text) is { } number)
            {
                candidates.Add((i, number));
            }
        }
        var found = 0;
        for (var k = 0; k < candidates.Count; k++)
        {
            var (line, number) = candidates[k];
            var besideBreak = lines[line].PageBreakBefore || line + 1 < lines.Count && lines[line + 1].PageBreakBefore;
            var inSequence = k > 0 && IsNextPage(candidates[k - 1], candidates[k]) || k + 1 < candidates.Count && IsNextPage(candidates[k], candidates[k + 1]);
            if (besideBreak || inSequence)
            {
                reasons[line] = RemovedText.PageNumber;
                found++;
            }
        }
        return found;
    }

    private static bool IsNextPage((int Line, int Number) before, (int Line, int Number) after) =>
        after.Number == before.Number + 1 && after.Line - before.Line >= MinPageLines;

    /// <summary>A short line repeated at the same place of at least two pages and of a third of them (headers may
    /// alternate between even and odd pages), next to a page break (a form feed or a removed page number), digits
    /// aside ("人民日报 2020年3月2日 第3版").</summary>
    private static void FindRunningHeaders(List<SourceLine> lines, string?[] reasons)
    {
        // The file's start opens its first page.
        var breaks = new List<int> { 0 };
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].PageBreakBefore)
            {
                breaks.Add(i);
            }
            else if (reasons[i] is not null)
            {
                breaks.Add(i + 1);
            }
        }
        breaks = [.. breaks.Distinct()];
        if (breaks.Count < 2)
        {
            return;
        }
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            // A header is a title or a name, never a sentence.
            if (reasons[i] is null && lines[i].Text.Length <= MaxHeaderLength && !lines[i].Text.Any(CharKinds.IsClausePunctuation)
                && OffsetFromBreak(breaks, i) is { } offset)
            {
                // The same place on each page: a heading of the text that happens to open a page is not at it.
                var key = Digits().Replace(lines[i].Text, "#") + "\0" + offset;
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }
                list.Add(i);
            }
        }
        foreach (var (_, occurrences) in groups)
        {
            if (occurrences.Count >= 2 && occurrences.Count * 3 >= breaks.Count)
            {
                occurrences.ForEach(i => reasons[i] = RemovedText.RunningHeader);
            }
        }
    }

    /// <summary>Where the line sits on its page when among the first or last <see cref="BreakReach"/> lines: its distance
    /// from the page's start, or, negative, from its end.</summary>
    private static int? OffsetFromBreak(List<int> breaks, int line)
    {
        var at = breaks.BinarySearch(line);
        if (at >= 0)
        {
            return 0;
        }
        var next = ~at;
        if (next > 0 && line - breaks[next - 1] < BreakReach)
        {
            return line - breaks[next - 1];
        }
        return next < breaks.Count && breaks[next] - line <= BreakReach ? line - breaks[next] : null;
    }

    private static int? FirstNumber(string text)
    {
        var match = Digits().Match(text);
        return match.Success && int.TryParse(match.ValueSpan, out var number) ? number : null;
    }

    /// <summary>Removes "(上接1版)" at the start and "（下转2版）" at the end of a paragraph, listing them as removed.</summary>
    /// <returns>The paragraph without markers; <paramref name="continued"/> tells whether it began with one.</returns>
    public static string StripContinuationMarkers(string text, out bool continued, List<RemovedText> removed)
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
            removed.Add(new RemovedText(start.Value.Trim(), RemovedText.ContinuationMarker));
            text = text[start.Length..];
        }
        var end = TrailingMarker().Match(text);
        if (end.Success)
        {
            removed.Add(new RemovedText(end.Value.Trim(), RemovedText.ContinuationMarker));
            text = text[..end.Index];
        }
        return text;
    }

    [GeneratedRegex(@"^(?:[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*[（(【\[]\s*(?:上接|接上|转接|紧接)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[）)】\]]\s*")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"\s*[（(【\[]\s*(?:下转|转下|转|接下)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[）)】\]]\s*$")]
    private static partial Regex TrailingMarker();
}
