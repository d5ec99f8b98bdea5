using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers;

/// <summary>
/// The one contract between the analyzers and the code fixes: what a diagnostic's
/// <see cref="Diagnostic.Properties"/> hold. Analyzers fill an instance and call <see cref="ToImmutable"/>; fixes call
/// <see cref="Read"/>. The keys are private to this class, so nothing else writes or reads them.
/// </summary>
/// <remarks>
/// Properties are written into SARIF logs (<c>customProperties</c>), which are often public: they never hold an account
/// ID or a whole ARN. A reported identifier is named by its <see cref="NameOf">non-secret name</see> (key ID, multi-Region
/// key ID or alias name), and the fix re-reads the identifier itself from the diagnostic's source span with
/// <see cref="KmsTokenScanner"/>. Every key is read by a fix; what only a message needs stays in the message.
/// </remarks>
public sealed class FixProperties
{
    // Separates per-identifier entries; never part of a key ID or alias name.
    private const char EntrySeparator = ' ';
    private const char AliasSeparator = ',';
    private const string True = "true";

    private const string KeyNamesKey = "KeyNames";
    private const string AliasesKey = "Aliases";
    private const string WholeValueKey = "WholeValue";
    private const string AliasRejectedKey = "AliasRejected";
    private const string DerivedAliasKey = "DerivedAlias";
    private const string DerivedFromKey = "DerivedFrom";
    private const string DerivedAliasPreferredKey = "DerivedAliasPreferred";
    private const string KeyPropertyKey = "KeyProperty";
    private const string PinLocationKey = "PinLocation";
    private const string KeyValueLocationKey = "KeyValueLocation";
    private const string KeyMemberLocationKey = "KeyMemberLocation";

