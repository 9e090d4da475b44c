using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Splitting;

/// <summary>Cuts a file's paragraphs into articles at headlines that open a new article.</summary>
/// <remarks>
/// A run of heading-like paragraphs is a headline when it stands before any prose of the current article
/// (then it is the title, or a subtitle), or when something says a new article begins: the previous one was
/// closed (a trailing dateline, a letter's signature and date), the next paragraph opens one (dateline, date line,
/// salutation, page-continuation marker, dated lead), the block has a headline and a subtitle, or the headline
/// names a speech, letter, meeting or inspection. Otherwise it is a subheading inside the article.
/// </remarks>
internal static class ArticleSplitter
{
    public static List<RawArticle> Split(NormalizedText text)
    {
        var articles = new List<RawArticle>();
        var paragraphs = text.Paragraphs;
        var builder = new Builder(text.HardWrapped, articles);
        var i = 0;
        while (i < paragraphs.Count)
        {
            var paragraph = paragraphs[i];
            if (!IsTitleLine(paragraph))
            {
                builder.Add(paragraph);
                i++;
                continue;
            }
            var j = i;
            while (j < paragraphs.Count && (IsTitleLine(paragraphs[j]) || IsWrappedTitleTail(paragraphs, j, text.HardWrapped)))
            {
                j++;
            }
            var block = new List<Paragraph>(j - i);
            for (var k = i; k < j; k++)
            {
                block.Add(paragraphs[k]);
            }
            if (!builder.HasProse)
            {
                builder.AddHeadline(block);
            }
            else if (StartsArticle(paragraphs, j, builder))
            {
                builder.Flush();
                builder.AddHeadline(block);
            }
            else
            {
                block.ForEach(builder.Add);
            }
            i = j;
        }
        builder.Flush();
        return articles;
    }

    private static bool IsTitleLine(Paragraph paragraph) =>
        paragraph.HeadingLike && !paragraph.Indented && !HeadingShape.IsNameOnly(paragraph.Text) && !IsDateLike(paragraph.Text)
        && !WebLeftovers.IsInterfaceLine(paragraph.Text);

    /// <summary>A hard-wrapped headline's last piece can be as short as a name or one character ("讲话", "信"); a byline is told apart
    /// by the date line after it.</summary>
    private static bool IsWrappedTitleTail(IReadOnlyList<Paragraph> paragraphs, int index, bool hardWrapped) =>
        hardWrapped && index > 0 && IsTitleLine(paragraphs[index - 1]) && !paragraphs[index].Indented
        && paragraphs[index].Text.Length <= 4 && paragraphs[index].Text.All(CharKinds.IsCjk)
        && (index + 1 >= paragraphs.Count || !ArticleCues.FullDateParagraph(paragraphs[index + 1].Text).Success);

    private static bool IsDateLike(string text) =>
        ArticleCues.FullDateParagraph(text).Success || ArticleCues.TrailingDateline(text).Success || ArticleCues.IsEndMark(text);

    /// <summary>Strong evidence only: the current article was closed, the next paragraph opens one, or the text under the
    /// headline ends as a letter does (a signature and a date). A heading alone, whatever its words, is a subheading.</summary>
    private static bool StartsArticle(IReadOnlyList<Paragraph> paragraphs, int next, Builder current) =>
        current.Closed || next < paragraphs.Count && OpensArticle(paragraphs[next]) || SectionIsSignedAndDated(paragraphs, next);

    /// <summary>The paragraphs from <paramref name="from"/> up to the next title line end in a bare name and a date line.</summary>
    private static bool SectionIsSignedAndDated(IReadOnlyList<Paragraph> paragraphs, int from)
    {
        var end = from;
        while (end < paragraphs.Count && !IsTitleLine(paragraphs[end]))
        {
            end++;
        }
        return end - from >= 3 && HeadingShape.IsNameOnly(paragraphs[end - 2].Text) && ArticleCues.FullDateParagraph(paragraphs[end - 1].Text).Success;
    }

    /// <summary>A paragraph that only comes at an article's start.</summary>
    internal static bool OpensArticle(Paragraph? paragraph) =>
        paragraph is not null && (paragraph.Continued || ArticleCues.Dateline(paragraph.Text).Success
            || ArticleCues.FullDateParagraph(paragraph.Text).Success || ArticleCues.IsSalutation(paragraph.Text)
            || ArticleCues.LeadDate(paragraph.Text).Success || ArticleCues.InlineDate(paragraph.Text).Success);

    /// <summary>Collects the article being read.</summary>
    private sealed class Builder(bool hardWrapped, List<RawArticle> articles)
    {
        private readonly List<Paragraph> headline = [];
        private List<Paragraph> body = [];
        private Paragraph? previous;

        /// <summary>The article has paragraphs beyond its header (title, date line, byline, salutation).</summary>
        public bool HasProse { get; private set; }

        /// <summary>The article's last paragraph ends it: a trailing dateline, an end mark, a letter's date after its signature.</summary>
        public bool Closed { get; private set; }

        public void AddHeadline(List<Paragraph> block) => headline.AddRange(block);

        public void Add(Paragraph paragraph)
        {
            if (HasProse && ArticleCues.Dateline(paragraph.Text).Success && HasDateline())
            {
                // A second dateline without a headline between: a new, untitled article.
                Flush();
            }
            Closed = ArticleCues.TrailingDateline(paragraph.Text).Success || ArticleCues.IsEndMark(paragraph.Text)
                || HasProse && ArticleCues.FullDateParagraph(paragraph.Text).Success && previous is not null && HeadingShape.IsNameOnly(previous.Text);
            if (!(paragraph.HeadingLike || ArticleCues.FullDateParagraph(paragraph.Text).Success || ArticleCues.IsSalutation(paragraph.Text)))
            {
                HasProse = true;
            }
            body.Add(paragraph);
            previous = paragraph;
        }

        private bool HasDateline() => body.Exists(p => ArticleCues.Dateline(p.Text).Success);

        public void Flush()
        {
            if (body.Count > 0)
            {
                articles.Add(new RawArticle(JoinHeadline(headline, hardWrapped), body, articles.Count + 1, hardWrapped));
            }
            else if (headline.Count > 0 && articles.Count > 0)
            {
                // A headline with nothing under it belongs to nothing; keep its words with the previous article.
                var last = articles[^1];
                articles[^1] = last with { Body = [.. last.Body, .. headline] };
            }
            else if (headline.Count > 0)
            {
                // A file of headline-like lines only: its lines are the text.
                articles.Add(new RawArticle("", [.. headline], 1, hardWrapped));
            }
            headline.Clear();
            body = [];
            previous = null;
            HasProse = false;
            Closed = false;
        }

        public static string JoinHeadline(List<Paragraph> block, bool hardWrapped) =>
            string.Join(hardWrapped ? "" : " ", block.Select(p => p.Text));
    }
}
