using System.CommandLine;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var command = new Command("export", "Write the stored documents as JSON lines (id, title, date, venue, kind, text, sources)") { index };
        command.SetAction(parse =>
        {
            var indexDir = parse.GetRequiredValue(index);
            var output = parse.InvocationConfiguration.Output;
            if (!CommonOptions.RequireIndex(indexDir, parse.InvocationConfiguration.Error))
            {
                return ExitCodes.BadInput;
            }
            using var corpusIndex = new CorpusIndex(indexDir.FullName, loggerFactory.CreateLogger<CorpusIndex>());
            foreach (var document in new SearchService(corpusIndex).AllDocuments())
            {
                output.WriteLine(JsonSerializer.Serialize(document, CorpusJson.Options));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
