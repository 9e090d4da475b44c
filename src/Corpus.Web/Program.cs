using Corpus.Ingest;
using Corpus.Search;
using Corpus.Web.Api;
using Corpus.Web.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serilog is configured here only, from the "Serilog" section (console + rolling file); services may add sinks.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
    .ReadFrom.Services(services));

builder.Services.AddSingleton(services => CorpusPaths.From(
    services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
builder.Services.AddSingleton(services => new CorpusIndex(
    services.GetRequiredService<CorpusPaths>().IndexDir, services.GetRequiredService<ILogger<CorpusIndex>>()));
builder.Services.AddSingleton<IngestPipeline>();
builder.Services.AddSingleton<CorpusIndexer>();
builder.Services.AddSingleton<SearchService>();
builder.Services.AddSingleton<IndexReadiness>();
builder.Services.AddHostedService<IngestHostedService>();
builder.Services.AddApiRateLimiting(builder.Configuration);
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/status/500" });
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
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
