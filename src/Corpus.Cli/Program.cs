using Corpus.Cli;
using Serilog;
using Serilog.Events;

// Logs go to standard error so that JSON on standard output stays machine-readable.
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Is(Environment.GetEnvironmentVariable("CORPUS_LOG_LEVEL") is { } level
        && Enum.TryParse<LogEventLevel>(level, true, out var parsed) ? parsed : LogEventLevel.Warning)
    .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose)
    .CreateLogger();
try
{
    using var loggerFactory = new Microsoft.Extensions.Logging.LoggerFactory().AddSerilog(Log.Logger);
    return await CorpusCli.Create(loggerFactory).Parse(args).InvokeAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}
