namespace Corpus.Ingest.Normalizing;

/// <summary>Character classes the cleaning rules are written in.</summary>
internal static class CharKinds
{
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3007'
        || char.IsSurrogate(c);

    public static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F';

    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '\uFF10' and <= '\uFF19';

    /// <summary>Spaces that text extraction scatters: ASCII space, tab, no-break space (not the ideographic space, which is typography).</summary>
    public static bool IsLooseSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F';

    /// <summary>Characters that are dropped everywhere: BOM, zero-width spaces and joiners.</summary>
    public static bool IsInvisible(char c) => c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD';

    /// <summary>Ends a sentence or a paragraph: a line ending in one of these is not a wrapped line.</summary>
    public static bool IsTerminal(char c) =>
        c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '：' or ':' or '…' or '—' or '─' or '.'
            or '”' or '’' or '」' or '』' or '）' or ')' or '】' or '》' or '〉';

    /// <summary>Cells the character takes on a monospaced screen: two for CJK, kana, Hangul and full-width forms.</summary>
    public static int Cells(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF01' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' or >= '\uD800' and <= '\uDBFF'
            ? 2
            : char.IsLowSurrogate(c) ? 0 : 1;

    /// <summary>Characters East Asian fonts draw two cells wide and Western ones one ("ambiguous width"): quotes, dashes,
    /// bullets, ellipsis, some symbols.</summary>
    public static bool IsAmbiguousWidth(char c) =>
        c is '“' or '”' or '‘' or '’' or '—' or '–' or '…' or '·' or '•' or '§' or '°' or '±' or '×' or '÷' or '※' or '→' or '←' or '√';

    /// <summary>Punctuation that separates clauses: a line holding one is prose, not a heading.</summary>
    public static bool IsClausePunctuation(char c) =>
        c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?';
}
