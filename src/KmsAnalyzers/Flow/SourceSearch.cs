using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Finds things in a compilation's source on demand, instead of collecting them from every callback of every file:
/// which files may name an identifier (searched for in each file's text on the first question about it, the answer kept
/// with the file's syntax tree), and the calls of a source method or constructor (its call sites), bound only in those
/// files. The call-site direction of <see cref="ValueModel"/>, the DI registrations and <see cref="SinkSearch"/> ask
/// here, and only when a rule has a question; a compilation whose rules never ask reads nothing. One instance per
/// compilation, shared by every analyzer.
/// </summary>
internal sealed class SourceSearch
{
    private static readonly ConditionalWeakTable<Compilation, SourceSearch> Searches = new();

    // Per tree, not per compilation: a tree is immutable, and the IDE keeps the trees of unchanged files from one
    // keystroke's compilation to the next, so a keystroke reads only the edited file's text.
    private static readonly ConditionalWeakTable<SyntaxTree, TreeText> Texts = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _offered = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _operationModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IOperation>> _calls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, SyntaxTree[]> _treesByName = new();
    private readonly ConcurrentDictionary<string, bool> _globalUsingsName = new();
    private int _globalUsingsNameKmsSdk; // Unknown, No, Yes

    // What is known of a fact that is read once: a file's (TreeText) or the compilation's.
    private const int Unknown = 0, No = 1, Yes = 2;

    private SourceSearch(Compilation compilation) => _compilation = compilation;

    public static SourceSearch For(Compilation compilation) => Searches.GetValue(compilation, static c => new SourceSearch(c));

    /// <summary>
    /// Lets the search, and the value model, read a tree with the model a callback has for it rather than a model of
    /// their own, which binds the file again. The first model offered for a tree is kept; one that
    /// <see cref="OfferOperationModel"/> keeps is preferred to it.
    /// </summary>
    public void Offer(SemanticModel? model)
    {
        if (model is not null)
            _offered.TryAdd(model.SyntaxTree, model);
    }

    /// <summary>
    /// Offers the model of an operation the driver handed to an operation action: it holds the operations the driver
    /// built, so it is preferred over any other. Where the host hands the driver a model of its own (the IDE's
    /// document), syntax actions get that model and operation actions another, and the value flow of a 2,000-line
    /// document's KMS type cost 3-8 ms read with the first against about 0.5 ms with the second (docs/performance.md,
    /// session 15).
    /// </summary>
    public void OfferOperationModel(IOperation operation)
    {
        if (operation.SemanticModel is { } model && !(_operationModels.TryGetValue(model.SyntaxTree, out var kept) && kept == model))
            _operationModels[model.SyntaxTree] = model;
    }

    /// <summary>The model of the driver's operations for <paramref name="tree"/>, when an operation action offered it.</summary>
    public SemanticModel? OperationModel(SyntaxTree tree) => _operationModels.TryGetValue(tree, out var model) ? model : null;

    /// <summary>The model to read <paramref name="tree"/> with: the driver's operations', else one a callback offered, else the compilation's.</summary>
#pragma warning disable RS1030 // Other files are bound with their own tree's model; the driver's model provider caches it.
    public SemanticModel Model(SyntaxTree tree) =>
        OperationModel(tree) ?? (_offered.TryGetValue(tree, out var offered) ? offered : _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t)));
