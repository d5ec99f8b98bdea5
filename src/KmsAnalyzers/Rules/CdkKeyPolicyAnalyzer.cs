using System;
using System.Collections.Immutable;
using System.Linq;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Rules;

/// <summary>
/// The analyzer for the AWS CDK's KMS keys: <see cref="ReplicaKeyPolicyRule"/> (KMS0006) and
/// <see cref="RegionPinnedKeyPolicyRule"/> (KMS0007) share one registration of <see cref="CdkKeyFlow"/> (per type, the
/// keys and replicas it creates, then the compilation-end pass). Apart from <see cref="KmsCodeAnalyzer"/>: per-type
/// actions make the driver copy the registering analyzer's actions for each such type and keep per-type state for all
/// of its callbacks, which cost the literal and call rules in the editor (docs/performance.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CdkKeyPolicyAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        Descriptors.ReplicaKeyPolicyApart, Descriptors.ReplicaKeyPolicyApartAtBuild,
        Descriptors.RegionPinnedInKeyPolicy, Descriptors.RegionPinnedInKeyPolicyAtBuild);

    private readonly bool _replicas;
    private readonly bool _policies;

    public CdkKeyPolicyAnalyzer()
        : this(DiagnosticIds.ReplicaKeyPolicyApart, DiagnosticIds.RegionPinnedInKeyPolicy)
    {
    }

    /// <summary>Only the rules that report <paramref name="ids"/> (a host or a test that wants one of them).</summary>
    internal CdkKeyPolicyAnalyzer(params string[] ids)
    {
        foreach (var id in ids)
        {
            _replicas |= id == DiagnosticIds.ReplicaKeyPolicyApart;
            _policies |= id == DiagnosticIds.RegionPinnedInKeyPolicy;
            if (id is not (DiagnosticIds.ReplicaKeyPolicyApart or DiagnosticIds.RegionPinnedInKeyPolicy))
                throw new ArgumentException("No rule of this analyzer reports " + id, nameof(ids));
        }

        SupportedDiagnostics = All.Where(d => Array.IndexOf(ids, d.Id) >= 0).ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        var replicas = _replicas;
        var policies = _policies;
        context.RegisterCompilationStartAction(start =>
        {
            // Told from the references' names, without binding them (SdkReferences says why).
            if (!SdkReferences.Of(start.Compilation).MayHaveCdk)
                return;
            CdkKeyFlow.Register(start, scope =>
            {
                if (replicas)
                    ReplicaKeyPolicyRule.Report(scope);
                if (policies)
                    RegionPinnedKeyPolicyRule.Report(scope);
            });
        });
    }
}
