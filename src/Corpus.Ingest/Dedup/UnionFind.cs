namespace Corpus.Ingest.Dedup;

/// <summary>Disjoint sets over 0..n-1; the smaller index becomes the root, so results do not depend on merge order.</summary>
internal sealed class UnionFind
{
    private readonly int[] parent;

    public UnionFind(int count)
    {
        parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
