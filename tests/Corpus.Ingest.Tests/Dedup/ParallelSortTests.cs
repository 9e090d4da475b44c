using Corpus.Ingest.Dedup;

namespace Corpus.Ingest.Tests.Dedup;

public sealed class ParallelSortTests
{
    public static TheoryData<string, int> Shapes => new()
    {
        { "uniform", 0 }, { "uniform", 1 }, { "uniform", 2 }, { "uniform", 100_000 },
        { "one top bucket", 50_000 }, { "few distinct", 50_000 }, { "descending", 50_000 }, { "empty buckets", 50_000 },
        { "top byte clear", 50_000 }, { "all zero", 1_000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sorts_in_place_as_a_plain_sort_does(string shape, int length)
    {
        var random = new Random(length ^ shape.Length);
        var values = new ulong[length];
        for (var i = 0; i < length; i++)
        {
            var r = (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2);
            values[i] = shape switch
            {
                "one top bucket" => r >> 4 | 0xA000_0000_0000_0000,
                "few distinct" => (ulong)random.Next(7) * 0x2300_0000_0000_0001,
                "descending" => ulong.MaxValue - (ulong)i * 0x0000_1000_0000_0000,
                "empty buckets" => random.Next(2) == 0 ? r >> 4 : r | 0xF000_0000_0000_0000,
                "top byte clear" => r >> 8,
                "all zero" => 0,
                _ => r,
            };
        }
        var expected = (ulong[])values.Clone();
        Array.Sort(expected);
        var same = values;

        DuplicateFinder.ParallelSort(values);

        Assert.Same(same, values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Sorts_32_bit_values_too()
    {
        var random = new Random(32);
        var values = Enumerable.Range(0, 70_000).Select(_ => (uint)random.NextInt64(0, 1L << 32) >> random.Next(3)).ToArray();
        var expected = values.Order().ToArray();

        DuplicateFinder.ParallelSort(values);

        Assert.Equal(expected, values);
    }
}
