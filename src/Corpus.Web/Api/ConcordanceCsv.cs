using System.Globalization;
using System.Text;
using Corpus.Search;
using Corpus.Search.Csv;
using Microsoft.Net.Http.Headers;

namespace Corpus.Web.Api;

/// <summary>
/// Concordance lines as RFC 4180 CSV in UTF-8 with a BOM (so Excel opens the Chinese text correctly), written line by
/// line as they come, so a download of any size never sits whole in memory.
/// </summary>
public static class ConcordanceCsv
{
    /// <summary>Occurrences in the whole download, known before the first line is written.</summary>
    public const string TotalHeader = "X-Corpus-Total";

    /// <summary>Whether a capped download (the filler table) left rows out.</summary>
    public const string TruncatedHeader = "X-Corpus-Truncated";

    public const string Header = "id,title,date,venue,kind,url,left,match,right,offset";

    private static readonly char[] Unsafe = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <param name="documentUrl">The absolute URL of a document, by id.</param>
    public static async Task Write(Stream body, IEnumerable<ConcordanceLine> lines, Func<string, string> documentUrl, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteAsync(Header + "\r\n");
        var row = new StringBuilder();
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row.Clear();
            Row(row, line, documentUrl(line.Id));
            await writer.WriteAsync(row, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV record, with its CRLF.</summary>
    public static StringBuilder Row(StringBuilder text, ConcordanceLine line, string url)
    {
        Append(text, line.Id).Append(',');
        Append(text, line.Title).Append(',');
        Append(text, line.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "").Append(',');
        Append(text, line.Venue ?? "").Append(',');
        Append(text, line.Kind ?? "").Append(',');
        Append(text, url).Append(',');
        Append(text, line.Left).Append(',');
        Append(text, line.Match).Append(',');
        Append(text, line.Right).Append(',');
        return text.Append(line.Offset.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
    }

    /// <summary>attachment; an ASCII name for old clients and the query's own name as RFC 5987 filename* for the rest.</summary>
    public static string ContentDisposition(string query)
    {
        var name = new string([.. query.Select(c => char.IsControl(c) || Unsafe.Contains(c) ? '_' : c)]).Trim();
        return new ContentDispositionHeaderValue("attachment") { FileName = "concordance.csv", FileNameStar = $"{name}-语境索引.csv" }.ToString();
    }

    /// <summary>A cell as a spreadsheet must read it (<see cref="CsvCell.Guard"/>).</summary>
    public static string Cell(string value) => CsvCell.Guard(value);

    private static StringBuilder Append(StringBuilder text, string value) => CsvCell.Append(text, value);
}
