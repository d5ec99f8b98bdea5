using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Sdk;

/// <summary>Where a value is used directly: the SDK member it is assigned or passed to, if any.</summary>
internal readonly struct UseSite
{
    private UseSite(string displayName, KeyForms accepts)
    {
        DisplayName = displayName;
        Accepts = accepts;
    }

    public string? DisplayName { get; }
    public KeyForms Accepts { get; }
    public bool IsSink => DisplayName is not null;

    /// <summary>
    /// The sink that receives <paramref name="value"/> directly: a property assignment or object-initializer member
    /// (<c>KeyId = …</c>), or an argument (<c>DescribeKeyAsync(keyId: …)</c>); implicit conversions are looked through.
    /// </summary>
    public static UseSite Of(IOperation value)
    {
        var current = Conversions.Outermost(value, implicitOnly: true);
        switch (current.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == current &&
                assignment.Target is IPropertyReferenceOperation { Property: var property }:
                return KnownSinks.FindProperty(property) is { } propertySink
                    ? new UseSite(propertySink.DisplayName, propertySink.Accepts)
                    : default;
            case IArgumentOperation { Parameter: { } parameter }:
                return KnownSinks.FindParameter(parameter) is { } parameterSink
                    ? new UseSite(parameterSink.DisplayName, parameterSink.Accepts)
                    : default;
            default:
                return default;
        }
    }
}
