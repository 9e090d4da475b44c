using Lucene.Net.Analysis;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Util;

namespace Corpus.Search.Analysis;

/// <summary>
/// The field that decides what matches: every character of the width-folded, whitespace-free text as a unigram and
/// every adjacent pair as a bigram. Punctuation and line breaks are characters too, so a phrase without them can
/// never match across them, and a phrase with them matches them literally — grep semantics on folded text.
/// (CJKBigramFilter would leave digits and Latin words whole, so "20年" could not match inside "2020年".)
/// </summary>
public sealed class ExactAnalyzer : Analyzer
{

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new NGramTokenizer(LuceneVersion.LUCENE_48, reader, 1, 2));

    protected override TextReader InitReader(string fieldName, TextReader reader) => new WidthFoldingCharFilter(reader, dropWhitespace: true);
}
