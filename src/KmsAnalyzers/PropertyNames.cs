namespace KmsAnalyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what the analyzers hand to the code fixes.</summary>
public static class PropertyNames
{
    /// <summary>Separates the per-identifier entries of <see cref="Identifiers"/> and <see cref="Aliases"/>.</summary>
    public const char Separator = ' ';

    /// <summary>The reported identifiers (key ARNs or multi-Region key ids), in order.</summary>
    public const string Identifiers = "Identifiers";

    /// <summary>Per identifier, the comma-separated alias names the alias map knows for its key (may be empty).</summary>
    public const string Aliases = "Aliases";

    /// <summary>Present when the expression's whole value is the one identifier.</summary>
    public const string WholeValue = "WholeValue";

    /// <summary>The SDK member that receives the value directly, e.g. <c>DecryptRequest.KeyId</c>.</summary>
    public const string Sink = "Sink";

    /// <summary>Present when that member needs a key id or key ARN, so an alias would break the call.</summary>
    public const string AliasRejected = "AliasRejected";

    /// <summary>An alias name derived from the symbol the value initializes, and that symbol's name.</summary>
    public const string DerivedAlias = "DerivedAlias";
    public const string DerivedFrom = "DerivedFrom";
}
