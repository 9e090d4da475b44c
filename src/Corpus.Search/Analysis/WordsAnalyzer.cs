using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Corpus.Search.Analysis;

/// <summary>
/// The field that ranks: SmartCn's HMM word segmentation of the width-folded text, punctuation dropped with a
/// position gap so no word sequence runs across it. Indexed without positions (phrases match on the exact field).
/// </summary>
public sealed class WordsAnalyzer : Analyzer
{
    private static readonly NormalizeCharMap Map = WidthFold.CharMap(dropWhitespace: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new PunctuationGapFilter(tokenizer));
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Map, reader);
}
