using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>Every timeline bucket equals brute force over the exported documents: documents, occurrences and characters, under filters, in every unit.</summary>
public sealed class TimelineTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void BucketsEqualBruteForceInEveryUnitUnderFilters()
    {
        var documents = corpus.Service.AllDocuments().ToList();
        var random = new Random(5);
        var checkedOccurrences = 0L;
        for (var round = 0; round < 24; round++)
        {
            var queries = Enumerable.Range(0, 1 + random.Next(SearchService.MaxTimelineQueries)).Select(_ => SamplePhrase(documents, random)).ToList();
            var request = RandomFilters(documents, random) with { Queries = queries };
            var result = corpus.Service.Timeline(request);
            var accepted = documents.Where(d => Accepts(request, d)).ToList();
            if (accepted.Count == 0)
            {
                Assert.All(result.Series, s => Assert.Empty(s.Buckets));
                continue;
            }
            var unit = request.Unit ?? result.Unit;
            Assert.Equal(request.Unit ?? ExpectedAutoUnit(accepted), result.Unit);
            var periods = Periods(unit, accepted);
            Assert.Equal(queries, result.Series.Select(s => s.Query));
            foreach (var (query, series) in queries.Zip(result.Series))
            {
                var expected = periods.Select(start =>
                {
                    var inPeriod = accepted.Where(d => PeriodStart(unit, d.Date!.Value) == start).ToList();
                    var matching = inPeriod.Where(d => Oracle.Count(d, query) > 0).ToList();
                    return new TimelineBucket(start, matching.Count, matching.Sum(d => (long)Oracle.Count(d, query)),
                        inPeriod.Sum(d => (long)d.Title.Length + d.Text.Length));
                }).ToList();
                Assert.Equal(expected, series.Buckets);
                checkedOccurrences += expected.Sum(b => b.Occurrences);
            }
        }
        Assert.True(checkedOccurrences > 1000, $"only {checkedOccurrences} occurrences checked");
    }

    [Fact]
    public void OverlappingOccurrencesCountAsGrepDoesAndSingleCharactersAreFound()
    {
        var documents = corpus.Service.AllDocuments().ToList();
        // Pairs of one repeated character taken from runs of three or more (000 in 2000, ……): grep -o counts them
        // without overlap; and single characters.
        var repeated = documents.Select(d => Oracle.Fold(d.Text)).SelectMany(t => Enumerable.Range(0, Math.Max(0, t.Length - 2))
                .Where(i => t[i] == t[i + 1] && t[i] == t[i + 2] && !char.IsWhiteSpace(t[i]) && t[i] is not ('"' or '-')).Select(i => t.Substring(i, 2)))
            .Distinct().Take(5).ToList();
        Assert.NotEmpty(repeated);
        foreach (var query in repeated.Concat(["的", "国", "。", "发展"]))
        {
            var result = corpus.Service.Timeline(new TimelineRequest([query], Unit: TimelineUnit.Year));
            Assert.Equal(
                documents.Where(d => d.Date is not null).Sum(d => (long)Oracle.Count(d, query)),
                result.Series[0].Buckets.Sum(b => b.Occurrences));
        }
    }

    [Theory]
    [InlineData("发展*3的")]
    [InlineData("国?")]
    [InlineData("的*2发展")]
    public void PatternTimelinesAreVerifiedAndCountedOnTheText(string pattern)
    {
        var documents = corpus.Service.AllDocuments().Where(d => d.Date is not null).ToList();
        var regex = PatternOracle.Build(pattern);
        var counts = PatternOracle.Count(documents, regex);
        var result = corpus.Service.Timeline(new TimelineRequest([pattern], Unit: TimelineUnit.Year));
        Assert.Equal(counts.Count, result.Series[0].Buckets.Sum(b => b.Documents));
        Assert.Equal(counts.Values.Sum(v => (long)v), result.Series[0].Buckets.Sum(b => b.Occurrences));
    }

    [Fact]
    public void BadRequestsAreRefusedWithAMessage()
    {
        Assert.Throws<QueryException>(() => corpus.Service.Timeline(new TimelineRequest([])));
        Assert.Throws<QueryException>(() => corpus.Service.Timeline(new TimelineRequest(["a", "b", "c", "d", "e"])));
        Assert.Throws<QueryException>(() => corpus.Service.Timeline(new TimelineRequest(["\"发展"])));
        Assert.Throws<QueryException>(() => corpus.Service.Timeline(new TimelineRequest([" "])));
        // Days over more than ten years would be thousands of periods.
        Assert.Throws<QueryException>(() => corpus.Service.Timeline(new TimelineRequest(["发展"], Unit: TimelineUnit.Day)));
    }

    private static TimelineRequest RandomFilters(IReadOnlyList<CleanDocument> documents, Random random)
    {
        var dated = documents.Where(d => d.Date is not null).Select(d => d.Date!.Value).Order().ToList();
        DateOnly? from = null, to = null;
        if (random.Next(2) == 0)
        {
            // A narrow window (days or weeks) or a wide one (months or years).
            var a = dated[random.Next(dated.Count)];
            (from, to) = random.Next(2) == 0 ? (a, a.AddDays(random.Next(1, 120))) : (a.AddYears(-1), a.AddYears(2));
        }
        // Venues and kinds of dated documents: only those can be on a timeline (dates are never guessed).
        var datedDocuments = documents.Where(d => d.Date is not null).ToList();
        var venues = random.Next(3) == 0
            ? datedDocuments.Where(d => d.Venue is not null).Select(d => d.Venue!).Distinct().OrderBy(v => v, StringComparer.Ordinal).Where((_, i) => i % 3 == random.Next(3)).Take(4).ToList()
            : [];
        var datedKinds = datedDocuments.Where(d => d.Kind is not null).Select(d => d.Kind!).Distinct().Order(StringComparer.Ordinal).ToList();
        var kinds = random.Next(3) == 0 ? new List<string> { datedKinds[random.Next(datedKinds.Count)] } : [];
        TimelineUnit?[] units = [null, TimelineUnit.Week, TimelineUnit.Month, TimelineUnit.Year];
        var unit = units[random.Next(units.Length)];
        if (from is not null && to!.Value.DayNumber - from.Value.DayNumber < 400 && random.Next(2) == 0)
        {
            unit = TimelineUnit.Day;
        }
        return new TimelineRequest([], from, to, venues, kinds, unit);
    }

    /// <summary>The site's venue rule, written again: a typed venue selects the stored ones equal to it or containing it.</summary>
    private static bool Accepts(TimelineRequest request, CleanDocument d) =>
        d.Date is { } date
        && (request.From is null || date >= request.From) && (request.To is null || date <= request.To)
        && (request.Venues is not { Count: > 0 } || (d.Venue is { } venue && request.Venues.Any(w => venue == w || (w.Length >= 2 && venue.Contains(w, StringComparison.Ordinal)))))
        && (request.Kinds is not { Count: > 0 } || request.Kinds.Contains(d.Kind));

    private static TimelineUnit ExpectedAutoUnit(List<CleanDocument> accepted)
    {
        var first = accepted.Min(d => d.Date!.Value);
        var last = accepted.Max(d => d.Date!.Value);
        var days = last.DayNumber - first.DayNumber;
        return days <= 92 ? TimelineUnit.Day : days <= 731 ? TimelineUnit.Week : last.Year - first.Year < 10 ? TimelineUnit.Month : TimelineUnit.Year;
    }

    private static DateOnly PeriodStart(TimelineUnit unit, DateOnly date) => unit switch
    {
        TimelineUnit.Day => date,
        TimelineUnit.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        TimelineUnit.Month => new DateOnly(date.Year, date.Month, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    private static List<DateOnly> Periods(TimelineUnit unit, List<CleanDocument> accepted)
    {
        if (accepted.Count == 0)
        {
            return [];
        }
        var last = PeriodStart(unit, accepted.Max(d => d.Date!.Value));
        var periods = new List<DateOnly>();
        for (var start = PeriodStart(unit, accepted.Min(d => d.Date!.Value)); start <= last;)
        {
            periods.Add(start);
            start = unit switch
            {
                TimelineUnit.Day => start.AddDays(1),
                TimelineUnit.Week => start.AddDays(7),
                TimelineUnit.Month => start.AddMonths(1),
                _ => start.AddYears(1),
            };
        }
        return periods;
    }

    /// <summary>A 1–4 character phrase cut from a random document's title or text, without line breaks or quotes.</summary>
    private static string SamplePhrase(IReadOnlyList<CleanDocument> documents, Random random)
    {
        while (true)
        {
            var document = documents[random.Next(documents.Count)];
            var text = Oracle.Fold(random.Next(5) == 0 ? document.Title : document.Text);
            var length = random.Next(1, 5);
            if (text.Length <= length)
            {
                continue;
            }
            var phrase = text.Substring(random.Next(text.Length - length), length);
            if (phrase.Any(c => c is '\n' or '"' or '“' or '-' || char.IsSurrogate(c) || char.IsWhiteSpace(c)) || phrase.StartsWith("title:", StringComparison.OrdinalIgnoreCase) || phrase == "OR")
            {
                continue;
            }
            return phrase;
        }
    }
}
