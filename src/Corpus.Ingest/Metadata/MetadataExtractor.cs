using System.Text.RegularExpressions;
using Corpus.Ingest.Model;
using Corpus.Ingest.Normalizing;
using Corpus.Ingest.Splitting;

namespace Corpus.Ingest.Metadata;

/// <summary>Reads title, date, venue, kind and speaker off one article's headline and paragraphs.</summary>
internal static partial class MetadataExtractor
{
    private const int HeaderParagraphs = 4;
    private const int UntitledTitleLength = 40;

    public static ArticleMetadata Extract(RawArticle article)
    {
        var body = article.Body;
        var lead = body.FirstOrDefault(IsProse);
        var titled = article.Headline.Length > 0;
        var title = titled ? article.Headline : FirstSentence(lead?.Text ?? body[0].Text);
        var hasSalutation = body.Take(HeaderParagraphs).Any(p => ArticleCues.IsSalutation(p.Text));
        var signedAndDated = SignatureIndex(body) >= 0;
        var (date, datelinePlace) = FindDate(body, lead);
        // Kind and speaker are read off the headline and lead only where the text is shaped as news, a speech or a
        // letter (a date of its own, a salutation, a signature): a manual's heading "报告 Bug" or "总览" names nobody.
        var shaped = hasSalutation || signedAndDated || date.HasDay;
        var kind = shaped ? KindClassifier.Classify(title, lead?.Text, hasSalutation, signedAndDated) : ArticleKinds.Report;
        var venue = FindVenue(datelinePlace, title, kind == ArticleKinds.Letter ? null : lead?.Text);
        return new ArticleMetadata(title, titled, date, false, venue, kind, shaped ? FindSpeaker(body, title, lead?.Text) : null, shaped);
    }

    private static bool IsProse(Paragraph paragraph) =>
        !paragraph.HeadingLike && !ArticleCues.FullDateParagraph(paragraph.Text).Success && !ArticleCues.IsSalutation(paragraph.Text);

    private static string FirstSentence(string text)
    {
        var end = text.AsSpan().IndexOfAny("。！？!?；;");
        var sentence = end > 0 ? text[..end] : text;
        return sentence.Length > UntitledTitleLength ? sentence[..UntitledTitleLength] + "…" : sentence;
    }

    /// <summary>Index of a letter's signature (a bare name followed by a date line) near the end, or -1.</summary>
    private static int SignatureIndex(IReadOnlyList<Paragraph> body)
    {
        for (var i = body.Count - 2; i >= Math.Max(0, body.Count - 4); i--)
        {
            if (HeadingShape.IsNameOnly(body[i].Text) && ArticleCues.FullDateParagraph(body[i + 1].Text).Success)
            {
                return i;
            }
        }
        return -1;
    }

    private static (PartialDate Date, string? Place) FindDate(IReadOnlyList<Paragraph> body, Paragraph? lead)
    {
        var head = Math.Min(HeaderParagraphs, body.Count);
        for (var i = 0; i < head; i++)
        {
            if (ArticleCues.FullDateParagraph(body[i].Text) is { Success: true } fullDate)
            {
                return (Read(fullDate), null);
            }
        }
        for (var i = 0; i < head; i++)
        {
            if (ArticleCues.Dateline(body[i].Text) is { Success: true } dateline)
            {
                return (Read(dateline), dateline.Groups["place"].Value);
            }
        }
        for (var i = body.Count - 1; i >= Math.Max(0, body.Count - 3); i--)
        {
            if (ArticleCues.TrailingDateline(body[i].Text) is { Success: true } trailing)
            {
                return (Read(trailing), trailing.Groups["place"].Value);
            }
            // A closing date is the article's own only under a signature; a bare date at the end may date a note.
            if (i > 0 && HeadingShape.IsNameOnly(body[i - 1].Text) && ArticleCues.FullDateParagraph(body[i].Text) is { Success: true } signed)
            {
                return (Read(signed), null);
            }
        }
        if (lead is not null)
        {
            var leadDate = ArticleCues.LeadDate(lead.Text);
            if (!leadDate.Success)
            {
                leadDate = ArticleCues.InlineDate(lead.Text);
            }
            if (leadDate.Success)
            {
                return (Read(leadDate), null);
            }
        }
        return (PartialDate.None, null);
    }

    private static PartialDate Read(Match match) =>
        new(Number(match.Groups["y"]), Number(match.Groups["m"]), Number(match.Groups["d"]));

    private static int? Number(Group group) => group.Success ? ChineseNumber.Parse(group.ValueSpan) : null;

