using System.Text;
using Corpus.Ingest.Reading;

namespace Corpus.Ingest.Tests.Reading;

public sealed class TextDecoderTests
{
    private const string Sample = "新华社北京3月18日电　中共中央政治局常务委员会召开会议。";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("gb18030")]
    public void Decodes_each_supported_encoding_to_the_same_text(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)],
            "utf-16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)],
            "utf-16be" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)],
            _ => Encoding.GetEncoding("GB18030").GetBytes(Sample),
        };
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.SkipReason);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(encoding, decoded.Encoding);
    }

    [Fact]
    public void Gb18030_bytes_are_not_valid_utf8_so_detection_must_fall_back()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Sample);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        Assert.Equal(Sample, TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Empty_and_whitespace_only_files_are_skipped_as_empty()
    {
        Assert.Contains("empty", TextDecoder.Decode([]).SkipReason);
        Assert.Contains("empty", TextDecoder.Decode(Encoding.UTF8.GetBytes(" \n\u3000\r\n")).SkipReason);
    }

    [Fact]
    public void Binary_content_is_skipped()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        Assert.Contains("binary", TextDecoder.Decode(png).SkipReason);
    }

    [Fact]
    public void Bytes_valid_in_no_supported_encoding_are_skipped()
    {
        var junk = Enumerable.Range(0, 64).Select(i => (byte)(i % 2 == 0 ? 0xFF : 0x80)).ToArray();
        var decoded = TextDecoder.Decode(junk);
        Assert.Null(decoded.Text);
        Assert.NotNull(decoded.SkipReason);
    }
}
