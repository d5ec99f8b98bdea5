using System.Collections.Immutable;
using KmsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Tests.Infrastructure;

// Test-only views of the product analyzers, given to verifiers directly and never loaded by a host: no [DiagnosticAnalyzer].
#pragma warning disable RS1001

/// <summary>
/// The product's <see cref="KmsStringAnalyzer"/>, <see cref="KmsCodeAnalyzer"/> or <see cref="CdkKeyPolicyAnalyzer"/>
/// limited to the rules that report some ids, so that a rule's tests expect nothing of the other rules that share its
/// visits (the package ships only the whole analyzers). Each subclass is one rule's analyzer as the tests name it.
/// </summary>
public abstract class RuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _analyzer;

    protected RuleAnalyzer(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _analyzer.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // the wrapped analyzer configures generated code and concurrency itself
    public override void Initialize(AnalysisContext context) => _analyzer.Initialize(context);
#pragma warning restore RS1025, RS1026
}

/// <summary>KMS0001 and KMS0002.</summary>
public sealed class HardcodedKeyIdentifierAnalyzer : RuleAnalyzer
{
    public HardcodedKeyIdentifierAnalyzer()
        : base(new KmsStringAnalyzer(DiagnosticIds.HardcodedKeyArn, DiagnosticIds.RawMultiRegionKeyId))
    {
    }
}

/// <summary>KMS0003 and KMS0008, live and at compilation end.</summary>
public sealed class CrossRegionDecryptAnalyzer : RuleAnalyzer
{
    public CrossRegionDecryptAnalyzer()
        : base(new KmsCodeAnalyzer())
    {
    }
}

/// <summary>KMS0004 and KMS0005.</summary>
public sealed class KeyIdentifierAtSinkAnalyzer : RuleAnalyzer
{
    public KeyIdentifierAtSinkAnalyzer()
        : base(new KmsStringAnalyzer(DiagnosticIds.HardcodedKeyId, DiagnosticIds.RegionPinnedAliasArn))
    {
    }
}

/// <summary>KMS0006, live and at compilation end.</summary>
public sealed class ReplicaKeyPolicyAnalyzer : RuleAnalyzer
{
    public ReplicaKeyPolicyAnalyzer()
        : base(new CdkKeyPolicyAnalyzer(DiagnosticIds.ReplicaKeyPolicyApart))
    {
    }
}

/// <summary>KMS0007, live and at compilation end.</summary>
public sealed class RegionPinnedKeyPolicyAnalyzer : RuleAnalyzer
{
    public RegionPinnedKeyPolicyAnalyzer()
        : base(new CdkKeyPolicyAnalyzer(DiagnosticIds.RegionPinnedInKeyPolicy))
    {
    }
}
