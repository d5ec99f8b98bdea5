using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0008: a KMS call other than a decrypt entry point (Encrypt, GenerateDataKey*, Sign, DescribeKey, key management,
/// ReEncrypt's destination, …) whose key identifier is a constant key ARN or alias ARN of another Region than the
/// client's. KMS resolves every key in the client's Region, so such a call always fails. It shares KMS0003's pass over
/// the type's KMS calls and its Region resolution.
/// </summary>
internal sealed partial class CrossRegionDecryptRule
{
    private sealed partial class TypeState
    {
        internal Diagnostic? AnalyzeKeyCall(
            IInvocationOperation invocation, RegionResolver resolver, AnalyzerOptions options, CancellationToken cancellationToken, DiagnosticDescriptor descriptor)
        {
            var client = resolver.ClientRegion(invocation.Instance);
            if (!client.IsKnown)
                return null;
            var clientRegion = client.Region!;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                    continue;
                // A request: its key members (EncryptRequest.KeyId, ReEncryptRequest.DestinationKeyId, …).
                foreach (var member in KmsOperations.KeyMembers(parameter.Type))
                {
                    if (resolver.RequestKeyRegion(argument.Value, member.Property) is { } key && key.Region != clientRegion)
                        return Report(invocation, client, member.Property, member.Accepts, key, options, cancellationToken, descriptor);
                }

                // A convenience overload's key parameter: DescribeKeyAsync(keyId), EnableKeyRotationAsync(keyId), …
                if (parameter.Type.SpecialType == SpecialType.System_String && KnownSinks.FindParameter(parameter) is { } sink &&
                    resolver.KeyValueRegion(argument.Value) is { } argumentKey && argumentKey.Region != clientRegion)
                    return Report(invocation, client, sink.Parameter, sink.Accepts, argumentKey, options, cancellationToken, descriptor);
            }

            return null;
        }

        private Diagnostic Report(
            IInvocationOperation invocation, ResolvedRegion client, string member, KeyForms accepts, KeyArnRegion key, AnalyzerOptions options, CancellationToken cancellationToken,
            DiagnosticDescriptor descriptor)
        {
            var locations = new List<Location>();
            var properties = new FixProperties { PinLocation = FixProperties.AddLocation(locations, client.Pin) };
            string advice;
            if (KnownSinks.AcceptsAliasName(accepts))
            {
                advice = "use an alias, which KMS resolves in the client's Region";
                if (FixProperties.NameOf(key.Identifier) is { } name)
                {
                    properties.KeyNames = ImmutableArray.Create(name);
                    properties.Aliases = ImmutableArray.Create(AliasesFor(key, options, cancellationToken));
                }

                properties.KeyValueLocation = FixProperties.AddLocation(locations, key.Value.Syntax);
            }
            else
            {
                // Key management needs a key id or key ARN: no alias fix; the doc shows the per-Region lookup.
                advice = "this operation takes no alias, so look the key ARN up in the client's Region";
            }

            return Diagnostic.Create(descriptor, invocation.Syntax.GetLocation(), locations, properties.ToImmutable(),
                invocation.TargetMethod.Name, client.Region, member, key.Display, key.Region, advice);
        }
    }
}
