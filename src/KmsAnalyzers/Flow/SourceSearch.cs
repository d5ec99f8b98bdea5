using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Finds things in a compilation's source on demand, instead of collecting them from every callback of every file:
/// which files may name an identifier (a word index read once from the files' text), and the calls of a source method
/// or constructor (its call sites), bound only in those files. The call-site direction of <see cref="ValueModel"/>, the
/// DI registrations and <see cref="SinkSearch"/> ask here, and only when a rule has a question; a compilation whose
/// rules never ask reads nothing. One instance per compilation, shared by every analyzer.
/// </summary>
internal sealed class SourceSearch
{
    private static readonly ConditionalWeakTable<Compilation, SourceSearch> Searches = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IOperation>> _calls = new(SymbolEqualityComparer.Default);
    private TreeWords[]? _treeWords;

    private SourceSearch(Compilation compilation) => _compilation = compilation;

    public static SourceSearch For(Compilation compilation) => Searches.GetValue(compilation, static c => new SourceSearch(c));

    /// <summary>Lets the search reuse the model a callback already has for its tree.</summary>
    public void Offer(SemanticModel? model)
    {
        if (model is not null)
            _models.TryAdd(model.SyntaxTree, model);
    }

#pragma warning disable RS1030 // Other files are bound with their own tree's model; the driver's model provider caches it.
    public SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    /// <summary>The files that may contain the identifier <paramref name="name"/> (a superset: comments and strings count too).</summary>
    public IEnumerable<SyntaxTree> TreesThatMayName(string name, CancellationToken cancellationToken)
    {
        var hash = TreeWords.Hash(name, 0, name.Length);
        foreach (var words in TreesWords(cancellationToken))
        {
            if (words.MayName(hash))
                yield return words.Tree;
        }
    }

    /// <summary>
    /// Every call of <paramref name="method"/> in the compilation: invocations, <c>new T(…)</c>, target-typed <c>new(…)</c>,
    /// <c>: base(…)</c>/<c>: this(…)</c> and primary-constructor base calls, in file and source order.
    /// </summary>
    public IReadOnlyList<IOperation> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_calls.TryGetValue(method, out var known))
            return known;
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        var name = isConstructor ? method.ContainingType.Name : method.Name;
        var hash = TreeWords.Hash(name, 0, name.Length);
        var calls = new List<IOperation>();
        foreach (var words in TreesWords(cancellationToken))
        {
            if (!words.MayName(hash) && !(isConstructor && words.MayCreateImplicitly))
                continue;
            var root = words.Tree.GetRoot(cancellationToken);
            var bindAllCreations = isConstructor && HasUsingAlias(root);
            foreach (var node in root.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = node switch
                {
                    InvocationExpressionSyntax invocation => !isConstructor && CalledName(invocation.Expression) == name,
                    ObjectCreationExpressionSyntax creation => isConstructor && (bindAllCreations || CreatedName(creation.Type) == name),
                    ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax => isConstructor,
                    PrimaryConstructorBaseTypeSyntax primaryBase => isConstructor && (bindAllCreations || CreatedName(primaryBase.Type) == name),
                    _ => false,
                };
                if (candidate && Target(Model(words.Tree).GetOperation(node, cancellationToken), out var operation) is { } target &&
                    SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method))
                    calls.Add(operation!);
            }
        }

        return _calls.GetOrAdd(method, calls);
    }

    /// <summary>Every invocation of a method named <paramref name="name"/> in the compilation, for the caller to match.</summary>
    public List<IInvocationOperation> InvocationsNamed(string name, CancellationToken cancellationToken)
    {
        var found = new List<IInvocationOperation>();
        foreach (var tree in TreesThatMayName(name, cancellationToken))
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && CalledName(invocation.Expression) == name &&
                    Model(tree).GetOperation(node, cancellationToken) is IInvocationOperation operation)
                    found.Add(operation);
            }
        }

        return found;
    }

    private static IMethodSymbol? Target(IOperation? operation, out IOperation? call)
    {
        if (operation is IExpressionStatementOperation { Operation: var inner })
            operation = inner;
        call = operation;
        return operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };
    }

    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string? CreatedName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    // `using Stack = Amazon.CDK.Stack;` lets a file create a type without spelling its name.
    private static bool HasUsingAlias(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Alias: not null })
                return true;
        }

        return false;
    }

    private TreeWords[] TreesWords(CancellationToken cancellationToken)
    {
        if (_treeWords is { } built)
            return built;
        var words = new List<TreeWords>();
        foreach (var tree in _compilation.SyntaxTrees)
            words.Add(TreeWords.Of(tree, cancellationToken));
        var array = words.ToArray();
        return Interlocked.CompareExchange(ref _treeWords, array, null) ?? array;
    }

    /// <summary>
    /// Which names a file may contain, read from its text rather than its tokens: the words made of identifier
    /// characters (in code, comments and strings alike), kept as hashes. Realizing every file's tokens to index them
    /// cost more than all the searches of a compilation; a text scan is a superset of the identifiers, and a file that
    /// may spell one with a Unicode escape or a formatting character is always searched.
    /// </summary>
    private sealed class TreeWords
    {
        private readonly HashSet<int>? _hashes;

        private TreeWords(SyntaxTree tree, HashSet<int>? hashes, bool mayCreateImplicitly)
        {
            Tree = tree;
            _hashes = hashes;
            MayCreateImplicitly = mayCreateImplicitly;
        }

        public SyntaxTree Tree { get; }

        /// <summary>Whether the file may hold a target-typed <c>new(…)</c>, which names no type.</summary>
        public bool MayCreateImplicitly { get; }

        public bool MayName(int hash) => _hashes is null || _hashes.Contains(hash);

        public static TreeWords Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var hashes = new HashSet<int>();
            var implicitNew = false;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length && (text[i + 1] == 'u' || text[i + 1] == 'U'))
                    return new TreeWords(tree, null, true); // \u0041bc may be an identifier's escape
                if (!IsWordChar(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    if (text[i] > 127 && char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.Format)
                        return new TreeWords(tree, null, true); // formatting characters are not part of an identifier's name
                    i++;
                }

                hashes.Add(Hash(text, start, i - start));
                if (!implicitNew && i - start == 3 && string.CompareOrdinal(text, start, "new", 0, 3) == 0)
                    implicitNew = IsImplicitNew(text, i);
            }

            return new TreeWords(tree, hashes, implicitNew);
        }

        // `new(` or `new (`; a comment after `new` counts too (a superset is enough).
        private static bool IsImplicitNew(string text, int afterNew)
        {
            var j = afterNew;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
                j++;
            return j < text.Length && (text[j] == '(' || text[j] == '/');
        }

        private static bool IsWordChar(char c) =>
            c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c) ||
                char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark or
                    System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation or
                    System.Globalization.UnicodeCategory.LetterNumber;

        // FNV-1a over the characters: stable within the process, no substring allocated per word.
        public static int Hash(string text, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var k = start; k < start + length; k++)
                    hash = (hash ^ text[k]) * 16777619;
                return hash;
            }
        }
    }
}
