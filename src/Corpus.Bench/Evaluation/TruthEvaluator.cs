using System.Text.Json;
using Corpus.Ingest.Model;

namespace Corpus.Bench.Evaluation;

/// <summary>Measures an ingest result against the truth.jsonl written by gen_corpus.py.</summary>
public static class TruthEvaluator
{
    public static TruthEvaluation Evaluate(IngestResult result, string truthPath)
    {
        var truth = ReadTruth(truthPath);
        var documentOf = new Dictionary<(string File, int Part), int>();
        for (var d = 0; d < result.Documents.Count; d++)
        {
            foreach (var source in result.Documents[d].Sources)
            {
                documentOf[(source.File, source.Part)] = d;
            }
        }
        int split = 0, date = 0, undated = 0, dateExact = 0, venue = 0, venueScored = 0, venueAll = 0, kind = 0, title = 0;
        foreach (var article in truth)
        {
            var documents = article.Appearances.Select(a => documentOf.TryGetValue(a, out var d) ? d : -1).Distinct().ToList();
            var isLetter = article.Kind == ArticleKinds.Letter;
            venueScored += isLetter ? 0 : 1;
            if (documents.Count != 1 || documents[0] < 0)
            {
                continue;
            }
            split++;
            var document = result.Documents[documents[0]];
            var exact = document.Date == article.Date;
            dateExact += exact ? 1 : 0;
            // The generator states the year only in a letter's closing date; elsewhere it draws a year that the text never
            // names, so there the right answer is no date, or one whose year came from the file with month and day right.
            var yearUnstated = !isLetter;
            var leftOpen = document.Date is null;
            undated += leftOpen ? 1 : 0;
            date += exact || yearUnstated && (leftOpen || document.DateInferred && document.Date is { } d
                && d.Month == article.Date.Month && d.Day == article.Date.Day) ? 1 : 0;
            var venueRight = document.Venue == article.Venue;
            venueAll += venueRight ? 1 : 0;
            venue += venueRight && !isLetter ? 1 : 0;
            kind += document.Kind == article.Kind ? 1 : 0;
            title += document.Title == article.Title ? 1 : 0;
        }
        var truthPairs = Pairs(truth.Select(t => t.Appearances));
        var resultPairs = Pairs(result.Documents.Select(d => d.Sources.Select(s => (s.File, s.Part)).ToList()));
        var together = resultPairs.Count(truthPairs.Contains);
        double Share(int count, int total) => total == 0 ? 1.0 : count / (double)total;
        return new TruthEvaluation(
            truth.Count, result.Documents.Count, documentOf.Count,
            Share(split, truth.Count), Share(date, truth.Count), Share(dateExact, truth.Count), Share(undated, truth.Count),
            Share(venue, venueScored), Share(venueAll, truth.Count), Share(kind, truth.Count), Share(title, truth.Count),
            truthPairs.Count, resultPairs.Count, Share(together, resultPairs.Count), Share(together, truthPairs.Count));
    }

    private static HashSet<((string, int), (string, int))> Pairs(IEnumerable<List<(string File, int Part)>> groups)
    {
        var pairs = new HashSet<((string, int), (string, int))>();
        foreach (var group in groups)
        {
            var ordered = group.Distinct().Order().ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    pairs.Add((ordered[i], ordered[j]));
                }
            }
        }
        return pairs;
    }

    private sealed record TruthArticle(string Title, DateOnly Date, string Venue, string Kind, List<(string File, int Part)> Appearances);

    private static List<TruthArticle> ReadTruth(string path)
    {
        var articles = new List<TruthArticle>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            // The truth counts parts from 0, the ingest result from 1.
            var appearances = root.GetProperty("appears_in").EnumerateArray()
                .Select(a => (a.GetProperty("file").GetString()!.Replace('\\', '/'), a.TryGetProperty("part", out var part) ? part.GetInt32() + 1 : 1))
                .ToList();
            articles.Add(new TruthArticle(
                root.GetProperty("title").GetString()!, DateOnly.ParseExact(root.GetProperty("date").GetString()!, "yyyy-MM-dd"),
                root.GetProperty("venue").GetString()!, root.GetProperty("kind").GetString()!, appearances));
        }
        return articles;
    }
}
