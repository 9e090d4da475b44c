namespace Corpus.Cli.Commands;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadQuery = 1;
    public const int BadInput = 2;
}
