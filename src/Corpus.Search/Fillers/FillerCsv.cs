using System.Globalization;
using System.Text;
using Corpus.Search.Csv;

namespace Corpus.Search.Fillers;

/// <summary>A filler table as CSV in UTF-8 with a BOM: what /fillers.csv serves and `corpus fillers --csv` writes.</summary>
public static class FillerCsv
{
    public static byte[] Write(FillerTable table)
    {
        var text = new StringBuilder();
        text.Append("filler,match,occurrences,documents,query\r\n");
        foreach (var row in table.Rows)
        {
            CsvCell.Append(text, row.Filler).Append(',');
            CsvCell.Append(text, row.Match).Append(',');
            text.Append(row.Occurrences.ToString(CultureInfo.InvariantCulture)).Append(',');
            text.Append(row.Documents.ToString(CultureInfo.InvariantCulture)).Append(',');
            CsvCell.Append(text, row.Query).Append("\r\n");
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }
}
