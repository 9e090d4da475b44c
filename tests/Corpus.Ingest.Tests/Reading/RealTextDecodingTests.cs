using System.Text;
using Corpus.Ingest.Reading;
using Corpus.Ingest.Tests.RealText;

namespace Corpus.Ingest.Tests.Reading;

/// <summary>
/// Decoding the real-text fixtures: each file was encoded by build.py (Python's codecs) from a UTF-8 text kept beside
/// it, so that text is an oracle independent of the decoder.
/// </summary>
public sealed class RealTextDecodingTests
{
    public static TheoryData<string> DecodableFiles => [.. RealTextFixtures.Files.Where(f => f.Decodes).Select(f => f.Path)];

    public static TheoryData<string> UncertainFiles => [.. RealTextFixtures.Files.Where(f => !f.Decodes).Select(f => f.Path)];

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Each_fixture_decodes_to_exactly_the_text_it_was_encoded_from(string path)
    {
        var file = RealTextFixtures.Find(path);
        var decoded = TextDecoder.Decode(RealTextFixtures.Bytes(file));
        Assert.Null(decoded.SkipReason);
        Assert.Equal(RealTextFixtures.Decoded(file), decoded.Text);
        Assert.Equal(file.Encoding == "utf-8" && file.Bom ? "utf-8-bom" : file.Encoding, decoded.Encoding);
    }

    [Theory]
    [MemberData(nameof(UncertainFiles))]
    public void A_file_whose_encoding_cannot_be_told_is_skipped_with_the_reason(string path)
    {
        var decoded = TextDecoder.Decode(RealTextFixtures.Bytes(RealTextFixtures.Find(path)));
        Assert.Null(decoded.Text);
        Assert.StartsWith("encoding uncertain: ", decoded.SkipReason);
    }

    [Fact]
    public void The_fixtures_hold_every_encoding_the_decoder_must_tell_apart()
    {
        var kinds = RealTextFixtures.Files.Where(f => f.Decodes).Select(f => (f.Encoding, f.Bom)).ToHashSet();
        (string, bool)[] required =
        [
            ("utf-8", false), ("utf-8", true), ("gb18030", false), ("big5", false), ("shift-jis", false),
            ("utf-16le", true), ("utf-16le", false), ("utf-16be", true), ("utf-16be", false),
        ];
        Assert.All(required, kind => Assert.Contains(kind, kinds));
        Assert.NotEmpty(UncertainFiles);
    }

    [Fact]
    public void A_few_legacy_characters_are_too_few_to_tell_gb18030_from_big5_and_are_skipped()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var reference = RealTextFixtures.Reference(RealTextFixtures.Files.First(f => f.Encoding == "gb18030"));
        var phrase = new string([.. reference.Where(c => c is >= '\u4e00' and <= '\u9fff').Take(6)]);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(phrase);
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Text);
        Assert.StartsWith("encoding uncertain: ", decoded.SkipReason);
    }
}
