using Corpus.Ingest.Normalizing;
using Corpus.Ingest.Splitting;

namespace Corpus.Ingest.Tests.Splitting;

public sealed class ArticleSplitterTests
{
    private static List<RawArticle> Split(string raw) => ArticleSplitter.Split(TextNormalizer.Normalize(raw));

    [Fact]
    public void Splits_at_headlines_followed_by_datelines_of_any_agency()
    {
        var articles = Split("""
            春耕生产有序推进
            本报南京4月2日电　各地抓紧春耕备耕，农业生产有序展开。
            农机手们忙着检修设备，确保不误农时。

            中欧班列开行数量创新高
            中新社西安4月3日电 记者从有关部门获悉，中欧班列开行数量继续增长。
            货物品类不断丰富，运输效率明显提升。
            """);
        Assert.Equal(["春耕生产有序推进", "中欧班列开行数量创新高"], articles.Select(a => a.Headline));
        Assert.Equal([1, 2], articles.Select(a => a.Part));
        Assert.All(articles, a => Assert.Equal(2, a.Body.Count));
    }

    [Fact]
    public void Subheadings_inside_an_article_do_not_split_it()
    {
        var articles = Split("""
            严守社区防线

            社区是疫情防控的第一线，也是外防输入、内防扩散最有效的防线。

            党建引领 主动作为

            各地组织部门闻令而动，立足职能职责，作出安排部署。

            筑强战斗堡垒 抓实网格管理

            每一个社区、每一个网格，都是一个微型战场。
            """);
        var article = Assert.Single(articles);
        Assert.Equal("严守社区防线", article.Headline);
        Assert.Equal(5, article.Body.Count);
    }

    [Fact]
    public void Splits_a_speech_with_date_line_and_salutation_and_a_signed_letter()
    {
        var articles = Split("""
            前一篇报道的标题
            新华社北京2月23日电　会议在北京召开，各地设分会场。
            在全国科技大会上的讲话
            （2016年5月30日）
            习近平
            同志们：
            今天，我们召开全国科技创新大会，共商科技创新大计。
            给青年科技工作者的一封信
            青年科技工作者们：
            来信收悉，你们的努力让我很欣慰。
            习近平
            2021年5月28日
            """);
        Assert.Equal(["前一篇报道的标题", "在全国科技大会上的讲话", "给青年科技工作者的一封信"], articles.Select(a => a.Headline));
        Assert.Equal("（2016年5月30日）", articles[1].Body[0].Text);
        Assert.Equal("2021年5月28日", articles[2].Body[^1].Text);
    }

    [Fact]
    public void A_trailing_dateline_closes_an_article_so_a_plain_headline_after_it_opens_the_next()
    {
        var articles = Split("""
            第一篇报道
            正文第一段，内容完整。
            (新华社北京3月10日电)
            第二篇报道
            正文第二段，内容完整。
            """);
        Assert.Equal(["第一篇报道", "第二篇报道"], articles.Select(a => a.Headline));
    }

    [Fact]
    public void A_continuation_marker_under_a_headline_opens_a_new_article()
    {
        var articles = Split("""
            第一篇报道
            正文第一段，内容完整。
            在大考中交出合格答卷
            (上接1版)疫情防控现在到了关键的时候，必须咬紧牙关坚持下去。
            """);
        Assert.Equal(2, articles.Count);
        Assert.True(articles[1].Body[0].Continued);
    }

    [Theory]
    [InlineData("李强同德国总理通电话", "李强表示，中德两国保持密切沟通，推动合作取得新进展。")]
    [InlineData("王沪宁会见台湾青年交流团", "王沪宁说，两岸青年要加强交流，共同书写新的篇章。")]
    [InlineData("赵乐际出席全国人大代表座谈", "赵乐际指出，人大代表要密切联系群众，反映群众呼声。")]
    public void A_headline_naming_an_event_opens_an_article_only_with_a_cue_after_it(string headline, string lead)
    {
        var text = $"""
            夏粮收购进展顺利
            各地夏粮收购工作有序推进，收购进度快于去年同期，农民售粮顺畅。
            {headline}
            """;
        // A heading's words are no evidence: without a dateline or dated lead it is a subheading of the article.
        Assert.Equal(["夏粮收购进展顺利"], Split(text + "\n" + lead).Select(a => a.Headline));
        Assert.Equal(["夏粮收购进展顺利", headline], Split(text + "\n新华社北京6月5日电　" + lead).Select(a => a.Headline));
        Assert.Equal(["夏粮收购进展顺利", headline], Split(text + "\n5日，" + lead).Select(a => a.Headline));
    }

    [Fact]
    public void A_letter_under_a_headline_opens_an_article_by_its_signature_and_date()
    {
        var articles = Split("""
            夏粮收购进展顺利
            各地夏粮收购工作有序推进，收购进度快于去年同期，农民售粮顺畅。
            粮食部门加强市场监测，保障收购资金供应。
            给乡村教师的回信
            来信收到了，得知你们扎根乡村、教书育人，我很欣慰。
            希望你们继续努力，为孩子们的成长贡献力量。
            习近平
            2021年9月8日
            """);
        Assert.Equal(["夏粮收购进展顺利", "给乡村教师的回信"], articles.Select(a => a.Headline));
    }

    [Fact]
    public void Section_headings_of_documentation_do_not_start_articles()
    {
        var article = Assert.Single(Split("""
            命令行工具简介
            本章介绍常用的命令行工具及其选项，帮助读者完成日常工作。
            EXAMPLES 例子
            运行下面的命令可以查看系统的磁盘使用情况，输出按文件系统列出。
            3.6. 给本文档报告 Bug
            如果你发现本文档有错误，请通过软件包的错误跟踪系统提交报告。
            总览
            这些工具可以组合使用，完成更复杂的任务。
            """));
        Assert.Equal("命令行工具简介", article.Headline);
    }

    [Fact]
    public void A_file_of_short_lines_only_is_kept_as_one_article()
    {
        var article = Assert.Single(Split("春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少"));
        Assert.Equal(4, article.Body.Count);
    }

    [Fact]
    public void A_headline_wrapped_by_pdf_extraction_stays_one_headline()
    {
        var lines = new List<string> { "", " ", "", "习近平出席统筹推进新冠肺炎疫 ", "", "情防控工作部署会议并发表重要讲 ", "", "话 ", "", " ", "" };
        var body = "  新华社北京 2 月 23 日电　统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议 23 日在北京召开。中共中央总书记习近平出席会议并发表重要讲话。他强调，各级党委和政府要坚定必胜信念，咬紧牙关，继续毫不放松抓紧抓实抓细各项防控工作。";
        for (var k = 0; k < body.Length; k += 22)
        {
            lines.AddRange([body.Substring(k, Math.Min(22, body.Length - k)) + " ", ""]);
        }
        var article = Assert.Single(Split(string.Join("\n", lines)));
        Assert.Equal("习近平出席统筹推进新冠肺炎疫情防控工作部署会议并发表重要讲话", article.Headline);
        Assert.StartsWith("新华社北京2月23日电　统筹推进", article.Body[0].Text);
    }
}
