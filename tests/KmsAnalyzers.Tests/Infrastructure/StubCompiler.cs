using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>Compiles stub source (SDK stand-ins) against the .NET 8 reference assemblies into a metadata reference.</summary>
internal static class StubCompiler
{
    public static MetadataReference Compile(string assemblyName, string source, params MetadataReference[] references)
    {
        // Task.Run: resolve without xUnit's synchronization context, which a blocking wait would deadlock.
        var net80 = Task.Run(() => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).GetAwaiter().GetResult();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: assemblyName + ".g.cs");
        var compilation = CSharpCompilation.Create(assemblyName, new[] { tree }, net80.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException(assemblyName + " stubs do not compile:" + Environment.NewLine + errors);
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
