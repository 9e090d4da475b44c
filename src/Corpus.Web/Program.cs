using System.Text.Encodings.Web;
using System.Text.Unicode;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Api;
using Corpus.Web.Hosting;
using Corpus.Web.Logging;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serilog is configured here only, from the "Serilog" section (console + rolling file); services may add sinks.
// Each host keeps its own logger (no static Log.Logger), so several hosts in one process stay apart.
builder.Services.AddSerilog((services, logger) => CorpusLogging.Configure(logger, services), preserveStaticLogger: true);
builder.WebHost.ConfigureKestrel(kestrel =>
    // Long queries must reach the app, which answers 400 with a message rather than Kestrel's bare 414.
    kestrel.Limits.MaxRequestLineSize = 64 * 1024);

builder.Services.AddCorpusPaths();
builder.Services.AddCorpusSearch(services => services.GetRequiredService<CorpusPaths>().IndexDir);
builder.Services.AddSingleton<IndexReadiness>();
builder.Services.AddHostedService<IngestHostedService>();
builder.Services.AddCorpusHealthChecks();
builder.Services.AddCorpusRateLimiting();
builder.Services.AddProblemDetails();
// Problem details and other framework JSON keep Chinese readable, like the API's own responses.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = CorpusJson.Options.Encoder);
builder.Services.AddRazorPages(options => options.Conventions.Add(new GetAndHeadPages()));
// The default encoder emits every non-Latin character as a numeric entity; Chinese pages stay readable (and a
// third smaller) when it is emitted as is. HTML-sensitive characters (< > & " ') are still always encoded.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/status/500" });
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles(new StaticFileOptions
{
    // Links carry a content hash (asp-append-version), so a versioned file never changes.
    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
        file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
});
app.UseSerilogRequestLogging();
app.UseMiddleware<ReadinessMiddleware>();
app.UseRouting();
app.UseRateLimiter();

app.MapHealth();
app.MapCorpusApi();
app.MapRazorPages();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
