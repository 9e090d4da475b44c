using System.Net.Http.Headers;
using System.Text;
using Corpus.Search;
using Corpus.Web.Api;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

public sealed class ConcordanceCsvTests
{
    [Fact]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_are_kept_as_text()
    {
        string[] attacks = ["=HYPERLINK(\"http://x\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
        var lines = attacks.Select((attack, i) => new ConcordanceLine(attack, attack, null, attack, attack, attack, attack, attack, i)).ToList();
        var harmless = new ConcordanceLine("a-b", "1=1 不是公式", new DateOnly(2020, 3, 10), "湖北省武汉市", "讲话", "左侧，", "疫情", "“+右侧”", 7);
        var text = new StringBuilder(ConcordanceCsv.Header + "\r\n");
        foreach (var line in lines.Append(harmless))
        {
            ConcordanceCsv.Row(text, line, "http://example.org/documents/" + line.Offset);
        }

        var rows = Csv.Parse(text.ToString());

        Assert.Equal(attacks.Length + 2, rows.Count);
        foreach (var (row, attack) in rows.Skip(1).Zip(attacks))
        {
            // Every text cell starts with the apostrophe and keeps the value whole after it; offsets are numbers.
            Assert.All(new[] { row[0], row[1], row[3], row[4], row[6], row[7], row[8] }, cell => Assert.Equal("'" + attack, cell));
            Assert.Matches("^[0-9]+$", row[9]);
        }
        Assert.Equal(["a-b", "1=1 不是公式", "2020-03-10", "湖北省武汉市", "讲话", "http://example.org/documents/7", "左侧，", "疫情", "“+右侧”", "7"], rows[^1]);
    }

    [Theory]
    [InlineData("疫情防控", "疫情防控-语境索引.csv")]
    [InlineData("\"a/b\" OR c:d", "_a_b_ OR c_d-语境索引.csv")]
    public void The_file_is_named_after_the_query_in_rfc_5987_form(string query, string name)
    {
        var header = ContentDispositionHeaderValue.Parse(ConcordanceCsv.ContentDisposition(query));
        Assert.Equal("attachment", header.DispositionType);
        Assert.Equal("concordance.csv", header.FileName);
        Assert.Equal(name, header.FileNameStar);
        Assert.Contains("filename*=UTF-8''", ConcordanceCsv.ContentDisposition(query));
    }
}
