using Corpus.Ingest.Model;
using Corpus.Search;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed class AboutModel(SearchService service, IndexReadiness readiness) : PageModel
{
    public CorpusStats Stats { get; private set; } = null!;

    /// <summary>An ingest running behind the served index, shown with its progress.</summary>
    public RunningIngest? Ingest { get; private set; }

    /// <summary>Why the site is degraded, if it is.</summary>
    public string? Degraded { get; private set; }

    public void OnGet()
    {
        Stats = service.Stats();
        Ingest = readiness.Ingest;
        Degraded = readiness.State == ReadinessState.Degraded ? readiness.Reason : null;
    }

    public static string StageLabel(string stage) => stage switch
    {
        IngestStages.Read => "读取与清洗文件",
        IngestStages.Dedupe => "查找重复稿",
        IngestStages.Index => "写入索引",
        IngestStages.Commit => "提交索引",
        IngestStages.Merge => "合并索引段（已可检索）",
        _ => stage,
    };

    public static IEnumerable<KeyValuePair<string, int>> ByCount(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal);
}
