using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Tests.Metadata;

public sealed class MetadataExtractorTests
{
    private static List<ArticleMetadata> Extract(string raw) => [.. FileProcessor.ProcessText(raw, "x.txt").Articles.Select(c => c.Metadata)];

    [Fact]
    public void Dateline_gives_month_day_and_a_canonical_venue_and_the_year_is_inferred_from_the_same_source()
    {
        var metadata = Extract("""
            习近平在湖北省考察疫情防控工作
            新华社武汉3月10日电　习近平10日专门赴湖北省武汉市考察疫情防控工作。
            在决战决胜脱贫攻坚座谈会上的讲话
            （2020年3月6日）
            同志们：
            这次会议的主要任务是，分析当前形势。
            """);
        Assert.Equal(new PartialDate(2020, 3, 10), metadata[0].Date);
        Assert.True(metadata[0].DateInferred);
        Assert.Equal("湖北省武汉市", metadata[0].Venue);
        Assert.Equal(ArticleKinds.Inspection, metadata[0].Kind);
        Assert.Equal("习近平", metadata[0].Speaker);
        Assert.Equal(new PartialDate(2020, 3, 6), metadata[1].Date);
        Assert.False(metadata[1].DateInferred);
        Assert.Equal(ArticleKinds.Speech, metadata[1].Kind);
    }

    [Theory]
    [InlineData("本报南京 5 月 3 日电　记者从省里获悉，复工复产有序推进。", 5, 3, "江苏省南京市")]
    [InlineData("新华社北京12月1日电　中共中央政治局召开会议。", 12, 1, "北京市")]
    [InlineData("新华社乌鲁木齐7月16日电　各族群众欢聚一堂。", 7, 16, "新疆维吾尔自治区乌鲁木齐市")]
    [InlineData("2月10日，习近平在北京调研指导疫情防控工作。", 2, 10, "北京市")]
    [InlineData("10日下午，习近平赴广东省深圳市考察。", null, 10, "广东省深圳市")]
    public void Reads_dates_and_venues_from_datelines_and_leads(string lead, int? month, int day, string venue)
    {
        var metadata = Assert.Single(Extract("一篇报道的标题\n" + lead));
        Assert.Equal(month, metadata.Date.Month);
        Assert.Equal(day, metadata.Date.Day);
        Assert.Null(metadata.Date.Year);
        Assert.Equal(venue, metadata.Venue);
    }

    [Theory]
    [InlineData("（二〇二〇年三月六日）", 2020, 3, 6)]
    [InlineData("（二〇一九年十二月三十一日）", 2019, 12, 31)]
    [InlineData("(2016 年 5 月 30 日)", 2016, 5, 30)]
    public void A_speech_date_line_in_arabic_or_chinese_numerals_gives_the_full_date(string dateParagraph, int year, int month, int day)
    {
        var metadata = Assert.Single(Extract($"在全国科技创新大会上的讲话\n{dateParagraph}\n同志们：\n今天，我们召开全国科技创新大会。"));
        Assert.Equal(new PartialDate(year, month, day), metadata.Date);
        Assert.False(metadata.DateInferred);
    }

    [Fact]
    public void A_letter_takes_its_date_from_the_signature_and_has_no_venue()
    {
        var metadata = Assert.Single(Extract("""
            习近平给北京大学援鄂医疗队全体“90后”党员的回信
            北京大学援鄂医疗队全体“90后”党员：
            来信收悉。希望你们在武汉的救治岗位上继续拼搏奋战。
            习近平
            2020年3月15日
            """));
        Assert.Equal(new PartialDate(2020, 3, 15), metadata.Date);
        Assert.False(metadata.DateInferred);
        Assert.Equal(ArticleKinds.Letter, metadata.Kind);
        Assert.Null(metadata.Venue);
        Assert.Equal("习近平", metadata.Speaker);
    }

