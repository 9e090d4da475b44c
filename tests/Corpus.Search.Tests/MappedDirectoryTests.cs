namespace Corpus.Search.Tests;

/// <summary>
/// The stored documents' data file is read a document at a time at scattered places, so its mapping carries the
/// random-access advice (no read-ahead filling resident memory); the postings, read in runs, keep read-ahead. Checked
/// on what the kernel reports for this process's mappings (Linux's VmFlags: "rr" is random-read advice).
/// </summary>
public sealed class MappedDirectoryTests(SeedCorpus corpus) : IClassFixture<SeedCorpus>
{
    [Fact]
    public void Stored_documents_are_mapped_for_random_reads_and_postings_are_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // A search with snippets opens the postings and reads stored texts.
        Assert.NotEmpty(corpus.Service.Search(new SearchRequest("\"发展\"")).Hits);

        var mappings = Mappings().Where(m => m.Path.StartsWith(Path.GetFullPath(corpus.Index.IndexDir), StringComparison.Ordinal)).ToList();

        var stored = mappings.Where(m => m.Path.EndsWith(".fdt", StringComparison.Ordinal)).ToList();
        var postings = mappings.Where(m => m.Path.EndsWith(".doc", StringComparison.Ordinal) || m.Path.EndsWith(".pos", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stored);
        Assert.NotEmpty(postings);
        Assert.All(stored, m => Assert.Contains("rr", m.Flags));
        Assert.All(postings, m => Assert.DoesNotContain("rr", m.Flags));
    }

    /// <summary>This process's file mappings from /proc/self/smaps: each mapped path with its VmFlags.</summary>
    private static List<(string Path, string[] Flags)> Mappings()
    {
        var mappings = new List<(string Path, string[] Flags)>();
        string? path = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                // "start-end perms offset dev inode [path]": a path may hold spaces.
                path = fields.Length >= 6 ? string.Join(' ', fields[5..]) : null;
            }
            else if (fields.Length > 0 && fields[0] == "VmFlags:" && path is not null)
            {
                mappings.Add((path, fields[1..]));
                path = null;
            }
        }
        return mappings;
    }
}
