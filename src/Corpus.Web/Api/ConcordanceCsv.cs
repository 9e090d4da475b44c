using System.Globalization;
using System.Text;
using Corpus.Search;

namespace Corpus.Web.Api;

/// <summary>Concordance lines as RFC 4180 CSV in UTF-8 with a BOM, so Excel opens the Chinese text correctly.</summary>
public static class ConcordanceCsv
{
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

    private static StringBuilder Append(StringBuilder text, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text.Append(value);
        }
        return text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
