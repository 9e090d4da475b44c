using Microsoft.Extensions.Options;

namespace Corpus.Web.Hosting;

public static class CorpusPathsSetup
{
    /// <summary>Binds the <c>Corpus</c> section, checks it at start (a bad value stops the site naming the setting) and registers the paths it gives.</summary>
    public static IServiceCollection AddCorpusPaths(this IServiceCollection services)
    {
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorpusOptions>, CorpusOptionsValidator>();
        return services.AddSingleton(provider => CorpusPaths.From(
            provider.GetRequiredService<IOptions<CorpusOptions>>().Value, provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
    }
}
