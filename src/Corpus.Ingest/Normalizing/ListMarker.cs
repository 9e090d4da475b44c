using System.Text.RegularExpressions;

namespace Corpus.Ingest.Normalizing;

/// <summary>The marker opening a list item: "* ", "- ", "• ", "1. ", "2) ", "(3) ", "一、", "（四）".</summary>
internal static partial class ListMarker
{
    /// <summary>Screen cells the marker and the space after it take, or 0 when the line opens no list item.</summary>
    public static int Cells(string text)
    {
        if (text.Length < 2 || !MayOpen(text[0]))
        {
            return 0;
        }
        var match = Marker().Match(text);
        if (!match.Success)
        {
            return 0;
        }
        var cells = 0;
        foreach (var c in match.ValueSpan)
        {
            cells += CharKinds.Cells(c);
        }
        return cells;
    }

    private static bool MayOpen(char c) =>
        c is '*' or '-' or '+' or '•' or '·' or '–' or '(' or '（' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十'
        || char.IsAsciiDigit(c);

    [GeneratedRegex(@"^(?:[*+•·–-][ \t]+|\d{1,3}[.)][ \t]+|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）][ \t\u3000]*|[一二三四五六七八九十]{1,3}、)")]
    private static partial Regex Marker();
}
