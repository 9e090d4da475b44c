namespace Corpus.Web.Tests.Support;

/// <summary>Tests that share the app on the seed corpus and the browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "app";
}
