using Lucene.Net.Analysis;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Util;

namespace Corpus.Search.Analysis;

/// <summary>
/// The field that decides what matches: every adjacent pair of characters of the width-folded, whitespace-free text,
/// the pair starting at character k at position k. Punctuation and line breaks are characters too, so a phrase
/// without them can never match across them, and one with them matches them literally: grep semantics on folded
/// text. (CJKBigramFilter would leave digits and Latin words whole, so "20年" could not match inside "2020年".)
/// The text ends with a line break, so every character starts a pair and a single character is found as the prefix
/// of pairs. No unigrams: they doubled the positions to write and cost a third of the indexing time.
/// </summary>
public sealed class ExactAnalyzer : Analyzer
{

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new NGramTokenizer(LuceneVersion.LUCENE_48, reader, 2, 2));

    protected override TextReader InitReader(string fieldName, TextReader reader) => new WidthFoldingCharFilter(reader);
}
