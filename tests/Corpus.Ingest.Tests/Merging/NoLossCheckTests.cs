using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Tests.Merging;

/// <summary>
/// The check itself: a sentence of the decoded file that no article holds (in folded form) and no dropped piece
/// explains is reported (as decoded, without its closing mark); one that an article holds, or whose rest around a dropped piece an article holds, is not.
/// </summary>
public sealed class NoLossCheckTests
{
    private const string Decoded = "第一段讲的是春天。\n第二段讲夏天，第３页秋天也到了！\n最后一句话是冬天的事；\n";

    [Fact]
    public void A_file_whose_articles_hold_every_sentence_has_nothing_unaccounted()
    {
        // Wrapped, spaced and in full-width forms otherwise: the comparison is of letters and digits.
        var articles = new[] { Article("标题", "第一段讲的是 春天。第二段讲夏天，第3页秋天也到了！\n最后一句话是\n冬天的事；") };

        Assert.Empty(NoLossCheck.Unaccounted(Decoded, articles, []));
    }

    [Fact]
    public void A_sentence_in_no_article_is_reported_as_decoded()
    {
        var articles = new[] { Article("标题", "第一段讲的是春天。最后一句话是冬天的事；") };

        Assert.Equal(["第二段讲夏天，第３页秋天也到了"], NoLossCheck.Unaccounted(Decoded, articles, []));
    }

    [Fact]
    public void Dropped_text_inside_a_sentence_accounts_for_itself_only()
    {
        var dropped = new[] { new DroppedText("a.txt", "第３页", "page number") };
        var whole = new[] { Article("标题", "第一段讲的是春天。第二段讲夏天，秋天也到了！最后一句话是冬天的事；") };
        // The rest of the sentence around the dropped page number is missing in part.
        var cut = new[] { Article("标题", "第一段讲的是春天。第二段讲夏天，最后一句话是冬天的事；") };

        Assert.Empty(NoLossCheck.Unaccounted(Decoded, whole, dropped));
        Assert.Equal(["第二段讲夏天，第３页秋天也到了"], NoLossCheck.Unaccounted(Decoded, cut, dropped));
    }

    [Fact]
    public void A_title_accounts_for_its_line()
    {
        var articles = new[] { Article("第一段讲的是春天", "第二段讲夏天，第3页秋天也到了！最后一句话是冬天的事；") };

        Assert.Empty(NoLossCheck.Unaccounted(Decoded, articles, []));
    }

    private static ArticleCopy Article(string title, string text) => new(
        "a.txt", 1, text, new ArticleMetadata(title, true, PartialDate.None, false, null, null, null),
        ShingleSketch.Create(TextFolder.Fold(text)), false, 0, false);
}
