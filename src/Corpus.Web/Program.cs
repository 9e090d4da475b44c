var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
