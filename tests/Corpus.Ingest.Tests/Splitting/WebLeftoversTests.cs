using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Tests.Splitting;

public sealed class WebLeftoversTests
{
    private static List<string> Texts(string raw) => [.. Assert.Single(FileProcessor.ProcessText(raw, "x.txt").Articles).Text.Split('\n')];

    [Fact]
    public void Interface_lines_and_a_trailing_topic_label_repeating_the_headline_are_dropped()
    {
        var texts = Texts("""
            习近平在北京调研指导疫情防控工作时强调 坚决打赢疫情防控阻击战
            　　2月10日，习近平在北京调研指导疫情防控工作。
            　　点击观看视频
            　　他强调，要坚决打赢疫情防控的人民战争、总体战、阻击战，各级党委和政府要坚决贯彻党中央决策部署。
            扫一扫在手机打开当前页
            　　有关负责同志陪同考察。
            责任编辑：王明

            坚决打赢疫情防控阻击战
            """);
        Assert.Equal(["2月10日，习近平在北京调研指导疫情防控工作。", "他强调，要坚决打赢疫情防控的人民战争、总体战、阻击战，各级党委和政府要坚决贯彻党中央决策部署。", "有关负责同志陪同考察。"], texts);
    }

    [Fact]
    public void A_label_line_after_the_last_sentence_is_dropped()
    {
        var texts = Texts("春耕生产有序推进\n新华社南京4月2日电　各地抓紧春耕备耕，农业生产有序展开。\n农机手们忙着检修设备，确保不误农时。\n相关专题 春季农业生产");
        Assert.Equal("农机手们忙着检修设备，确保不误农时。", texts[^1]);
    }

    [Fact]
    public void A_letters_signature_and_date_subheadings_and_an_unrelated_closing_phrase_stay()
    {
        var letter = Texts("""
            习近平给大学生志愿者的回信
            大学生志愿者同学们：
            你们好！来信收到了，得知你们在社区服务中收获很多，我很欣慰。
            希望你们继续在服务人民中增长才干。
            习近平
            2020年5月1日
            """);
        Assert.Equal(["习近平", "2020年5月1日"], letter[^2..]);
        var report = Texts("""
            乡村振兴见闻
            新华社贵阳6月3日电　走进乡村，处处是新变化。
            产业兴旺
            茶园里，茶农们正忙着采茶，产业带动了增收。
            春风化雨润无声
            """);
        Assert.Equal(["新华社贵阳6月3日电　走进乡村，处处是新变化。", "产业兴旺", "茶园里，茶农们正忙着采茶，产业带动了增收。", "春风化雨润无声"], report);
    }
}
