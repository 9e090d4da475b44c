using Corpus.Ingest.Dedup;

namespace Corpus.Ingest.Tests.Dedup;

public sealed class DuplicateFinderTests
{
    private static readonly string[] Sentences =
    [
        "在抗击新冠肺炎疫情的关键时刻，习近平专门赴湖北省武汉市考察疫情防控工作。",
        "他强调，湖北和武汉是这次疫情防控斗争的重中之重和决胜之地。",
        "经过艰苦努力，湖北和武汉疫情防控形势发生积极向好变化，取得阶段性重要成果。",
        "越是在这个时候，越是要保持头脑清醒，越是要慎终如始，越是要再接再厉、善作善成。",
        "习近平指出，在这场严峻斗争中，湖北各级党组织和广大党员、干部冲锋在前、英勇奋战。",
        "全省医务工作者和援鄂医疗队员白衣执甲、逆行出征，人民解放军指战员闻令即动、勇挑重担。",
        "广大社区工作者、公安干警、基层干部、下沉干部、志愿者不惧风雨、坚守一线。",
        "广大群众众志成城、踊跃参与，涌现出一大批可歌可泣的先进典型和感人事迹。",
        "习近平强调，武汉人民识大体、顾大局，不畏艰险、顽强不屈，作出了重大贡献。",
        "武汉不愧为英雄的城市，武汉人民不愧为英雄的人民，必将再次被载入史册。",
        "中央政治局常委会召开会议，研究部署统筹抓好疫情防控和经济社会发展重点工作。",
        "要加快建立防止返贫监测和帮扶机制，对脱贫不稳定户、边缘易致贫户及时帮扶。",
    ];

    private static readonly string Original = string.Concat(Sentences);

    private static int[] Group(params string[] texts)
    {
        var folded = texts.Select(TextFolder.Fold).ToList();
        return DuplicateFinder.Group([.. folded.Select(f => ShingleSketch.Create(f))], i => folded[i]);
    }

    [Fact]
    public void Exact_and_half_width_copies_are_one_group()
    {
        var halfWidth = Original.Replace('，', ',').Replace('。', '.').Replace('、', ',');
        Assert.Equal([0, 0], Group(Original, halfWidth));
    }

    [Fact]
    public void A_copy_cut_short_and_a_continuation_page_join_the_full_article()
    {
        var cutShort = string.Concat(Sentences[..7]);
        var continuation = string.Concat(Sentences[6..]);
        Assert.Equal([0, 0, 0], Group(Original, cutShort, continuation));
    }

    [Fact]
    public void Texts_sharing_a_few_sentences_in_another_order_stay_apart()
    {
        var other = "各地积极组织抽调党员干部下沉社区，参与疫情防控工作。" + Sentences[9] + "企业复工复产有序推进，产业链各环节协同发力。" + Sentences[1]
            + "春耕农忙正当时，各地统筹疫情防控与农业生产。" + Sentences[4];
        Assert.Equal([0, 1], Group(Original, other));
    }

    [Fact]
    public void A_short_text_made_of_sentences_of_a_long_one_in_shuffled_order_is_not_a_partial_copy()
    {
        var shuffled = Sentences[9] + Sentences[2] + Sentences[7] + Sentences[0];
        Assert.Equal([0, 1], Group(Original, shuffled));
    }

    [Fact]
    public void Folding_drops_punctuation_and_width_differences()
    {
        Assert.Equal(TextFolder.Fold("２０２０年，ＡＢＣ“疫情”防控。"), TextFolder.Fold("2020年,abc\"疫情\"防控."));
    }
}
