using System;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// The dependency-injection registrations of the KMS client in a compilation, matched by name and containing type:
/// AWSSDK.Extensions.NETCore.Setup's <c>AddAWSService&lt;IAmazonKeyManagementService&gt;(options)</c> and the default
/// options of <c>AddDefaultAWSOptions(options)</c> it falls back to, and the container's own
/// <c>AddSingleton&lt;IAmazonKeyManagementService&gt;(client or factory)</c> (Scoped, Transient, TryAdd…). Found on
/// demand at compilation end, when a decrypt needs them. Known only when every registration agrees on one constant
/// Region; anything else is unknown.
/// </summary>
internal sealed class KmsRegistrations
{
    private readonly KmsSymbols _kms;
    private readonly List<IInvocationOperation> _services = new();
    private readonly List<IInvocationOperation> _defaults = new();
    private readonly List<IInvocationOperation> _clients = new();

    private KmsRegistrations(KmsSymbols kms) => _kms = kms;

    /// <summary>The compilation's registrations, found on demand: only files that name a registration method are bound.</summary>
    public static KmsRegistrations Find(KmsSymbols kms, Compilation compilation, CancellationToken cancellationToken)
    {
        var registrations = new KmsRegistrations(kms);
        var search = SourceSearch.For(compilation);
        foreach (var name in RegistrationNames)
        {
            foreach (var invocation in search.InvocationsNamed(name, cancellationToken))
                registrations.Add(invocation);
        }

        return registrations;
    }

    private static readonly string[] RegistrationNames = Concat(
        new[] { SdkNames.AddAwsService, SdkNames.TryAddAwsService, SdkNames.AddDefaultAwsOptions, SdkNames.TryAddDefaultAwsOptions },
        SdkNames.ContainerRegistrations);

    private static string[] Concat(string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
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
            default:
                // AddSingleton<IAmazonKeyManagementService>(…), AddSingleton<IAmazonKeyManagementService, TImplementation>().
                if ((IsExtension(method, SdkNames.ServiceCollectionServiceExtensions) || IsExtension(method, SdkNames.ServiceCollectionDescriptorExtensions)) &&
                    method.TypeArguments.Length >= 1 && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], _kms.KmsInterface))
                    _clients.Add(invocation);
                break;
        }
    }

    public bool IsEmpty => _services.Count == 0 && _clients.Count == 0;

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

        foreach (var client in _clients)
        {
            if (ClientRegistrationRegion(client, model) is not { } one || (region is not null && region != one))
                return null;
            region = one;
        }

        return region;
    }

    // The client instance, or every client the factory returns; a registered implementation type is created by the
    // container with the SDK's default Region chain: unknown.
    private string? ClientRegistrationRegion(IInvocationOperation registration, ValueModel model)
    {
        if (registration.TargetMethod.TypeArguments.Length != 1)
            return null;
        foreach (var argument in registration.Arguments)
        {
            var value = ValueModel.Unwrap(argument.Value);
            if (value is IDelegateCreationOperation creation)
                return creation.Target is IAnonymousFunctionOperation factory ? FactoryRegion(factory.Body, model) : null; // a method group: not followed
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _kms.KmsInterface))
                return ClientRegion(value, model); // AddSingleton<IAmazonKeyManagementService>(client)
        }

        return null;
    }

    private string? FactoryRegion(IBlockOperation body, ValueModel model)
    {
        string? region = null;
        foreach (var returned in Returns(body))
        {
            if (ClientRegion(returned, model) is not { } one || (region is not null && region != one))
                return null;
            region = one;
        }

        return region;
    }

    // The values a lambda returns, not those of lambdas nested in it.
    private static IEnumerable<IOperation> Returns(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                continue;
            if (child is IReturnOperation { ReturnedValue: { } returned })
            {
                yield return returned;
                continue;
            }

            foreach (var nested in Returns(child))
                yield return nested;
        }
    }

    private string? ClientRegion(IOperation client, ValueModel model) =>
        new RegionResolver(model, _kms).ClientRegion(client) is { IsKnown: true } known ? known.Region : null;

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
