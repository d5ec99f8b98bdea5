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
/// files <c>dotnet build</c> passes to the compiler) and either the real AWS SDK and CDK packages from the NuGet
/// cache (<see cref="RealPackages"/>: what users compile against, so the analyzers meet the real symbol tables) or the
/// AWS SDK stubs of the test project (<see cref="All"/>, used by the Fix All benchmark).
/// </summary>
internal static class References
{
    /// <summary>
    /// The packages of the analyzer benchmark, as NuGet lays them out (id, version, lib folder); the project file
    /// downloads each at restore (<c>PackageDownload</c>), so a fresh clone finds them.
    /// </summary>
    public static readonly (string Id, string Version, string Lib)[] RealPackageIds =
    {
        ("AWSSDK.Core", "4.1.0", "net8.0"),
        ("AWSSDK.KeyManagementService", "4.1.0", "net8.0"),
        ("Amazon.CDK.Lib", "2.103.0", "netcoreapp3.1"),
        ("Constructs", "10.0.5", "netcoreapp3.1"),
        ("Amazon.JSII.Runtime", "1.91.0", "netcoreapp3.1"),
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReal = new(LoadRealPackages, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The framework and the real AWSSDK.KeyManagementService 4.1.0 and Amazon.CDK.Lib 2.103.0 (with their dependencies).</summary>
    public static ImmutableArray<MetadataReference> RealPackages => LazyReal.Value;

    /// <summary>Where the package assemblies were found, for the report.</summary>
    public static string RealPackagesSource { get; private set; } = "";

    private static ImmutableArray<MetadataReference> LoadRealPackages()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var result = Framework.ToBuilder();
        foreach (var (id, version, lib) in RealPackageIds)
        {
            var path = Path.Combine(root, id.ToLowerInvariant(), version, "lib", lib, id + ".dll");
            if (!File.Exists(path))
                throw new FileNotFoundException($"{id} {version} is not in the NuGet cache ({path}): run `dotnet restore tests/KmsAnalyzers.Benchmarks` first.", path);
            result.Add(MetadataReference.CreateFromFile(path));
        }

        RealPackagesSource = root + " (" + string.Join(", ", RealPackageIds.Select(p => p.Id + " " + p.Version)) + ")";
        return result.ToImmutable();
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MetadataReference> LazyStubs = new(CompileStubs, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the framework references came from, for the report.</summary>
    public static string FrameworkSource { get; private set; } = "";

    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    /// <summary>The compiled stubs (assembly <c>AWSSDK.KeyManagementService</c>, as the tests' stubs), built once per process.</summary>
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
            "AWSSDK.KeyManagementService", new[] { tree }, Framework,
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
