using System.Text;
using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// What grep would say, with the test's own idea of "the same character": full-width ASCII as half-width, Latin in
/// lower case, whitespace other than line breaks dropped, and Traditional characters as Simplified from a short
/// list written here (not from ICU, which the product uses). Documents are matched on title and text.
/// </summary>
internal static class Oracle
{
    /// <summary>Traditional → Simplified pairs of common characters (a Simplified one may have several Traditional forms).</summary>
    public static IReadOnlyDictionary<char, char> TraditionalToSimplified { get; } = Pairs(
        "國国 發发 髮发 後后 體体 說说 為为 會会 這这 來来 時时 對对 們们 長长 開开 關关 問问 與与 個个 學学 " +
        "經经 濟济 實实 現现 過过 還还 進进 動动 總总 書书 記记 習习 區区 東东 產产 業业 戰战 場场 黨党 民民 " +
        "設设 點点 義义 頭头 機机 幹干 乾干 衛卫 導导 農农 電电 話话 灣湾 處处 務务 專专 環环 廣广 萬万 億亿 " +
        "華华 團团 應应 線线 級级 斷断 層层 氣气 質质 認认 識识 協协 調调 議议 讓让 變变 強强 辦办 邊边 將将 " +
        "標标 準准 兩两 車车 馬马 門门 見见 歲岁 場场 傳传 運运 腳脚 際际 陸陆 張张 縣县 鄉乡 鎮镇 村村 樣样");

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != '\n' && char.IsWhiteSpace(c))
            {
                continue;
            }
            var d = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            d = d is >= 'A' and <= 'Z' ? (char)(d + 32) : d;
            folded.Append(TraditionalToSimplified.TryGetValue(d, out var simplified) ? simplified : d);
        }
        return folded.ToString();
    }

    /// <summary>Leftmost non-overlapping occurrences of a phrase, as grep -o counts them.</summary>
    public static int Count(string text, string phrase)
    {
        var (t, p) = (Fold(text), Fold(phrase));
        var count = 0;
        for (var at = t.IndexOf(p, StringComparison.Ordinal); at >= 0; at = t.IndexOf(p, at + p.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>A plain phrase's occurrences in a document: title and text, or, when the text has none, title and copies
    /// (the README's rule: a document that matched through a copy counts the copy's occurrences).</summary>
    public static int Count(CleanDocument document, string phrase)
    {
        var inText = Count(document.Text, phrase);
        return Count(document.Title, phrase) + (inText > 0 ? inText : document.Copies.Sum(c => Count(c.Text, phrase)));
    }

    /// <summary>Simplified characters of the list written in a Traditional form (the first listed).</summary>
    public static string ToTraditional(string text)
    {
        var back = TraditionalToSimplified.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
        return new string([.. text.Select(c => back.TryGetValue(c, out var traditional) ? traditional : c)]);
    }

    private static Dictionary<char, char> Pairs(string list)
    {
        var pairs = new Dictionary<char, char>();
        foreach (var pair in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair[0] != pair[1])
            {
                pairs[pair[0]] = pair[1];
            }
        }
        return pairs;
    }
}
