using System;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// The dependency-injection registrations of the KMS client in a compilation (AWSSDK.Extensions.NETCore.Setup, matched
/// by metadata name): <c>AddAWSService&lt;IAmazonKeyManagementService&gt;(options)</c>, and the default options of
/// <c>AddDefaultAWSOptions(options)</c> it falls back to. Found on demand at compilation end, when a decrypt
/// needs them. Known only when every registration agrees on one constant Region; anything else is unknown.
/// </summary>
internal sealed class KmsRegistrations
{
    private readonly KmsSymbols _kms;
    private readonly List<IInvocationOperation> _services = new();
    private readonly List<IInvocationOperation> _defaults = new();

    private KmsRegistrations(KmsSymbols kms) => _kms = kms;

    /// <summary>The compilation's registrations, found on demand: only files that name a registration method are bound.</summary>
    public static KmsRegistrations Find(KmsSymbols kms, Compilation compilation, CancellationToken cancellationToken)
    {
        var registrations = new KmsRegistrations(kms);
        var search = SourceSearch.For(compilation);
        foreach (var name in new[] { SdkNames.AddAwsService, SdkNames.TryAddAwsService, SdkNames.AddDefaultAwsOptions, SdkNames.TryAddDefaultAwsOptions })
        {
            foreach (var invocation in search.InvocationsNamed(name, cancellationToken))
                registrations.Add(invocation);
        }

        return registrations;
    }

    private void Add(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case SdkNames.AddAwsService or SdkNames.TryAddAwsService when IsExtension(method, SdkNames.ServiceCollectionExtensions) &&
                method.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], _kms.KmsInterface):
                _services.Add(invocation);
                break;
            case SdkNames.AddDefaultAwsOptions or SdkNames.TryAddDefaultAwsOptions when IsExtension(method, SdkNames.ServiceCollectionExtensions):
                _defaults.Add(invocation);
                break;
        }
    }

    public bool IsEmpty => _services.Count == 0;

    /// <summary>
    /// The Region every KMS client the container creates is for, or null: no registration, registrations that
    /// disagree, a configure callback, options that are not a constant Region.
    /// </summary>
    /// <param name="configurationRegion">The constant Region of a configuration section (<c>AWS</c> → <c>AWS:Region</c>) in the project's settings files, or null.</param>
    public string? Region(ValueModel model, Func<string, string?> configurationRegion)
    {
        string? region = null;
        foreach (var service in _services)
        {
            if (ServiceRegion(service, model, configurationRegion) is not { } one || (region is not null && region != one))
                return null;
            region = one;
        }

        return region;
    }

    private string? ServiceRegion(IInvocationOperation service, ValueModel model, Func<string, string?> configurationRegion)
    {
        IOperation? options = null;
        foreach (var argument in service.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            if (type?.Name == SdkNames.AwsOptions)
                options = argument.Value;
            else if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate })
                return null; // a callback that may set any Region on the client's config
        }

        if (options is not null && !(ValueModel.Unwrap(options) is { ConstantValue: { HasValue: true, Value: null } }))
            return OptionsRegion(options, model, configurationRegion, 0);

        // No options: the container's default options, when every AddDefaultAWSOptions agrees.
        string? region = null;
        foreach (var defaults in _defaults)
        {
            IOperation? given = null;
            foreach (var argument in defaults.Arguments)
            {
                if (argument.Parameter?.Type?.Name == SdkNames.AwsOptions)
                    given = argument.Value;
            }

            // AddDefaultAWSOptions(sp => …) builds them at run time.
            if (given is null || OptionsRegion(given, model, configurationRegion, 0) is not { } one || (region is not null && region != one))
                return null;
            region = one;
        }

        return region;
    }

    // new AWSOptions { Region = RegionEndpoint.X }, configuration.GetAWSOptions("Section"), a variable holding either,
    // with options.Region = … set afterwards.
    private string? OptionsRegion(IOperation value, ValueModel model, Func<string, string?> configurationRegion, int depth)
    {
        if (depth > 8)
            return null;
        var operation = ValueModel.Unwrap(value);
        if (ValueModel.ValueSymbol(operation) is { } symbol && operation is not IInvocationOperation)
        {
            var later = model.MemberValuesOf(symbol, SdkNames.AwsOptionsRegion);
            if (later.Count > 0)
                return later.Count == 1 ? EndpointRegion(later[0], model) : null;
            if (!model.IsWrittenOnlyHere(symbol) || model.ValuesOf(symbol) is not { Count: 1 } values)
                return null;
            return OptionsRegion(values[0], model, configurationRegion, depth + 1);
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when creation.Type?.Name == SdkNames.AwsOptions:
                return model.MemberValue(creation, SdkNames.AwsOptionsRegion) is { } region ? EndpointRegion(region, model) : null;
            case IInvocationOperation { TargetMethod.Name: SdkNames.GetAwsOptions } invocation when IsExtension(invocation.TargetMethod, SdkNames.ConfigurationExtensions):
                var section = SdkNames.DefaultAwsOptionsSection;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type?.SpecialType == SpecialType.System_String && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        if (model.ConstantString(argument.Value) is not { } name)
                            return null;
                        section = name;
                    }
                }

                return configurationRegion(section);
            default:
                return null;
        }
    }

    private string? EndpointRegion(IOperation value, ValueModel model) =>
        new RegionResolver(model, _kms).EndpointRegionOf(value) is { IsKnown: true } known ? known.Region : null;

    private static bool IsExtension(IMethodSymbol method, string containingType) =>
        method.ContainingType is { } type && type.ToDisplayString() == containingType;
}
