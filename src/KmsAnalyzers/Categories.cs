namespace KmsAnalyzers;

internal static class Categories
{
    public const string Security = "Security";
    public const string Reliability = "Reliability";
    public const string Configuration = "Configuration";
}
