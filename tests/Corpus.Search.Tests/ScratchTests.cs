using Corpus.Search.Analysis;
using Xunit.Abstractions;
namespace Corpus.Search.Tests;
public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var t in Tokens.Of(new ExactAnalyzer(), "疫情 防控，ＡＢc2020年")) output.WriteLine(t.ToString());
        foreach (var t in Tokens.Of(new WordsAnalyzer(), "在抗击新冠肺炎疫情的关键时刻，中共中央总书记ＡＢ 2020年3月10日。")) output.WriteLine(t.ToString());
    }
}
