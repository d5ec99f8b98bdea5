using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// What the generated code bases compile against: the .NET reference assemblies of the installed SDK (the same
/// files <c>dotnet build</c> passes to the compiler) and the AWS SDK stubs of the test project.
/// </summary>
internal static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MetadataReference> LazyStubs = new(CompileStubs, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the framework references came from, for the report.</summary>
    public static string FrameworkSource { get; private set; } = "";

    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    /// <summary>The compiled stubs (assembly <c>AWSSDK.Stubs</c>), built once per process.</summary>
    public static MetadataReference AwsSdkStubs => LazyStubs.Value;

    public static ImmutableArray<MetadataReference> All => Framework.Add(AwsSdkStubs);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtimeVersion = Path.GetFileName(runtimeDir);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = "net" + Environment.Version.Major + "." + Environment.Version.Minor;
        if (Directory.Exists(packs))
        {
            var candidates = Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(d => d.Contains(runtimeVersion, StringComparison.Ordinal))
                .ThenByDescending(d => d, StringComparer.Ordinal)
                .ToList();
            if (candidates.Count > 0)
            {
                FrameworkSource = candidates[0];
                return Directory.GetFiles(candidates[0], "*.dll")
                    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                    .ToImmutableArray();
            }
        }

        // No targeting pack: the runtime's own assemblies (implementation, not reference, assemblies).
        FrameworkSource = runtimeDir + " (runtime assemblies: no targeting pack found)";
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) ||
                              Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    /// <summary>
    /// The value of <c>AwsSdkStubs.Source</c> in tests/KmsAnalyzers.Tests/Infrastructure/AwsSdkStubs.cs (embedded in
    /// this assembly), read with the C# parser so the raw string literal is unindented exactly as the compiler does.
    /// </summary>
    public static string StubSource()
    {
        using var stream = typeof(References).Assembly.GetManifestResourceStream("AwsSdkStubs.cs")
            ?? throw new InvalidOperationException("The AwsSdkStubs.cs resource is missing.");
        using var reader = new StreamReader(stream);
        var root = CSharpSyntaxTree.ParseText(reader.ReadToEnd()).GetRoot();
        var declarator = root.DescendantNodes().OfType<VariableDeclaratorSyntax>().First(v => v.Identifier.ValueText == "Source");
        return ((LiteralExpressionSyntax)declarator.Initializer!.Value).Token.ValueText;
    }

    private static MetadataReference CompileStubs()
    {
        var tree = CSharpSyntaxTree.ParseText(StubSource(), ParseOptions, path: "AwsSdkStubs.g.cs");
        var compilation = CSharpCompilation.Create(
            "AWSSDK.Stubs", new[] { tree }, Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The AWS SDK stubs do not compile:" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
