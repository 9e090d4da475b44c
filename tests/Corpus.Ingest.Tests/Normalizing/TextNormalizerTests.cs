using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Tests.Normalizing;

public sealed class TextNormalizerTests
{
    private const string Paragraph1 = "在抗击新冠肺炎疫情的关键时刻，中共中央总书记习近平专门赴湖北省武汉市考察疫情防控工作。他强调，湖北和武汉是这次疫情防控斗争的重中之重和决胜之地。";
    private const string Paragraph2 = "习近平指出，在这场严峻斗争中，湖北各级党组织和广大党员、干部冲锋在前、英勇奋战，涌现出一大批可歌可泣的先进典型和感人事迹。";

    private static List<string> Texts(string raw) => [.. TextNormalizer.Normalize(raw).Paragraphs.Select(p => p.Text)];

    /// <summary>Lays paragraphs out as PDF extraction does: hard-wrapped every <paramref name="width"/> characters,
    /// blank lines between the pieces, a two-space indent opening each paragraph.</summary>
    private static string Wrap(int width, params string[] paragraphs)
    {
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var text = "  " + paragraph;
            for (var k = 0; k < text.Length; k += width)
            {
                lines.Add(text.Substring(k, Math.Min(width, text.Length - k)) + " ");
                lines.Add("");
            }
        }
        return string.Join("\n", lines);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(21)]
    [InlineData(33)]
    [InlineData(47)]
    public void Joins_lines_wrapped_at_any_width_and_keeps_paragraph_breaks(int width)
    {
        Assert.Equal([Paragraph1, Paragraph2], Texts(Wrap(width, Paragraph1, Paragraph2)));
    }

    [Fact]
    public void Blank_lines_mark_paragraphs_when_wrapped_lines_follow_each_other_directly()
    {
        // pdftotext style: no indent, no trailing spaces, a blank line only between paragraphs; the first paragraph
        // ends exactly at the wrap width, so only the blank line tells that the next one is new.
        var first = Paragraph1[..60];
        var raw = string.Join("\n", Chunks(first, 20)) + "\n\n" + string.Join("\n", Chunks(Paragraph2, 20));
        Assert.Equal([first, Paragraph2], Texts(raw));
    }

    private const string LatinParagraph = "世界卫生组织（World Health Organization）总干事表示，中国采取的防控措施为世界争取了宝贵时间。"
        + "共建“一带一路”倡议（The Belt and Road Initiative）为各国合作搭建了新的平台，也为全球经济增长注入了新动力。";

    /// <summary>Wrapped at every width from 14 to 40, the break falls inside words and at the spaces between them.</summary>
    public static TheoryData<int> WrapWidths => [.. Enumerable.Range(14, 27)];

    [Theory]
    [MemberData(nameof(WrapWidths))]
    public void A_wrap_between_latin_letters_gets_a_space_only_where_the_source_had_one(int width)
    {
        // Extraction that puts a space after every line: only a space beyond it, or one opening the next line, counts.
        Assert.Equal([Paragraph1, LatinParagraph, Paragraph2], Texts(Wrap(width, Paragraph1, LatinParagraph, Paragraph2)));
        // pdftotext style, no space after a line unless the text had one there.
        var raw = string.Join("\n", Chunks(Paragraph1, width)) + "\n\n" + string.Join("\n", Chunks(LatinParagraph, width))
            + "\n\n" + string.Join("\n", Chunks(Paragraph2, width));
        Assert.Equal([Paragraph1, LatinParagraph, Paragraph2], Texts(raw));
    }

    [Fact]
    public void Without_a_space_at_the_break_a_word_wrapped_inside_is_joined_and_a_capital_starts_a_new_word()
    {
        var lines = Chunks("世界卫生组织负责人介绍了全球疫情形势和各国采取的防控措施，并呼吁加强国际合作。", 14).ToList();
        lines.AddRange(["该组织英文名为Worl", "d Health Organiza", "tion，总部设在日内瓦，", "中文简称世卫组织。"]);
        lines.AddRange(Chunks("各国专家表示，疫情防控需要全球携手应对，任何国家都不能独善其身。", 14));
        var text = string.Concat(Texts(string.Join("\n", lines)));
        Assert.Contains("World Health Organization", text);
        Assert.Contains("名为World", text);
    }

    private static IEnumerable<string> Chunks(string text, int width)
    {
        for (var k = 0; k < text.Length; k += width)
        {
            yield return text.Substring(k, Math.Min(width, text.Length - k));
        }
    }

    [Fact]
    public void Unifies_line_ends_and_drops_bom_zero_width_and_form_feeds()
    {
        var raw = "\uFEFF第一段文字，内容\u200B完整。\r\n\r\n第二段文字，内容\u200D完整。\r\f第三段文字，内容完整。\n";
        Assert.Equal(["第一段文字，内容完整。", "第二段文字，内容完整。", "第三段文字，内容完整。"], Texts(raw));
    }

    [Fact]
    public void Drops_page_number_lines_inside_a_wrapped_paragraph()
    {
        var wrapped = Wrap(16, Paragraph1, Paragraph2).Split('\n').ToList();
        wrapped.InsertRange(6, [" ", "- 3 -", "\f", "第 4 页", ""]);
        Assert.Equal([Paragraph1, Paragraph2], Texts(string.Join("\n", wrapped)));
    }

    [Fact]
    public void A_short_number_stays_unless_it_recurs_in_the_pattern_of_pages()
    {
        // A date example's zone and a table column look like page numbers but follow no page pattern.
        var example = "时间格式的示例如下，时区偏移写在最后一列。\n\n-0600\n\n表格中的数值依次为：\n\n12\n\n13\n\n14\n\n这些数值按年份排列。";
        Assert.Equal(["时间格式的示例如下，时区偏移写在最后一列。", "-0600", "表格中的数值依次为：", "12", "13", "14", "这些数值按年份排列。"], Texts(example));
        // Numbers a page apart counting up, and a header repeated at each page break, are page furniture.
        var pages = new List<string>();
        var removed = new List<string>();
        for (var page = 7; page <= 10; page++)
        {
            pages.Add("人民日报 2020年3月" + page + "日");
            pages.AddRange(Enumerable.Range(0, 12).Select(k => $"第{page}页第{k}段，" + string.Concat(Enumerable.Repeat("内容完整，", 1 + (k * 7) % 9)) + "结束。"));
            pages.Add("— " + page + " —");
            removed.AddRange(["人民日报 2020年3月" + page + "日", "— " + page + " —"]);
        }
        var normalized = TextNormalizer.Normalize(string.Join("\n", pages));
        Assert.DoesNotContain(normalized.Paragraphs, p => p.Text.StartsWith("人民日报", StringComparison.Ordinal) || p.Text.StartsWith('—'));
        Assert.Equal(removed.Order(), normalized.Removed.Select(r => r.Text).Order());
        Assert.Equal(48, normalized.Paragraphs.Count);
    }

    [Fact]
    public void Removes_continuation_markers_and_flags_the_paragraph()
    {
        var paragraphs = TextNormalizer.Normalize("（上接1版）当前，疫情蔓延势头得到遏制。（下转4版）\n\n(上接第2版) 防控形势逐步向好。").Paragraphs;
        Assert.Equal(["当前，疫情蔓延势头得到遏制。", "防控形势逐步向好。"], paragraphs.Select(p => p.Text));
        Assert.All(paragraphs, p => Assert.True(p.Continued));
    }

    [Fact]
    public void Trailing_spaces_mark_paragraph_ends_when_only_some_lines_have_them()
    {
        // No indents; wrapped lines end bare, a paragraph's last line ends in a space (as in some PDF exports).
        var raw = "这次会议的主要任务是，分析当前形势，克服新冠\n\n肺炎疫情影响，凝心聚力打赢脱贫攻坚战，确保如\n\n期完成脱贫攻坚目标任务。 \n\n刚才，几位同志作了发言，讲得都很好，各省区市\n\n的书面材料我也都看了，大家充满信心。 \n\n下面，我讲几点意见，请大家结合实际贯彻落实好\n\n各项工作部署。 \n";
        Assert.Equal(
            ["这次会议的主要任务是，分析当前形势，克服新冠肺炎疫情影响，凝心聚力打赢脱贫攻坚战，确保如期完成脱贫攻坚目标任务。",
             "刚才，几位同志作了发言，讲得都很好，各省区市的书面材料我也都看了，大家充满信心。",
             "下面，我讲几点意见，请大家结合实际贯彻落实好各项工作部署。"],
            Texts(raw));
    }

    [Fact]
    public void Removes_spaces_between_cjk_and_digits_but_keeps_latin_spaces()
    {
        Assert.Equal(["新华社武汉3月10日电　在抗击疫情的关键时刻，2015级同学和 World Health Organization 专家交流。"],
            Texts("  新华社武汉 3月 10日电 在抗击疫情的关键 时刻，2015 级同学和 World Health Organization 专家交流。"));
    }

    [Fact]
    public void Joins_a_paragraph_broken_mid_sentence_in_a_one_line_per_paragraph_file()
    {
        var raw = "标题行\n\n大事难事见担当，危难时刻显本色。疫情面前，在职党员没有在家里当旁观\n\n者，而是主动走出家门，参与疫情防控。\n\n下一段落，内容完整。";
        Assert.Equal(["标题行", "大事难事见担当，危难时刻显本色。疫情面前，在职党员没有在家里当旁观者，而是主动走出家门，参与疫情防控。", "下一段落，内容完整。"], Texts(raw));
    }

    [Fact]
    public void A_dateline_whose_separator_ends_a_wrapped_line_keeps_it()
    {
        // Wrapped exactly after the separator, which then ends the line among its trailing white space.
        const string dateline = "新华社乌鲁木齐 12 月 10 日电\u3000";
        var raw = Wrap(dateline.Length + 2, dateline + "听完总书记的话，我们更觉责任重大，一定把各项工作做实做细做好。", Paragraph2);
        Assert.StartsWith("新华社乌鲁木齐12月10日电\u3000听完总书记的话", Texts(raw)[0]);
    }

    [Fact]
    public void Headings_keep_one_space_between_phrases()
    {
        Assert.Equal(["党建引领 主动作为 把社区防控落到实处"], Texts("党建引领  主动作为 把社区防控落到实处"));
    }
}
