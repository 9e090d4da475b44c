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
            using var corpusIndex = CommonOptions.OpenExisting(indexDir, parse.InvocationConfiguration.Error, loggerFactory);
            if (corpusIndex is null)
            {
                return ExitCodes.BadInput;
            }
            foreach (var document in new SearchService(corpusIndex).AllDocuments())
            {
                output.WriteLine(JsonSerializer.Serialize(document, CorpusJson.Options));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
