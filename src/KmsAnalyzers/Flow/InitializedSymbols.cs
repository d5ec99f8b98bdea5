using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Which field, property, local or parameter a value initializes or is assigned to. One answer for the analyzers,
/// which name a derived alias after that symbol, and for the alias fix, which follows the symbol's uses to the sinks
/// that take no alias: the two can never disagree about where a value goes.
/// </summary>
internal static class InitializedSymbols
{
    /// <summary>
    /// The symbol whose initializer, default value, expression body or simple assignment is exactly
    /// <paramref name="value"/> (through conversions), else null.
    /// </summary>
    public static ISymbol? Of(IOperation value)
    {
        var current = Conversions.Outermost(value);
        return current.Parent switch
        {
            IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields } => fields[0],
            IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties } => properties[0],
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IParameterInitializerOperation { Parameter: var parameter } => parameter,
            ISimpleAssignmentOperation { Value: var assigned, Target: var target } when assigned == current => target switch
            {
                IMemberReferenceOperation member => member.Member,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            },
            // string OrdersKeyArn => "arn:…"; : the compiler's implicit return of an expression-bodied property.
            IReturnOperation { IsImplicit: true } when current.Syntax.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } =>
                current.SemanticModel?.GetDeclaredSymbol(property),
            _ => null,
        };
    }

    /// <summary>
    /// The name of <see cref="Of"/> when the user declared that symbol: an SDK property (<c>KMSMasterKeyId</c>) says
    /// nothing about a key's purpose.
    /// </summary>
    public static string? UserNameOf(IOperation value) =>
        Of(value) is { } symbol && IsInSource(symbol) ? symbol.Name : null;

    public static bool IsInSource(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
                return true;
        }

        return false;
    }
}
