using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Cli.Tests;

/// <summary>Runs the real `corpus` command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CorpusCli.Create(NullLoggerFactory.Instance).Parse(args)
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Corpus.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error);
