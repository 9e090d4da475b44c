using System.Text.RegularExpressions;
using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Splitting;

/// <summary>What a web page leaves in copied text: interface lines ("点击观看视频", "责任编辑：…") and a topic label
/// after the article's last sentence. Removed after splitting, so they can still mark where an article ends.</summary>
internal static partial class WebLeftovers
{
    /// <summary>Longest trailing line taken for a topic label; a label is a phrase, not a paragraph.</summary>
    private const int MaxLabelLength = 24;

    /// <summary>A label repeats at least this many characters of the headline in a row.</summary>
    private const int SharedRun = 4;

    /// <summary>The body without interface lines and a trailing topic label, which go to <paramref name="removed"/>.</summary>
    public static IReadOnlyList<Paragraph> Strip(string headline, IReadOnlyList<Paragraph> body, List<RemovedText> removed)
    {
        var kept = new List<Paragraph>(body.Count);
        foreach (var paragraph in body)
        {
            if (IsInterfaceLine(paragraph.Text))
            {
                removed.Add(new RemovedText(paragraph.Text, RemovedText.WebLeftover));
            }
            else
            {
                kept.Add(paragraph);
            }
        }
        if (kept.Count >= 2 && IsTrailingLabel(kept[^1].Text, kept[^2].Text, headline))
        {
            removed.Add(new RemovedText(kept[^1].Text, RemovedText.TopicLabel));
            kept.RemoveAt(kept.Count - 1);
        }
        return kept.Count == body.Count ? body : kept;
    }

    /// <summary>A line that is only a piece of the page's interface.</summary>
    public static bool IsInterfaceLine(string text) => text.Length <= 32 && InterfaceLine().IsMatch(text);

    /// <summary>A short phrase without punctuation after a paragraph that ended a sentence, repeating the headline's
    /// words or marked as a label. Signatures and dates are not labels: a bare name or a date line stays.</summary>
    private static bool IsTrailingLabel(string last, string before, string headline) =>
        last.Length <= MaxLabelLength && CharKinds.IsTerminal(before[^1])
        && !HeadingShape.IsNameOnly(last) && !ArticleCues.FullDateParagraph(last).Success && !ArticleCues.IsEndMark(last)
        && (LabelLine().IsMatch(last) || HeadingShape.IsHeadingLike(last) && !last.Any(c => c is '：' or ':') && SharesRun(last, headline));

    private static bool SharesRun(string line, string headline)
    {
        for (var i = 0; i + SharedRun <= line.Length; i++)
        {
            if (headline.Contains(line.AsSpan(i, SharedRun), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?:点击(?:观看|播放|查看)(?:视频|大图|全文)?|视频[：:].{0,24}|扫一扫.{0,16}|分享到.{0,16}|责任编辑[：:].{0,12}|来源[：:].{0,20}|打印本页|关闭窗口|返回顶部|[【\[]纠错[】\]]|字号[：:]?\s*[大中小\s]*)$")]
    private static partial Regex InterfaceLine();

    [GeneratedRegex(@"^(?:专题|相关专题|相关新闻|关键词|标签)[：:\s]")]
    private static partial Regex LabelLine();
}
