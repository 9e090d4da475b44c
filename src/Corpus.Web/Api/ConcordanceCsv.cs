using System.Buffers;
using System.Globalization;
using System.Text;
using Corpus.Search;

namespace Corpus.Web.Api;

/// <summary>Concordance lines as RFC 4180 CSV in UTF-8 with a BOM, so Excel opens the Chinese text correctly.</summary>
public static class ConcordanceCsv
{
    /// <summary>Response headers that say the file holds only the first lines of <c>X-Corpus-Total</c>.</summary>
    public const string TruncatedHeader = "X-Corpus-Truncated";

    public const string TotalHeader = "X-Corpus-Total";

    /// <summary>First characters a spreadsheet reads as the start of a formula (or that hide one behind them).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static byte[] Write(ConcordanceResult result)
    {
        var text = new StringBuilder();
        text.Append("id,title,date,left,match,right,offset\r\n");
        foreach (var line in result.Lines)
        {
            Append(text, line.Id).Append(',');
            Append(text, line.Title).Append(',');
            Append(text, line.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "").Append(',');
            Append(text, line.Left).Append(',');
            Append(text, line.Match).Append(',');
            Append(text, line.Right).Append(',');
            text.Append(line.Offset.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>
    /// A cell as a spreadsheet must read it: text from the corpus that starts like a formula gets a leading
    /// apostrophe (the OWASP advice against CSV injection), so it is shown as text and never evaluated.
    /// </summary>
    public static string Cell(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    private static StringBuilder Append(StringBuilder text, string value)
    {
        value = Cell(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text.Append(value);
        }
        return text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
