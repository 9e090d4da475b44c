using System.Globalization;
using System.Text;
using Corpus.Search;

namespace Corpus.Web.Api;

/// <summary>A filler table as CSV in UTF-8 with a BOM, cells guarded like the concordance's (<see cref="ConcordanceCsv.Cell"/>).</summary>
public static class FillerCsv
{
    public static byte[] Write(FillerTable table)
    {
        var text = new StringBuilder();
        text.Append("filler,match,occurrences,documents,query\r\n");
        foreach (var row in table.Rows)
        {
            Append(text, row.Filler).Append(',');
            Append(text, row.Match).Append(',');
            text.Append(row.Occurrences.ToString(CultureInfo.InvariantCulture)).Append(',');
            text.Append(row.Documents.ToString(CultureInfo.InvariantCulture)).Append(',');
            Append(text, row.Query).Append("\r\n");
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static StringBuilder Append(StringBuilder text, string value)
    {
        value = ConcordanceCsv.Cell(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? text.Append(value)
            : text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
