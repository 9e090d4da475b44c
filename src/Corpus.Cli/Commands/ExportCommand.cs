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
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            foreach (var document in service.AllDocuments())
            {
                output.WriteLine(JsonSerializer.Serialize(document, CorpusJson.Options));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
