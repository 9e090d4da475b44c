using System.Text.RegularExpressions;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Metadata;

/// <summary>Decides an article's kind from its headline, and from its lead when the headline does not tell.</summary>
internal static partial class KindClassifier
{
    /// <param name="hasDateline">The article carries a news dateline ("新华社北京3月10日电"): a news report unless its
    /// headline or lead says more.</param>
    /// <returns>The kind, or null when nothing says what the article is.</returns>
    public static string? Classify(string title, string? lead, bool hasSalutation, bool signedAndDated, bool hasDateline)
    {
        if (Letter().IsMatch(title) || hasSalutation && signedAndDated)
        {
            return ArticleKinds.Letter;
        }
        if (Inspection().IsMatch(title))
        {
            return ArticleKinds.Inspection;
        }
        if (SpeechAt().IsMatch(title))
        {
            return ArticleKinds.Speech;
        }
        if (Meeting().IsMatch(title))
        {
            return ArticleKinds.Meeting;
        }
        if (Speech().IsMatch(title) || hasSalutation)
        {
            return ArticleKinds.Speech;
        }
        if (lead is not null)
        {
            var head = lead.Length > 120 ? lead[..120] : lead;
            if (Inspection().IsMatch(head))
            {
                return ArticleKinds.Inspection;
            }
            if (LeadMeeting().IsMatch(head))
            {
                return ArticleKinds.Meeting;
            }
        }
        return hasDateline ? ArticleKinds.Report : null;
    }

    [GeneratedRegex("回信|复信|贺信|的信$|致信|书信")]
    private static partial Regex Letter();

    [GeneratedRegex("考察|调研|视察")]
    private static partial Regex Inspection();

    /// <summary>"在…上的讲话", "…的致辞": the speech given at an event, whatever the event.</summary>
    [GeneratedRegex("在.+上的(?:重要)?(?:讲话|致辞|演讲|报告)")]
    private static partial Regex SpeechAt();

    [GeneratedRegex("会议|主持召开|召开|座谈会|常委会|全会|峰会|论坛")]
    private static partial Regex Meeting();

    [GeneratedRegex("讲话|致辞|演讲|贺词")]
    private static partial Regex Speech();

    [GeneratedRegex("主持召开|召开会议|会议|座谈会")]
    private static partial Regex LeadMeeting();
}
