using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Roslyn;

/// <summary>
/// The default values of local function and lambda parameters. The analyzer driver runs no operation action on them,
/// so a rule that reads values by operation reaches them from their syntax, and must not report them twice in a host
/// whose driver does.
/// </summary>
internal static class LambdaParameterDefaults
{
    /// <summary>The parameters of a local function statement or a parenthesized lambda; empty for any other node.</summary>
    public static SeparatedSyntaxList<ParameterSyntax> ParametersOf(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax function => function.ParameterList.Parameters,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
        _ => default,
    };

    /// <summary>Whether <paramref name="operation"/> is (inside) the default value of a local function or lambda parameter.</summary>
    public static bool Contain(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IParameterInitializerOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } })
                return true;
        }

        return false;
    }
}
