using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Tests;

internal sealed record Token(string Term, int Position, int Start, int End);

internal static class Tokens
{
    public static List<Token> Of(Analyzer analyzer, string text)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += posInc.PositionIncrement;
            tokens.Add(new Token(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return tokens;
    }
}
