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
