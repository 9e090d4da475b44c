using System.Globalization;
using Corpus.Ingest.Model;
using ICU4N.Globalization;
using ICU4N.Text;

namespace Corpus.Search.Tests;

public sealed class ConcordanceViewTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private const int Context = 12;
    private static readonly Collator Pinyin = Collator.GetInstance(new UCultureInfo("zh"));

    private sealed record Expected(CleanDocument Document, int Start, int End, string Left, string Match, string Right);

    private List<Expected> All(string phrase) =>
    [
        .. corpus.Documents.SelectMany(d => ViewOracle.Occurrences(d.Text, phrase).Select(o => new Expected(
            d, o.Start, o.End,
            d.Text[Math.Max(0, o.Start - Context)..o.Start].Replace('\n', ' '),
            d.Text[o.Start..o.End].Replace('\n', ' '),
            d.Text[o.End..Math.Min(d.Text.Length, o.End + Context)].Replace('\n', ' ')))),
    ];

    private static string Key(Expected line, ConcordanceKey key) => key switch
    {
        ConcordanceKey.Left => new string([.. line.Left.Reverse()]),
        ConcordanceKey.Right => line.Right,
        ConcordanceKey.Left1 => line.Left.Length > 0 ? line.Left[^1].ToString() : "",
        ConcordanceKey.Left2 => line.Left.Length > 1 ? line.Left[^2].ToString() : "",
        ConcordanceKey.Right1 => line.Right.Length > 0 ? line.Right[0].ToString() : "",
        ConcordanceKey.Right2 => line.Right.Length > 1 ? line.Right[1].ToString() : "",
        ConcordanceKey.LeftWord1 => ViewOracle.WordsBefore(line.Document.Text, line.Start, 1).FirstOrDefault() ?? "",
        ConcordanceKey.LeftWord2 => ViewOracle.WordsBefore(line.Document.Text, line.Start, 2).Skip(1).FirstOrDefault() ?? "",
        ConcordanceKey.RightWord1 => ViewOracle.WordsAfter(line.Document.Text, line.End, 1).FirstOrDefault() ?? "",
        ConcordanceKey.RightWord2 => ViewOracle.WordsAfter(line.Document.Text, line.End, 2).Skip(1).FirstOrDefault() ?? "",
        ConcordanceKey.Match => line.Match,
        ConcordanceKey.Date => line.Document.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "99999999",
        _ => line.Document.Venue ?? "",
    };

    /// <summary>The order the definition states: keys, then date (undated last), id, offset.</summary>
    private static List<Expected> Sorted(List<Expected> lines, ConcordanceKey[] keys, ConcordanceCollation collation)
    {
        var keyed = lines.Select(l => (Line: l, Keys: keys.Select(k => Key(l, k)).ToArray())).ToList();
        keyed.Sort((x, y) =>
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var c = collation == ConcordanceCollation.Pinyin && keys[i] != ConcordanceKey.Date
                    ? Pinyin.Compare(x.Keys[i], y.Keys[i])
                    : string.CompareOrdinal(x.Keys[i], y.Keys[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            var (dx, dy) = (x.Line.Document.Date, y.Line.Document.Date);
            if (dx != dy)
            {
                return dx is null ? 1 : dy is null ? -1 : dx.Value.CompareTo(dy.Value);
            }
            var byId = string.CompareOrdinal(x.Line.Document.Id, y.Line.Document.Id);
            return byId != 0 ? byId : x.Line.Start.CompareTo(y.Line.Start);
        });
        return [.. keyed.Select(k => k.Line)];
    }

    private List<ConcordanceLine> Paged(ConcordanceRequest request, out int pages)
    {
        var lines = new List<ConcordanceLine>();
        pages = 0;
        for (string? after = null; ;)
        {
            var page = corpus.Service.Concordance(request with { After = after });
            pages++;
            Assert.True(page.Lines.Count <= request.Size);
            lines.AddRange(page.Lines);
            Assert.Equal(lines.Count, lines.Count);
            if (page.Next is null)
            {
                Assert.Equal(page.Total, lines.Count);
                return lines;
            }
            Assert.Equal(request.Size, page.Lines.Count);
            after = page.Next;
        }
    }

    [Theory]
    [InlineData("发展", "", ConcordanceCollation.Codepoint, 97)]
    [InlineData("发展", "left", ConcordanceCollation.Codepoint, 50)]
    [InlineData("发展", "right1,left1,date", ConcordanceCollation.Pinyin, 64)]
    [InlineData("人民", "leftword1,right", ConcordanceCollation.Codepoint, 241)]
    [InlineData("人民", "rightword1,rightword2,venue", ConcordanceCollation.Pinyin, 300)]
    [InlineData("我们", "date,left2,right2", ConcordanceCollation.Codepoint, 33)]
    [InlineData("我们", "leftword2,match", ConcordanceCollation.Codepoint, 200)]
    public void Pages_concatenated_equal_the_brute_force_list_in_every_sort(string phrase, string sort, ConcordanceCollation collation, int size)
    {
        var keys = ConcordanceNames.ParseSort([sort]).ToArray();
        var expected = Sorted(All(phrase), keys, collation);
        Assert.True(expected.Count > size, $"“{phrase}” has only {expected.Count} occurrences");

        var lines = Paged(new ConcordanceRequest(new SearchRequest(phrase), keys, collation, Context, size), out var pages);

        Assert.Equal((expected.Count + size - 1) / size, pages);
        Assert.Equal(
            expected.Select(e => (e.Document.Id, e.Start, e.Left, e.Match, e.Right, e.Document.Venue, e.Document.Date)),
            lines.Select(l => (l.Id, l.Offset, l.Left, l.Match, l.Right, l.Venue, l.Date)));
        Assert.Empty(corpus.Log.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("left")]
    [InlineData("rightword1,left1")]
    public void A_cursor_from_another_result_seeks_to_the_line_after_its_key(string sort)
    {
        // The narrower result's cursor points elsewhere in the full order, so the full one must find its place by key.
        var keys = ConcordanceNames.ParseSort([sort]).ToArray();
        var expected = Sorted(All("发展"), keys, ConcordanceCollation.Codepoint);
        var narrow = corpus.Service.Concordance(new ConcordanceRequest(
            new SearchRequest("发展", Kinds: [ArticleKinds.Speech]), keys, Context: Context, Size: 40));
        var last = narrow.Lines[^1];

        var page = corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest("发展"), keys, Context: Context, Size: 25, After: narrow.Next));

        var at = expected.FindIndex(e => e.Document.Id == last.Id && e.Start == last.Offset);
        Assert.True(at >= 0 && at != 39, "the narrower result's line should sit elsewhere in the full order");
        Assert.Equal(expected.Skip(at + 1).Take(25).Select(e => (e.Document.Id, e.Start)), page.Lines.Select(l => (l.Id, l.Offset)));
        Assert.Equal(expected.Count, page.Total);
    }

    [Fact]
    public void Filters_narrow_the_pages_to_the_documents_they_select()
    {
        var (from, _, kind) = DatedFilter.Of(corpus.Documents);
        var filters = new SearchRequest("发展", From: from, Kinds: [kind]);
        var expected = Sorted(
            [.. All("发展").Where(e => e.Document.Date >= from && e.Document.Kind == kind)], [ConcordanceKey.Right], ConcordanceCollation.Codepoint);
        var lines = Paged(new ConcordanceRequest(filters, [ConcordanceKey.Right], Context: Context, Size: 30), out _);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => (e.Document.Id, e.Start)), lines.Select(l => (l.Id, l.Offset)));
    }

    [Theory]
    [InlineData("人民 OR 民群", 37)]
    [InlineData("\"人民\" \"民群众\"", 23)]
    public void Overlapping_occurrences_of_different_phrases_are_one_line_in_document_order(string query, int size)
    {
        var phrases = query.Replace("OR", " ").Replace("\"", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var all = query.Contains("OR", StringComparison.Ordinal);
        // By definition: each phrase's occurrences, overlapping ones merged into one span, in documents holding the query.
        var expected = corpus.Documents
            .Where(d => all ? phrases.Any(p => Holds(d, p)) : phrases.All(p => Holds(d, p)))
            .SelectMany(d => Merge(phrases.SelectMany(p => ViewOracle.Occurrences(d.Text, p))).Select(o => (Document: d, o.Start, o.End)))
            .ToList();
        var ordered = Sorted([.. expected.Select(e => new Expected(e.Document, e.Start, e.End, "", e.Document.Text[e.Start..e.End], ""))], [], ConcordanceCollation.Codepoint);
        Assert.Contains(ordered, e => e.Match.Length > phrases.Max(p => p.Length));

        var lines = Paged(new ConcordanceRequest(new SearchRequest(query), [], Context: Context, Size: size), out _);

        Assert.Equal(ordered.Select(e => (e.Document.Id, e.Start, e.Match)), lines.Select(l => (l.Id, l.Offset, l.Match)));
        // The lines were counted from the index, not found by reading every text after a disagreement.
        Assert.Empty(corpus.Log.Warnings);
    }

    /// <summary>Whether a plain phrase finds the document: in its title, its text or a copy's text.</summary>
    private static bool Holds(CleanDocument document, string phrase) =>
        new[] { document.Title, document.Text }.Concat(document.Copies.Select(c => c.Text)).Any(t => ViewOracle.Occurrences(t, phrase).Count > 0);

    private static IEnumerable<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var (start, end) = (-1, -1);
        foreach (var (s, e) in spans.OrderBy(x => x.Start).ThenBy(x => x.End))
        {
            if (s < end)
            {
                end = Math.Max(end, e);
                continue;
            }
            if (end > start)
            {
                yield return (start, end);
            }
            (start, end) = (s, e);
        }
        if (end > start)
        {
            yield return (start, end);
        }
    }

    [Theory]
    [InlineData(ConcordanceGrouping.LeftWord)]
    [InlineData(ConcordanceGrouping.RightWord)]
    [InlineData(ConcordanceGrouping.Venue)]
    [InlineData(ConcordanceGrouping.Year)]
    [InlineData(ConcordanceGrouping.Month)]
    public void Group_counts_equal_brute_force(ConcordanceGrouping by)
    {
        var all = All("人民");
        var expected = all.GroupBy(e => by switch
            {
                ConcordanceGrouping.LeftWord => ViewOracle.WordsBefore(e.Document.Text, e.Start, 1).FirstOrDefault(),
                ConcordanceGrouping.RightWord => ViewOracle.WordsAfter(e.Document.Text, e.End, 1).FirstOrDefault(),
                ConcordanceGrouping.Venue => e.Document.Venue,
                ConcordanceGrouping.Year => e.Document.Date?.ToString("yyyy", CultureInfo.InvariantCulture),
                _ => e.Document.Date?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            })
            .ToDictionary(g => g.Key ?? "(none)", g => g.Count());

        var groups = corpus.Service.ConcordanceGroups(new ConcordanceRequest(new SearchRequest("人民"), []), by);

        Assert.Equal(all.Count, groups.Total);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), groups.Groups.ToDictionary(g => g.Key ?? "(none)", g => g.Count).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(groups.Groups.OrderByDescending(g => g.Count).Select(g => g.Count), groups.Groups.Select(g => g.Count));
        Assert.True(expected.Count > 1);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJLIjpbXSwiRCI6MCwiSSI6bnVsbCwiTyI6MCwiVCI6MH0")]
    public void A_forged_cursor_is_a_query_error(string after) =>
        Assert.Throws<QueryException>(() => corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest("发展"), [ConcordanceKey.Left], After: after)));

    [Fact]
    public void Out_of_range_settings_are_query_errors()
    {
        Assert.Throws<QueryException>(() => corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest("发展"), [], Context: 0)));
        Assert.Throws<QueryException>(() => corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest("发展"), [], Size: ConcordanceRequest.MaxSize + 1)));
        Assert.Throws<QueryException>(() => ConcordanceNames.ParseSort(["left,right,left1,right1"]));
        Assert.Throws<QueryException>(() => ConcordanceNames.ParseSort(["left,left"]));
        Assert.Throws<QueryException>(() => corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest(""), [])));
    }
}
