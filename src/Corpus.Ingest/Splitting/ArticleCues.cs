using System.Text.RegularExpressions;

namespace Corpus.Ingest.Splitting;

/// <summary>The lines and line starts that open or close a news article, a speech or a letter.</summary>
internal static partial class ArticleCues
{
    private const string Agency = "新华社|中新社|本报|人民日报|人民网|央视网|央广网|中国新闻网|光明日报|经济日报|中国日报";

    /// <summary>A dateline at a paragraph's start: "新华社北京3月18日电", "本报武汉 3月 10日电", "3月10日电".</summary>
    public static Match Dateline(string paragraph) => DatelineRegex().Match(paragraph);

    /// <summary>A dateline closing an article: "(新华社北京3月10日电)", "新华社记者（新华社北京3月10日电）".</summary>
    public static Match TrailingDateline(string paragraph) =>
        paragraph.Length <= 48 ? TrailingDatelineRegex().Match(paragraph) : Match.Empty;

    /// <summary>A paragraph that is only a full date: "（2020年3月6日）", "2020 年 3 月 15 日", "（二〇二〇年三月六日）".</summary>
    public static Match FullDateParagraph(string paragraph) =>
        paragraph.Length <= 24 ? FullDateParagraphRegex().Match(paragraph) : Match.Empty;

    /// <summary>A lead that starts with the date: "2月10日，", "10日下午，".</summary>
    public static Match LeadDate(string paragraph) => LeadDateRegex().Match(paragraph);

    /// <summary>A date inside a lead's first sentence: "习近平2月10日在北京", "主席习近平2日在北京考察", "习近平10日专门赴".</summary>
    public static Match InlineDate(string paragraph) => InlineDateRegex().Match(paragraph);

    /// <summary>A salutation line, addressing people: "同志们：", "北京大学援鄂医疗队全体“90后”党员：", "亲爱的同学们：". A line
    /// that merely ends in a colon ("例如：", "名称：") addresses nobody.</summary>
    public static bool IsSalutation(string paragraph) =>
        paragraph.Length is >= 2 and <= 48 && paragraph[^1] is '：' or ':' && !paragraph.AsSpan(0, paragraph.Length - 1).ContainsAny("，,。；;！!？?")
        && AddresseeRegex().IsMatch(paragraph);

    /// <summary>A headline naming what the article is: a speech, a letter, a meeting, an inspection, a call; whoever the speaker.</summary>
    public static bool HasHeadlineWord(string title) => HeadlineWordRegex().IsMatch(title);

    /// <summary>A line marking the end of an article: "（完）", "（责任编辑：…）".</summary>
    public static bool IsEndMark(string paragraph) => paragraph.Length <= 24 && EndMarkRegex().IsMatch(paragraph);

    [GeneratedRegex(@"^(?<agency>" + Agency + @")?(?:记者)?(?<place>\p{IsCJKUnifiedIdeographs}{0,8}?)\s*(?:(?<m>\d{1,2})\s*月\s*)?(?<d>\d{1,2})\s*日\s*(?:专)?电(?=[\s\u3000\u00A0（(]|$)")]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"[（(]\s*(?<agency>" + Agency + @")(?<place>\p{IsCJKUnifiedIdeographs}{0,8}?)\s*(?:(?<m>\d{1,2})\s*月\s*)?(?<d>\d{1,2})\s*日\s*(?:专)?电\s*[）)]\s*$")]
    private static partial Regex TrailingDatelineRegex();

    [GeneratedRegex(@"^[（(]?\s*(?:(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})|(?<y>[〇零一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?<d>[一二三四五六七八九十]{1,3}))\s*日\s*[）)]?$")]
    private static partial Regex FullDateParagraphRegex();

    [GeneratedRegex(@"^(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月)?(?<d>\d{1,2})日(?:上午|下午|晚上|晚间|晚|早上|中午|凌晨)?[，,]")]
    private static partial Regex LeadDateRegex();

    [GeneratedRegex(@"^.{0,60}?\p{IsCJKUnifiedIdeographs}(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月)?(?<d>\d{1,2})日(?:上午|下午|晚上|晚|中午)?(?:专门|专程|亲自|先后|分别)?(?:在|赴|来到|主持|出席|同|向|给|会见|考察|调研|召开)")]
    private static partial Regex InlineDateRegex();

    // Words of the event, never a name: "在…上的讲话", "…的回信", "X在Y考察", "X主持召开…", "X出席…", "X同Y通电话".
    [GeneratedRegex(@"讲话|回信|贺信|复信|的信$|致辞|贺词|贺电|致电|寄语|会议|座谈会|考察|调研|视察|发表|召开|主持|出席|会见|会晤|会谈|通电话|报告")]
    private static partial Regex HeadlineWordRegex();

    [GeneratedRegex(@"^(?:尊敬的|亲爱的|各位|全体)|(?:们|同志|朋友|女士|先生|同学|同仁|老师|代表|委员|乡亲|党员|队员|官兵|师生|员工|青年|学生|家人|来宾|嘉宾)[”""]?\s*[：:]$")]
    private static partial Regex AddresseeRegex();

    [GeneratedRegex(@"^[（(](?:完|责任编辑[:：].*|编辑[:：].*)[）)]$")]
    private static partial Regex EndMarkRegex();
}