    /// <summary>
    /// Per reported identifier, in order, its non-secret name (<see cref="NameOf"/>): what the fix matches the
    /// identifiers it re-reads from the source against.
    /// </summary>
    public ImmutableArray<string> KeyNames { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>Per entry of <see cref="KeyNames"/>, the alias names that can replace it (from the alias map, or the alias ARN's own name); may be empty.</summary>
    public ImmutableArray<ImmutableArray<string>> Aliases { get; set; } = ImmutableArray<ImmutableArray<string>>.Empty;

    /// <summary>The reported expression's whole value is the one identifier, so a composed constant may become one alias literal.</summary>
    public bool WholeValue { get; set; }

    /// <summary>The value is used where an alias is invalid (a sink that needs a key ID or key ARN): no alias fix.</summary>
    public bool AliasRejected { get; set; }

    /// <summary>An alias name derived from the symbol the value initializes (<c>OrdersKeyArn</c> → <c>alias/orders</c>).</summary>
    public string? DerivedAlias { get; set; }

    /// <summary>The name of that symbol, for the fix's title.</summary>
    public string? DerivedFrom { get; set; }

    /// <summary>
    /// <c>kms_analyzers.derive_alias_names = preferred</c>: the derived alias may be the bulk choice (Fix All,
    /// <c>dotnet format</c>) when the alias map has none. Otherwise a derived alias is only ever an extra, one-at-a-time action.
    /// </summary>
    public bool DerivedAliasPreferred { get; set; }

    /// <summary>KMS0003: the request property that names the key (<c>KeyId</c>, <c>SourceKeyId</c>).</summary>
    public string? KeyProperty { get; set; }

    /// <summary>KMS0003: index into <see cref="Diagnostic.AdditionalLocations"/> of the syntax that pins the client's Region.</summary>
    public int? PinLocation { get; set; }

    /// <summary>KMS0003: index of the key value (literal or constant reference) assigned to the key property.</summary>
    public int? KeyValueLocation { get; set; }

    /// <summary>KMS0003: index of the <c>KeyId = …</c> initializer member, where removing it is valid.</summary>
    public int? KeyMemberLocation { get; set; }

    /// <summary>
    /// The name by which properties refer to an identifier: the key ID of a key ARN, the alias name (<c>alias/…</c>)
    /// of an alias ARN, a key ID or multi-Region key ID itself. Never the account, never the whole ARN.
    /// </summary>
    internal static string NameOf(KmsToken token) => token.Kind switch
    {
        KmsIdentifierKind.KeyArn or KmsIdentifierKind.AliasArn => token.Arn.ResourceId,
        _ => token.Text,
    };

    /// <summary>The name (<see cref="NameOf(KmsToken)"/>) of a whole identifier string, or null when it is none.</summary>
    internal static string? NameOf(string identifier)
    {
        if (KmsIdentifiers.TryParseArn(identifier, out var arn))
            return arn.ResourceId;
        return KmsIdentifiers.Classify(identifier) is KmsIdentifierKind.KeyId or KmsIdentifierKind.MultiRegionKeyId or KmsIdentifierKind.AliasName
            ? identifier
            : null;
    }

    /// <summary>Adds <paramref name="node"/>'s location to <paramref name="locations"/> and returns its index there.</summary>
    public static int? AddLocation(List<Location> locations, SyntaxNode? node)
    {
        if (node is null)
            return null;
        locations.Add(node.GetLocation());
        return locations.Count - 1;
    }

    public ImmutableDictionary<string, string?> ToImmutable()
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (!KeyNames.IsDefaultOrEmpty)
        {
            properties[KeyNamesKey] = string.Join(EntrySeparator.ToString(), KeyNames);
            var aliases = new StringBuilder();
            for (var i = 0; i < KeyNames.Length; i++)
            {
                if (i > 0)
                    aliases.Append(EntrySeparator);
                if (!Aliases.IsDefault && i < Aliases.Length && !Aliases[i].IsDefault)
                    aliases.Append(string.Join(AliasSeparator.ToString(), Aliases[i]));
            }

            properties[AliasesKey] = aliases.ToString();
        }

        if (WholeValue)
            properties[WholeValueKey] = True;
        if (AliasRejected)
            properties[AliasRejectedKey] = True;
        if (DerivedAlias is not null)
        {
            properties[DerivedAliasKey] = DerivedAlias;
            properties[DerivedFromKey] = DerivedFrom;
            if (DerivedAliasPreferred)
                properties[DerivedAliasPreferredKey] = True;
        }

        if (KeyProperty is not null)
            properties[KeyPropertyKey] = KeyProperty;
        SetIndex(properties, PinLocationKey, PinLocation);
        SetIndex(properties, KeyValueLocationKey, KeyValueLocation);
        SetIndex(properties, KeyMemberLocationKey, KeyMemberLocation);
        return properties.ToImmutable();
    }

    /// <summary>Reads what an analyzer wrote; anything missing or malformed reads as absent (the fix is then not offered).</summary>
    public static FixProperties Read(ImmutableDictionary<string, string?> properties)
    {
        var result = new FixProperties
        {
            WholeValue = properties.ContainsKey(WholeValueKey),
            AliasRejected = properties.ContainsKey(AliasRejectedKey),
            KeyProperty = Get(properties, KeyPropertyKey),
            PinLocation = GetIndex(properties, PinLocationKey),
            KeyValueLocation = GetIndex(properties, KeyValueLocationKey),
            KeyMemberLocation = GetIndex(properties, KeyMemberLocationKey),
        };

        if (Get(properties, KeyNamesKey) is { Length: > 0 } names && Get(properties, AliasesKey) is { } aliasList)
        {
            var keyNames = names.Split(EntrySeparator);
            var perName = aliasList.Split(EntrySeparator);
            if (perName.Length == keyNames.Length)
            {
                var aliases = ImmutableArray.CreateBuilder<ImmutableArray<string>>(keyNames.Length);
                foreach (var entry in perName)
                    aliases.Add(entry.Length == 0 ? ImmutableArray<string>.Empty : ImmutableArray.Create(entry.Split(AliasSeparator)));
                result.KeyNames = ImmutableArray.Create(keyNames);
                result.Aliases = aliases.MoveToImmutable();
            }
        }

        if (Get(properties, DerivedAliasKey) is { Length: > 0 } derived)
        {
            result.DerivedAlias = derived;
            result.DerivedFrom = Get(properties, DerivedFromKey);
            result.DerivedAliasPreferred = properties.ContainsKey(DerivedAliasPreferredKey);
        }

        return result;
    }

    private static string? Get(ImmutableDictionary<string, string?> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value : null;

    private static void SetIndex(ImmutableDictionary<string, string?>.Builder properties, string key, int? index)
    {
        if (index is { } value)
            properties[key] = value.ToString(CultureInfo.InvariantCulture);
    }

    private static int? GetIndex(ImmutableDictionary<string, string?> properties, string key) =>
        Get(properties, key) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}
