using System.CommandLine;
using Corpus.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Index() => new("--index")
    {
        Description = "Index folder",
        Required = true,
    };

    /// <summary>The index, its searcher and indexer over the folder, registered as the site registers them.</summary>
    public static ServiceProvider Services(DirectoryInfo index, ILoggerFactory loggerFactory) =>
        new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddCorpusSearch(_ => index.FullName, ingestsOnce: true)
            .BuildServiceProvider();

    /// <summary>The services over the index in the folder; when there is none yet, writes a clear line and returns null (exit code 2).</summary>
    /// <remarks>Opening a missing folder would give an empty index, which reads as "no hits" rather than as a wrong path.</remarks>
    public static ServiceProvider? OpenExisting(DirectoryInfo index, TextWriter error, ILoggerFactory loggerFactory)
    {
        if (index.Exists && index.EnumerateFiles("segments*").Any())
        {
            return Services(index, loggerFactory);
        }
        error.WriteLine($"error: {index.FullName}: no index here; run `corpus ingest --corpus DIR --index {index.FullName}` first");
        return null;
    }

    /// <summary>Runs a view over an existing index: exit code 2 when there is none, 1 with the message for a query or filter to correct.</summary>
    public static int OnIndex(ParseResult parse, Option<DirectoryInfo> index, ILoggerFactory loggerFactory, Func<SearchService, TextWriter, int> view)
    {
        var error = parse.InvocationConfiguration.Error;
        using var services = OpenExisting(parse.GetRequiredValue(index), error, loggerFactory);
        if (services is null)
        {
            return ExitCodes.BadInput;
        }
        try
        {
            return view(services.GetRequiredService<SearchService>(), parse.InvocationConfiguration.Output);
        }
        catch (QueryException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadQuery;
        }
    }
}
