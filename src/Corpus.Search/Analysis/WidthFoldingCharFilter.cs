using Lucene.Net.Analysis.CharFilters;

namespace Corpus.Search.Analysis;

/// <summary>
/// The exact field's reader: applies <see cref="WidthFold"/> with offsets corrected back to the original text, drops
/// ignorable whitespace and ends the text with a line break, so that every character starts a
/// bigram (see <see cref="ExactAnalyzer"/>). MappingCharFilter can do the same from a table, at a tenth of the speed (an FST
/// lookup per char); this folds each buffer in place.
/// </summary>
internal sealed class WidthFoldingCharFilter(TextReader input) : BaseCharFilter(input)
{
    private int consumed;
    private int emitted;
    private bool ended;

    public override int Read(char[] buffer, int index, int count)
    {
        while (true)
        {
            var read = m_input.Read(buffer, index, count);
            if (read <= 0)
            {
                if (ended || count == 0)
                {
                    return read;
                }
                ended = true;
                buffer[index] = '\n';
                // The added break has no char of its own: its end maps onto the end of the text, not one past it.
                AddOffCorrectMap(emitted + 1, consumed - (emitted + 1));
                return 1;
            }
            var kept = 0;
            for (var i = 0; i < read; i++)
            {
                var c = buffer[index + i];
                consumed++;
                if (WidthFold.IsIgnorable(c))
                {
                    // From here on, output offsets lie further behind the input by one more char.
                    AddOffCorrectMap(emitted + kept, consumed - (emitted + kept));
                    continue;
                }
                buffer[index + kept++] = WidthFold.Fold(c);
            }
            emitted += kept;
            if (kept > 0)
            {
                return kept;
            }
        }
    }
}
