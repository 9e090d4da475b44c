using System.Text;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

public sealed class IngestPipelineTests
{
    private static IngestResult Run(string dir) => new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(dir);

    [Fact]
    public void Unreadable_files_are_skipped_with_a_reason_and_the_rest_still_goes_in()
    {
        using var corpus = new TempCorpus();
        corpus.Write("a/good.txt", Encoding.UTF8.GetBytes("春耕生产有序推进\n新华社南京4月2日电　各地抓紧春耕备耕，农业生产有序展开。"));
        corpus.Write("b/utf16.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("中欧班列开行数量创新高\n中新社西安4月3日电　中欧班列开行数量继续增长。")]);
        corpus.Write("empty.txt", []);
        corpus.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var result = Run(corpus.Dir);
        Assert.Equal(4, result.Files);
        Assert.Equal(["a/good.txt", "b/utf16.txt"], result.Documents.SelectMany(d => d.Sources).Select(s => s.File).Order());
        Assert.Equal(["empty.txt", "image.png"], result.Skipped.Select(s => s.File));
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void The_same_file_in_other_encodings_is_one_document_with_every_copy_as_provenance()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(Directory.GetFiles(RepoPaths.SeedCorpus).Order().First());
        using var corpus = new TempCorpus();
        corpus.Write("utf8.txt", Encoding.UTF8.GetBytes(text));
        corpus.Write("gbk/gb18030.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        corpus.Write("utf16/le.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.Replace("\n", "\r\n"))]);
        var result = Run(corpus.Dir);
        var document = Assert.Single(result.Documents);
        Assert.Equal(["gbk/gb18030.txt", "utf16/le.txt", "utf8.txt"], document.Sources.Select(s => s.File).Order());
        Assert.All(document.Sources, s => Assert.False(s.Partial));
        Assert.Equal(2, result.DuplicatesMerged);
    }

    [Fact]
    public void A_missing_year_comes_only_from_an_article_of_the_same_file_dated_the_same_day()
    {
        using var corpus = new TempCorpus();
        const string Dated = "在全省干部大会上的讲话\n（2019年3月6日）\n同志们：\n今天召开大会，部署全年工作。\n";
        corpus.Write("a/dated.txt", Encoding.UTF8.GetBytes(Dated));
        corpus.Write("a/dated-too.txt", Encoding.UTF8.GetBytes(Dated.Replace("全省干部", "全市干部").Replace("部署全年工作", "总结去年工作")));
        corpus.Write("a/undated.txt", Encoding.UTF8.GetBytes("防汛抗旱工作全面展开\n新华社武汉6月12日电　各地全面部署防汛抗旱工作，确保安全度汛。\n"));
        corpus.Write("b/lone.txt", Encoding.UTF8.GetBytes("春耕生产有序推进\n新华社南京4月2日电　各地抓紧春耕备耕，农业生产有序展开。\n"));
        corpus.Write("c/bundle.txt", Encoding.UTF8.GetBytes(
            "在乡村振兴会议上的讲话\n（2021年5月8日）\n同志们：\n乡村振兴要抓好产业发展，带动农民增收。\n\n\n"
            + "秋粮收购稳步开展\n新华社合肥5月9日电　各地秋粮收购工作稳步开展，收购进度快于往年。\n\n\n"
            + "乡村振兴会议在合肥召开\n新华社合肥5月8日电　乡村振兴会议8日在合肥召开，部署产业发展工作。\n"));
        var documents = Run(corpus.Dir).Documents;
        var lone = Assert.Single(documents, d => d.Title == "春耕生产有序推进");
        Assert.Null(lone.Date);
        Assert.False(lone.DateInferred);
        Assert.Equal(new MonthDay(4, 2), lone.MonthDay);
        // The folder's articles state 2019, but of other days: no year.
        var sameFolder = Assert.Single(documents, d => d.Title == "防汛抗旱工作全面展开");
        Assert.Null(sameFolder.Date);
        Assert.Equal(new MonthDay(6, 12), sameFolder.MonthDay);
        // The next article of the file is dated in full, but a day earlier: no year.
        var nextDay = Assert.Single(documents, d => d.Title == "秋粮收购稳步开展");
        Assert.Null(nextDay.Date);
        Assert.Equal(new MonthDay(5, 9), nextDay.MonthDay);
        // The report of the meeting whose speech the file dates in full: that year, marked inferred.
        var sameDay = Assert.Single(documents, d => d.Title == "乡村振兴会议在合肥召开");
        Assert.Equal(new DateOnly(2021, 5, 8), sameDay.Date);
        Assert.True(sameDay.DateInferred);
        Assert.Null(sameDay.MonthDay);
    }

    [Fact]
    public void A_copy_cut_short_is_part_1_of_its_file_and_reports_its_containment_in_the_full_text()
    {
        using var corpus = new TempCorpus();
        string[] paragraphs =
        [
            "新华社杭州6月3日电　今年以来，各地统筹推进城乡融合发展，县域经济活力不断增强，特色产业加快成长。",
            "在浙江省安吉县，竹产业从初加工走向精深加工，带动周边村民就近就业，户均年收入明显提高。",
            "在江西省赣州市，脐橙种植与电商直播结合，果农通过网络平台把产品卖到全国各地，销售渠道更宽了。",
            "在四川省眉山市，泡菜产业园引进现代化生产线，年产量稳步增长，吸纳了大量农村劳动力。",
            "专家表示，县域是城乡融合的重要切入点，要因地制宜培育主导产业，完善基础设施和公共服务。",
            "下一步，有关部门将加大政策支持力度，推动更多资源要素向县域集聚，促进农民持续增收。",
        ];
        corpus.Write("full.txt", Encoding.UTF8.GetBytes("县域经济活力不断增强\n" + string.Join("\n", paragraphs) + "\n"));
        corpus.Write("cut.txt", Encoding.UTF8.GetBytes("县域经济活力不断增强\n" + string.Join("\n", paragraphs[..3]) + "\n"));
        var document = Assert.Single(Run(corpus.Dir).Documents);
        Assert.Equal(["cut.txt", "full.txt"], document.Sources.Select(s => s.File).Order());
        Assert.All(document.Sources, s => Assert.Equal(1, s.Part));
        var cut = Assert.Single(document.Sources, s => s.File == "cut.txt");
        Assert.True(cut.Partial);
        Assert.InRange(cut.Similarity, 0.95, 1.0);
    }

    [Fact]
    public void The_fingerprint_changes_with_content_and_with_names_only()
    {
        using var corpus = new TempCorpus();
        var path = corpus.Write("a.txt", Encoding.UTF8.GetBytes("第一篇报道\n正文，内容完整。"));
        var before = IngestPipeline.Fingerprint(corpus.Dir);
        Assert.Equal(before, IngestPipeline.Fingerprint(corpus.Dir));
        File.WriteAllText(path, "第一篇报道\n正文，内容有变。");
        var changed = IngestPipeline.Fingerprint(corpus.Dir);
        Assert.NotEqual(before, changed);
        File.Move(path, Path.Combine(corpus.Dir, "b.txt"));
        Assert.NotEqual(changed, IngestPipeline.Fingerprint(corpus.Dir));
    }

    [Fact]
    public void Progress_is_reported_and_ends_with_the_dedupe_stage()
    {
        var reports = new List<IngestProgress>();
        new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(RepoPaths.SeedCorpus, new SyncProgress(reports.Add));
        var last = reports[^1];
        Assert.Equal("dedupe", last.Stage);
        Assert.Equal(last.FilesTotal, last.FilesDone);
        Assert.True(last.Articles > 0);
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