    [Theory]
    [InlineData("在湖北省武汉市企业家座谈会上的讲话", ArticleKinds.Speech)]
    [InlineData("在全国抗击疫情表彰大会上的讲话", ArticleKinds.Speech)]
    [InlineData("习近平主持召开中央政治局常委会会议并发表重要讲话", ArticleKinds.Meeting)]
    [InlineData("中共中央政治局常务委员会召开会议", ArticleKinds.Meeting)]
    [InlineData("习近平在陕西省延安市考察脱贫攻坚工作", ArticleKinds.Inspection)]
    [InlineData("习近平在北京市调研指导疫情防控工作", ArticleKinds.Inspection)]
    [InlineData("习近平给大学生志愿者的回信", ArticleKinds.Letter)]
    [InlineData("全国城市社区党组织全力打好疫情防控人民战争", ArticleKinds.Report)]
    public void Classifies_the_kind_from_the_headline(string title, string kind)
    {
        Assert.Equal(kind, KindClassifier.Classify(title, lead: "各地积极行动。", hasSalutation: false, signedAndDated: false));
    }

    [Fact]
    public void Without_a_telling_headline_the_lead_decides_the_kind()
    {
        Assert.Equal(ArticleKinds.Inspection,
            KindClassifier.Classify("协同推进科研攻关", "习近平2日在北京考察新冠肺炎防控科研攻关工作。", false, false));
    }

    [Fact]
    public void A_headline_with_a_province_yields_to_a_city_in_the_lead()
    {
        var metadata = Assert.Single(Extract("习近平在湖北省考察疫情防控工作\n3月10日电　习近平10日专门赴湖北省武汉市考察疫情防控工作。"));
        Assert.Equal("湖北省武汉市", metadata.Venue);
    }

    [Theory]
    [InlineData("中共中央政治局常务委员会召开会议\n新华社北京3月18日电　中共中央政治局常务委员会3月18日召开会议，分析国内外新冠肺炎疫情防控和经济形势，研究部署统筹抓好疫情防控和经济社会发展重点工作。中共中央总书记习近平主持会议并发表重要讲话。\n会议指出，要保持定力。", "习近平")]
    [InlineData("国务院常务会议部署稳就业举措\n新华社北京5月6日电　国务院常务会议6日在北京召开，会议听取有关部门关于就业形势的汇报，研究部署进一步稳定和扩大就业的政策措施，决定加大对高校毕业生和农民工就业的支持力度。国务院总理李强主持会议并发表讲话。\n会议指出，就业是最大的民生。", "李强")]
    [InlineData("王沪宁主持召开全国政协常委会会议并发表讲话\n新华社北京6月20日电　全国政协常委会会议20日在北京召开。\n会议审议有关报告。", "王沪宁")]
    [InlineData("全国人大常委会会议闭幕　赵乐际出席并讲话\n新华社北京4月26日电　十四届全国人大常委会第九次会议26日在京闭幕。\n会议表决通过有关法律。", "赵乐际")]
    [InlineData("统筹推进疫情防控和经济社会发展\n　　新华社北京4月8日电　为做好统筹推进疫情防控和经济社会发展工作，有关部门近日召开专题会议，听取各地复工复产进展情况汇报，研究部署下一阶段工作。中共中央总书记、国家主席、中央军委主席韩正明4月8日上午在北京主持召开会议。\n　　会议强调，要抓好各项工作。", "韩正明")]
    public void The_speaker_is_found_where_the_headline_or_the_lead_states_one(string raw, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Extract(raw)).Speaker);
    }

    [Fact]
    public void A_report_that_names_no_one_has_no_speaker()
    {
        var metadata = Assert.Single(Extract("社区防线筑牢守好\n新华社北京3月10日电　疫情防控，关键在治，基础在防。社区是城市的基本单元，也是疫情防控的第一线。\n各地社区党组织主动作为，扎紧安全网。"));
        Assert.Null(metadata.Speaker);
    }
}
