namespace Corpus.Search;

/// <summary>How a value users typed is quoted back to them in a message.</summary>
public static class UserText
{
    private const int MaxEcho = 20;

    /// <summary>At most a few characters of a bad value, so a message stays short whatever was sent.</summary>
    public static string Shorten(string text) => text.Length <= MaxEcho ? text : text[..MaxEcho] + "…";
}
