using ICU4N.Text;

namespace Corpus.Search.Analysis;

/// <summary>
/// Traditional characters fold to Simplified ones, one char for one, from ICU's "Traditional-Simplified" transform
/// applied to each CJK ideograph on its own (so offsets in the folded text map back to the original). The transform
/// is many-to-one (乾 and 干 both give 干, 後 and 后 give 后, 髮 and 發 give 发), so folding goes only towards
/// Simplified: both sides of a match are folded, and a query for 干 also finds 乾.
/// </summary>
internal static class ScriptFold
{
    private const char First = '\u3400';

    public static char ToSimplified(char c) => c < First ? c : Table.Map[c - First];

    /// <summary>Built on first use: loading ICU's transform rules takes a second or two, once per process.</summary>
    private static class Table
    {
        public static readonly char[] Map = Build();

        private static char[] Build()
        {
            var map = new char[char.MaxValue - First + 1];
            var transform = Transliterator.GetInstance("Traditional-Simplified");
            for (var i = 0; i < map.Length; i++)
            {
                var c = (char)(First + i);
                map[i] = c;
                if (IsIdeograph(c) && transform.Transliterate(c.ToString()) is { Length: 1 } simplified)
                {
                    map[i] = simplified[0];
                }
            }
            // A char that folds to one that itself folds further would break "fold twice = fold once": follow chains.
            for (var i = 0; i < map.Length; i++)
            {
                while (map[i] >= First && map[map[i] - First] != map[i])
                {
                    map[i] = map[map[i] - First];
                }
            }
            return map;
        }

        private static bool IsIdeograph(char c) => c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
    }
}
