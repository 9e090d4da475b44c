using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Analysis;

/// <summary>Drops tokens made only of punctuation or symbols; FilteringTokenFilter keeps their position increments as a gap.</summary>
public sealed class PunctuationGapFilter(TokenStream input) : FilteringTokenFilter(Lucene.Net.Util.LuceneVersion.LUCENE_48, input)
{
    private readonly ICharTermAttribute term = input.AddAttribute<ICharTermAttribute>();

    protected override bool Accept()
    {
        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
        {
            if (char.IsLetterOrDigit(buffer[i]))
            {
                return true;
            }
        }
        return false;
    }
}