    private static string? FindVenue(string? datelinePlace, string title, string? lead)
    {
        string? venue = null;
        if (!string.IsNullOrEmpty(datelinePlace))
        {
            venue = Gazetteer.Normalize(datelinePlace) ?? (datelinePlace.Length is >= 2 and <= 6 ? datelinePlace : null);
        }
        venue = MoreSpecific(venue, PlaceAfter(title, "在", title.Length));
        if (lead is not null)
        {
            venue = MoreSpecific(venue, PlaceAfter(lead, "赴在", Math.Min(lead.Length, 120)));
        }
        return venue;
    }

    /// <summary>Keeps the venue found first, unless a later one names a place inside it (a city of the province).</summary>
    private static string? MoreSpecific(string? first, string? later) =>
        first is null ? later : later is not null && later.Length > first.Length && later.StartsWith(first, StringComparison.Ordinal) ? later : first;

    /// <summary>A known place right after one of <paramref name="markers"/> ("在湖北省武汉市", "赴武汉").</summary>
    private static string? PlaceAfter(string text, string markers, int limit)
    {
        var at = 0;
        while (at < limit)
        {
            var index = text.AsSpan(at, limit - at).IndexOfAny(markers);
            if (index < 0)
            {
                return null;
            }
            var position = at + index + 1;
            if (position < text.Length && Gazetteer.MatchAt(text, position) is { } place)
            {
                return place.Canonical;
            }
            at = position;
        }
        return null;
    }

    /// <summary>A signature line; else a name opening the headline (or one of its lines) before what the person did; else
    /// a name after a title-holder phrase in the lead ("中共中央总书记习近平主持会议").</summary>
    private static string? FindSpeaker(IReadOnlyList<Paragraph> body, string title, string? lead)
    {
        foreach (var i in Enumerable.Range(0, Math.Min(HeaderParagraphs, body.Count)).Concat(Enumerable.Range(Math.Max(0, body.Count - 3), Math.Min(3, body.Count))))
        {
            if (HeadingShape.IsNameOnly(body[i].Text) && BesideDateOrSalutation(body, i))
            {
                return body[i].Text;
            }
        }
        if (TitleSpeaker().Match(title) is { Success: true } byTitle)
        {
            return byTitle.Groups["name"].Value;
        }
        if (TitleLineSpeaker().Match(title) is { Success: true } byTitleLine)
        {
            return byTitleLine.Groups["name"].Value;
        }
        return lead is not null && LeadSpeaker().Match(lead) is { Success: true } byLead ? byLead.Groups["name"].Value : null;
    }

    /// <summary>A bare name is a byline or signature only next to the date line or the salutation it goes with; alone,
    /// two or four characters are as likely a heading ("名称", "总览").</summary>
    private static bool BesideDateOrSalutation(IReadOnlyList<Paragraph> body, int index) =>
        index > 0 && (ArticleCues.FullDateParagraph(body[index - 1].Text).Success || ArticleCues.IsSalutation(body[index - 1].Text))
        || index + 1 < body.Count && (ArticleCues.FullDateParagraph(body[index + 1].Text).Success || ArticleCues.IsSalutation(body[index + 1].Text));

    /// <summary>The headline opens with the name: "X在Y考察", "X主持召开…", "X出席…", "X给…的回信".</summary>
    [GeneratedRegex(@"^(?:[（(][^）)]{1,8}[）)])?(?<name>\p{IsCJKUnifiedIdeographs}{2,4}?)(?:总书记|主席|总理|同志)?(?:在|给|主持|出席|向|致|会见|考察|调研|同|对|回信|参加|发表|视察|寄语)")]
    private static partial Regex TitleSpeaker();

    /// <summary>A later line of a multi-line headline opens with the name and what the person did: "… 习近平主持会议并发表重要讲话".</summary>
    [GeneratedRegex(@"[\s\u3000—](?<name>\p{IsCJKUnifiedIdeographs}{2,4}?)(?:主持|出席|发表|考察|调研|视察)")]
    private static partial Regex TitleLineSpeaker();

    /// <summary>A title-holder phrase, then the name, then what the person did, anywhere in the lead.</summary>
    [GeneratedRegex(@"(?:总书记|主席|总理|委员长)、?(?<name>\p{IsCJKUnifiedIdeographs}{2,4}?)(?:(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?)?(?:在|主持|出席|专门|来到|赴|同|向|给|发表|考察|调研|视察|对|日前|近日|今天)")]
    private static partial Regex LeadSpeaker();
}
