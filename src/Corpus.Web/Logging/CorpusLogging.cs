using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;

namespace Corpus.Web.Logging;

/// <summary>
/// The site's Serilog pipeline, from the <c>Serilog</c> configuration section: levels, enrichers and filters apply
/// first, then <see cref="ControlCharacterEscaper"/> escapes every property, then <see cref="ExceptionEscapingSink"/>
/// escapes exception messages on the way to the configured sinks (<c>Serilog:WriteTo</c>) and those services add.
/// </summary>
public static class CorpusLogging
{
    private const string Section = "Serilog";

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        // The sinks read their part of the section in a logger of their own, which the escaping sink feeds; the
        // levels stay with the outer logger, so this one lets through all it is given.
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose().ReadFrom.Configuration(Part(configuration, sinks: true));
        foreach (var sink in services.GetServices<ILogEventSink>())
        {
            sinks.WriteTo.Sink(sink);
        }
        return logger
            .ReadFrom.Configuration(Part(configuration, sinks: false))
            // Last, so it also sees the properties the configured enrichers added.
            .Enrich.With<ControlCharacterEscaper>()
            .WriteTo.Sink(new ExceptionEscapingSink(sinks.CreateLogger()));
    }

    /// <summary>The section with only its sinks (and the assemblies to find them in), or everything but its sinks.</summary>
    private static IConfiguration Part(IConfiguration configuration, bool sinks) =>
        new ConfigurationBuilder().AddInMemoryCollection(configuration.GetSection(Section).AsEnumerable()
            .Where(pair => Under(pair.Key, "Using") || (Under(pair.Key, "WriteTo") || Under(pair.Key, "AuditTo")) == sinks))
            .Build();

    private static bool Under(string key, string name)
    {
        var prefix = $"{Section}:{name}";
        return key.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase);
    }
}
