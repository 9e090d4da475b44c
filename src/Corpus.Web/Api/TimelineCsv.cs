using System.Globalization;
using System.Text;
using Corpus.Search;

namespace Corpus.Web.Api;

/// <summary>A timeline as CSV (UTF-8 with a BOM for Excel), one row per query and period, per-million figures included.</summary>
public static class TimelineCsv
{
    public static byte[] Write(TimelineResult result)
    {
        var text = new StringBuilder("query,unit,start,documents,occurrences,characters,occurrences_per_million\r\n");
        var unit = TimelineUnits.Format(result.Unit);
        foreach (var series in result.Series)
        {
            var query = ConcordanceCsv.Cell(series.Query);
            query = query.AsSpan().IndexOfAny(",\"\r\n") < 0 ? query : "\"" + query.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            foreach (var bucket in series.Buckets)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{query},{unit},{bucket.Start:yyyy-MM-dd},{bucket.Documents},{bucket.Occurrences},{bucket.Characters},{bucket.OccurrencesPerMillion():0.###}\r\n");
            }
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }
}