#pragma warning restore RS1030

    /// <summary>The files that may contain the identifier <paramref name="name"/> (a superset: comments and strings count too).</summary>
    public IReadOnlyList<SyntaxTree> TreesThatMayName(string name, CancellationToken cancellationToken) =>
        _treesByName.TryGetValue(name, out var known) ? known : _treesByName.GetOrAdd(name, FindTreesThatMayName(name, cancellationToken));

    private SyntaxTree[] FindTreesThatMayName(string name, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Facts(tree).MayName(tree, name, cancellationToken))
                trees.Add(tree);
        }

        return trees.ToArray();
    }

    /// <summary>Whether the file may contain the identifier <paramref name="name"/> (a superset, read once per file and name).</summary>
    public static bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
        Facts(tree).MayName(tree, name, cancellationToken);

    /// <summary>
    /// Whether the file's text may hold a piece of a key identifier (<see cref="KmsIdentifiers.SourceMayHoldKeyIdentifierMarker"/>),
    /// read once per file: most files of a code base hold none.
    /// </summary>
    public static bool MayHoldKeyIdentifierMarker(SyntaxTree tree, CancellationToken cancellationToken) =>
        Facts(tree).MayHoldKeyIdentifierMarker(tree, cancellationToken);

    /// <summary>
    /// Whether code of <paramref name="type"/> may name a type of a namespace whose last segment is
    /// <paramref name="segment"/> (<c>KMS</c> of <c>Amazon.CDK.AWS.KMS</c>), a superset: a file declaring the type holds
    /// the segment as a word (a <c>using</c>, a qualified name, an alias), or a <c>global using</c> of the compilation
    /// does (it imports the namespace into every file). Creating a type, also with a target-typed <c>new(…)</c> whose
    /// target this type declares in any of its files, needs one of them. Read from each file's text once per tree, as
    /// written: a namespace spelled with Unicode escapes (<c>AWS.\u004BMS</c>) is not looked for.
    /// </summary>
    public bool MayNameNamespace(INamedTypeSymbol type, string segment, CancellationToken cancellationToken)
    {
        if (GlobalUsingsNameNamespace(segment, cancellationToken))
            return true;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            if (Facts(tree).MayNameAsWritten(tree, segment, cancellationToken))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether code of <paramref name="type"/> may call a method of the KMS client, a superset told from the text of the
    /// type's files, of its containing types and of its base types declared in source: a call binds to the client through
    /// a receiver whose type is written somewhere, and code reaches the client by the SDK's names
    /// (<c>IAmazonKeyManagementService</c>, <c>using Amazon.KeyManagementService.Model;</c> for its requests), by a
    /// field, property, variable or alias that says <c>kms</c> in any case, or through a member it inherits. A
    /// <c>global using</c> that names the SDK makes every type a candidate (an alias of the client type, requests named
    /// without a using). Not seen: a client reached only through a member of an unrelated type (<c>_aws.Keys.DecryptAsync(…)</c>)
    /// in files that name neither the SDK nor kms, with a request built elsewhere or none (a convenience overload).
    /// </summary>
    public bool MayUseKmsClient(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (GlobalUsingsNameKmsSdk(cancellationToken))
            return true;
        var depth = 0;
        for (var declared = type; declared is not null && depth < MaxTypesLookedAt; declared = declared.ContainingType)
        {
            for (var reached = declared; reached is { DeclaringSyntaxReferences.Length: > 0 } && depth < MaxTypesLookedAt; reached = reached.BaseType, depth++)
            {
                foreach (var reference in reached.DeclaringSyntaxReferences)
                {
                    if (Facts(reference.SyntaxTree).MayNameKmsSdk(reference.SyntaxTree, cancellationToken))
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether any file says <c>kms</c> in any case or <c>KeyManagementService</c>: when none does,
    /// <see cref="MayUseKmsClient"/> is false for every type, and an analyzer registers nothing for them.
    /// </summary>
    public bool AnyFileMayNameKmsSdk(CancellationToken cancellationToken) =>
        AnyFileMay((facts, tree) => facts.MayNameKmsSdk(tree, cancellationToken));

    /// <summary>
    /// Whether any file spells the namespace segment as a word: when none does, <see cref="MayNameNamespace"/> is false
    /// for every type, and an analyzer registers nothing for them.
    /// </summary>
    public bool AnyFileMayNameNamespace(string segment, CancellationToken cancellationToken) =>
        AnyFileMay((facts, tree) => facts.MayNameAsWritten(tree, segment, cancellationToken));

    private bool AnyFileMay(Func<TreeText, SyntaxTree, bool> fileMay)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (fileMay(Facts(tree), tree))
                return true;
        }

        return false;
    }

    // Containing and base types looked at for one type: a bound against a cycle of base types in broken code.
    private const int MaxTypesLookedAt = 32;

    /// <summary>Whether a <c>global using</c> of the compilation names the KMS SDK (see <see cref="GlobalUsingsNameNamespace"/>).</summary>
    public bool GlobalUsingsNameKmsSdk(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _globalUsingsNameKmsSdk);
        if (known != Unknown)
            return known == Yes;
        var found = AnyGlobalUsingSays(
            (facts, tree) => facts.MayNameKmsSdk(tree, cancellationToken),
            usings => usings.IndexOf(SdkNames.KmsSdkWord, StringComparison.Ordinal) >= 0,
            cancellationToken);
        Volatile.Write(ref _globalUsingsNameKmsSdk, found ? Yes : No);
        return found;
    }

    /// <summary>
    /// Whether a <c>global using</c> of the compilation names the namespace segment, read once per compilation from every
    /// file: an analyzer asks in its compilation start, on one thread, so that two types that meet the question at once
    /// do not each read every file (the driver charges both).
    /// </summary>
    public bool GlobalUsingsNameNamespace(string segment, CancellationToken cancellationToken)
    {
        if (_globalUsingsName.TryGetValue(segment, out var known))
            return known;
        known = AnyGlobalUsingSays(
            (facts, tree) => facts.MayNameAsWritten(tree, segment, cancellationToken),
            usings => TreeText.ContainsWord(usings, segment),
            cancellationToken);
        return _globalUsingsName.GetOrAdd(segment, known);
    }

    // Whether the global usings of a file say it: only a file whose text may (a fact kept per file, the types' own
    // question) has its directives read from its root.
    private bool AnyGlobalUsingSays(Func<TreeText, SyntaxTree, bool> fileMay, Func<string, bool> usingsSay, CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var facts = Facts(tree);
            if (fileMay(facts, tree) && usingsSay(facts.GlobalUsings(tree, cancellationToken)))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The identifier tokens spelled <paramref name="name"/> inside <paramref name="scope"/>, in source order, found from
    /// the places where the text holds the name rather than by walking every token of the scope.
    /// </summary>
    public IEnumerable<SyntaxToken> IdentifiersNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
    {
        var tree = scope.SyntaxTree;
        var facts = Facts(tree);
        if (!facts.MayName(tree, name, cancellationToken))
            yield break;
        if (name.Length == 0 || facts.MaySpellNamesOtherwise(tree, cancellationToken))
        {
            foreach (var token in scope.DescendantTokens())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                    yield return token;
            }

            yield break;
        }

        var text = facts.Text(tree, cancellationToken);
        var span = scope.FullSpan;
        for (var at = TreeText.IndexOfWord(text, name, span.Start); at >= 0 && at < span.End; at = TreeText.IndexOfWord(text, name, at + name.Length))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The token at that place, unless the place is in a comment or another token's trivia.
            var token = scope.FindToken(at);
            if (token.Span.Contains(at) && token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                yield return token;
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
        var calls = new List<IOperation>();
        var named = TreesThatMayName(name, cancellationToken);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var mayName = Contains(named, tree);
            if (!isConstructor)
            {
                if (!mayName)
                    continue;
                foreach (var invocation in InvocationsNamed(tree.GetRoot(cancellationToken), name, cancellationToken))
                    AddIfCallOf(invocation, tree);
                continue;
            }

            if (!mayName && !Facts(tree).MayCreateImplicitly(tree, cancellationToken))
                continue;
            // Constructors are also called where no name is spelled (`new(…)`, `: base(…)`): every creation is looked at.
            var root = tree.GetRoot(cancellationToken);
            var bindAllCreations = HasUsingAlias(root);
            foreach (var node in root.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = node switch
                {
                    ObjectCreationExpressionSyntax creation => bindAllCreations || CreatedName(creation.Type) == name,
                    ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax => true,
                    PrimaryConstructorBaseTypeSyntax primaryBase => bindAllCreations || CreatedName(primaryBase.Type) == name,
                    _ => false,
                };
                if (candidate)
                    AddIfCallOf(node, tree);
            }
        }

        void AddIfCallOf(SyntaxNode node, SyntaxTree tree)
        {
            if (Target(Model(tree).GetOperation(node, cancellationToken), out var operation) is { } target &&
                SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method))
                calls.Add(operation!);
        }

        return _calls.GetOrAdd(method, calls);
    }

    /// <summary>Every invocation of a method named <paramref name="name"/> in the compilation, for the caller to match.</summary>
    public List<IInvocationOperation> InvocationsNamed(string name, CancellationToken cancellationToken)
    {
        var found = new List<IInvocationOperation>();
        foreach (var tree in TreesThatMayName(name, cancellationToken))
        {
            foreach (var invocation in InvocationsNamed(tree.GetRoot(cancellationToken), name, cancellationToken))
            {
                if (Model(tree).GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                    found.Add(operation);
            }
        }

        return found;
    }

    /// <summary>The invocations in <paramref name="root"/> that call a method named <paramref name="name"/>, in source order (outer calls first).</summary>
    private List<InvocationExpressionSyntax> InvocationsNamed(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        var invocations = new List<InvocationExpressionSyntax>();
        foreach (var token in IdentifiersNamed(root, name, cancellationToken))
        {
            if (token.Parent is not SimpleNameSyntax simple)
                continue;
            SyntaxNode called = simple.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == simple => access,
                MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
                _ => simple,
            };
            if (called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called)
                invocations.Add(invocation);
        }

        // As a walk of the tree meets them: `A(x).A()` is the outer call of the inner one.
        invocations.Sort(static (a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));
        return invocations;
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

    private static bool Contains(IReadOnlyList<SyntaxTree> trees, SyntaxTree tree)
    {
        foreach (var candidate in trees)
        {
            if (candidate == tree)
                return true;
        }

        return false;
    }

    private static TreeText Facts(SyntaxTree tree) =>
        Texts.TryGetValue(tree, out var known) ? known : Texts.GetValue(tree, static _ => new TreeText());

    /// <summary>
    /// What a file's text says about the names it may contain, read from the text rather than the tokens (realizing
    /// every file's tokens cost more than all the searches of a compilation). A name is searched for in the text of each
    /// file, on the first question about it: a vectorized ordinal search costs a fraction of reading every word of the
    /// code base into an index, and a compilation asks about a handful of names. Code, comments and strings count alike
    /// (a superset); a file that may spell a name with a Unicode escape or a formatting character is always searched.
    /// Each fact is read on the first question that needs it: most files are asked about a name they do not hold.
    /// </summary>
    private sealed class TreeText
    {
        private (string Name, bool AsWritten, bool Found)[] _answers = Array.Empty<(string, bool, bool)>(); // names asked
        private int _maySpellNamesOtherwise;
        private int _mayCreateImplicitly;
        private int _mayHoldKeyIdentifierMarker;
        private int _mayHoldKmsInAnyCase;
        private int _mayNameKmsSdk;
        private string? _globalUsings;
        private WeakReference<string>? _text;

        /// <summary>
        /// The file's text as one string, kept between the questions about the file: a text read from a file gives its
        /// own string, but an edited one (the IDE's) is a rope copied anew on every <c>ToString()</c>. Held weakly, as
        /// the tree outlives the questions: the garbage collector may take a copy back, and the next question remakes it.
        /// </summary>
        public string Text(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var kept = Volatile.Read(ref _text);
            if (kept is not null && kept.TryGetTarget(out var text))
                return text;
            text = tree.GetText(cancellationToken).ToString();
            Volatile.Write(ref _text, new WeakReference<string>(text));
            return text;
        }

        /// <summary>Whether an identifier may be written so that its name is not in the text as it is (<c>\u0041bc</c>, a formatting character).</summary>
        public bool MaySpellNamesOtherwise(SyntaxTree tree, CancellationToken cancellationToken) =>
            Fact(ref _maySpellNamesOtherwise, tree, cancellationToken, static (facts, text) => facts.MaySpellNamesOtherwise(text));

        private bool MaySpellNamesOtherwise(string text) =>
            // A file known to hold no key identifier marker holds no \u or \U escape either (the markers include them):
            // most files, whose names are searched for the constants of KeyPieceScope, are spared two reads of their text.
            (Volatile.Read(ref _mayHoldKeyIdentifierMarker) != No &&
             (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)) ||
            HasFormattingCharacter(text);

        public bool MayHoldKeyIdentifierMarker(SyntaxTree tree, CancellationToken cancellationToken) =>
            Fact(ref _mayHoldKeyIdentifierMarker, tree, cancellationToken, static (facts, text) =>
                KmsIdentifiers.SourceMayHoldKeyIdentifierMarker(text, facts.MayHoldKmsInAnyCase(text)));

        // kms in any case, read once for the key identifier markers (kms) and the names that hold it (the CDK's KMS
        // namespace): most files hold neither, and are read once for both.
        private bool MayHoldKmsInAnyCase(string text) =>
            Fact(ref _mayHoldKmsInAnyCase, text, static (_, t) => KmsIdentifiers.SourceMayHoldKmsInAnyCase(t));

        /// <summary>
        /// Whether the file says <c>kms</c> in any case or the SDK's word <c>KeyManagementService</c>, as written: the
        /// file's part of <see cref="SourceSearch.MayUseKmsClient"/>.
        /// </summary>
        public bool MayNameKmsSdk(SyntaxTree tree, CancellationToken cancellationToken) =>
            Fact(ref _mayNameKmsSdk, tree, cancellationToken, static (facts, text) =>
                facts.MayHoldKmsInAnyCase(text) || text.IndexOf(SdkNames.KmsSdkWord, StringComparison.Ordinal) >= 0);

        /// <summary>Whether the file may hold a target-typed <c>new(…)</c>, which names no type.</summary>
        public bool MayCreateImplicitly(SyntaxTree tree, CancellationToken cancellationToken) =>
            Fact(ref _mayCreateImplicitly, tree, cancellationToken, static (_, text) => HasImplicitCreation(text));

        /// <summary>The text of the file's <c>global using</c> directives ("" when it has none), read from its root.</summary>
        public string GlobalUsings(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _globalUsings);
            if (known is null)
            {
                var text = new StringBuilder();
                foreach (var directive in ((CompilationUnitSyntax)tree.GetRoot(cancellationToken)).Usings)
                {
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                        text.Append(directive.ToString()).Append('\n');
                }

                known = text.ToString();
                Volatile.Write(ref _globalUsings, known);
            }

            return known;
        }

        // The file's text is fetched only when the fact is not known yet.
        private bool Fact(ref int fact, SyntaxTree tree, CancellationToken cancellationToken, Func<TreeText, string, bool> read) =>
            Volatile.Read(ref fact) is var known && known != Unknown ? known == Yes : Fact(ref fact, Text(tree, cancellationToken), read);

        private bool Fact(ref int fact, string text, Func<TreeText, string, bool> read)
        {
            var known = Volatile.Read(ref fact);
            if (known == Unknown)
            {
                known = read(this, text) ? Yes : No;
                Volatile.Write(ref fact, known);
            }

            return known == Yes;
        }

        /// <summary>Whether the file may contain the identifier <paramref name="name"/>; each name is searched for once per tree.</summary>
        public bool MayName(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
            name.Length == 0 || Search(tree, name, asWritten: false, cancellationToken);

        /// <summary>
        /// Whether the file spells <paramref name="name"/> as a word as it is, not with a Unicode escape: for a namespace
        /// in a <c>using</c> or a qualified name, where an escape is never written, it spares reading the file for escapes.
        /// </summary>
        public bool MayNameAsWritten(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
            name.Length == 0 || Search(tree, name, asWritten: true, cancellationToken);

        private bool Search(SyntaxTree tree, string name, bool asWritten, CancellationToken cancellationToken)
        {
            var answers = Volatile.Read(ref _answers);
            foreach (var answer in answers)
            {
                if (answer.AsWritten == asWritten && answer.Name == name)
                    return answer.Found;
            }

            // The name itself first (vectorized); only a file without it is asked whether it may spell it otherwise. A
            // name as written that holds kms in any case (the CDK's KMS namespace) is not in a file that holds no kms.
            var text = Text(tree, cancellationToken);
            var absent = asWritten && KmsIdentifiers.SourceMayHoldKmsInAnyCase(name) && !MayHoldKmsInAnyCase(text);
            var found = !absent && (ContainsWord(text, name) || (!asWritten && MaySpellNamesOtherwise(tree, cancellationToken)));
            // Copy on write: a file is asked about a handful of names, and readers take no lock.
            while (true)
            {
                var next = new (string, bool, bool)[answers.Length + 1];
                answers.CopyTo(next, 0);
                next[answers.Length] = (name, asWritten, found);
                var seen = Interlocked.CompareExchange(ref _answers, next, answers);
                if (seen == answers)
                    return found;
                answers = seen;
            }
        }

        /// <summary>Whether <paramref name="name"/> occurs in <paramref name="text"/> as a whole word.</summary>
        public static bool ContainsWord(string text, string name) => name.Length == 0 || IndexOfWord(text, name, 0) >= 0;

        /// <summary>Where <paramref name="name"/> next occurs in <paramref name="text"/> as a whole word from <paramref name="start"/> on, or -1.</summary>
        public static int IndexOfWord(string text, string name, int start)
        {
            for (var at = text.IndexOf(name, start, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
                    return at;
            }

            return -1;
        }

        private static bool HasFormattingCharacter(string text)
        {
            // A formatting character is not ASCII; the runtime counts UTF-8 bytes vectorized, and most files are ASCII.
            if (Encoding.UTF8.GetByteCount(text) == text.Length)
                return false;
            foreach (var c in text)
            {
                if (c > 127 && char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    return true;
            }

            return false;
        }

        // `new(` or `new (`; a comment after `new` counts too (a superset is enough).
        private static bool HasImplicitCreation(string text)
        {
            for (var at = text.IndexOf("new", StringComparison.Ordinal); at >= 0; at = text.IndexOf("new", at + 3, StringComparison.Ordinal))
            {
                if (at > 0 && IsWordChar(text[at - 1]))
                    continue;
                var j = at + 3;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                    j++;
                if (j < text.Length && (text[j] == '(' || text[j] == '/'))
                    return true;
            }

            return false;
        }

        private static bool IsWordChar(char c) =>
            c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c) ||
                char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or
                    UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber;
    }
}
