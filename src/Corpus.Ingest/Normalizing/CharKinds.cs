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

    /// <summary>Punctuation that separates clauses: a line holding one is prose, not a heading.</summary>
    public static bool IsClausePunctuation(char c) =>
        c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?';
}
