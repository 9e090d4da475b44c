using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Corpus.Search.Analysis;

/// <summary>
/// The field that ranks: SmartCn's HMM word segmentation of the width-folded text, punctuation dropped with a
/// position gap so no word sequence runs across it. Indexed without positions (phrases match on the exact field).
/// It takes text already folded with <see cref="WidthFold.FoldWordChars"/> (one char for one, so offsets hold): a
/// string folded up front costs nothing next to segmentation; see FoldWordChars for why punctuation is left alone.
/// </summary>
/// <param name="sentences">Where an ingest keeps the sentences it has segmented (none for queries).</param>
public sealed class WordsAnalyzer(SentenceCache? sentences = null) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = sentences is null ? new HMMChineseTokenizer(reader) : new CachedSentenceTokenizer(reader, sentences);
        return new TokenStreamComponents(tokenizer, new PunctuationGapFilter(tokenizer));
    }
}
