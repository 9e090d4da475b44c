using System.Buffers;
using System.Text;

namespace Corpus.Search.Csv;

/// <summary>RFC 4180 cells as a spreadsheet must read them, for every CSV the site and the command line write.</summary>
public static class CsvCell
{
    /// <summary>First characters a spreadsheet reads as the start of a formula (or that hide one behind them).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>
    /// Text from the corpus that starts like a formula gets a leading apostrophe (the OWASP advice against CSV
    /// injection), so it is shown as text and never evaluated.
    /// </summary>
    public static string Guard(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>The guarded value, quoted when it holds a comma, quote or line break.</summary>
    public static StringBuilder Append(StringBuilder text, string value)
    {
        value = Guard(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? text.Append(value)
            : text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
