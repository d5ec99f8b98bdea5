using Microsoft.CodeAnalysis;

namespace KmsAnalyzers;

/// <summary>The rule catalogue: one descriptor per id, help links built from the id.</summary>
internal static class Descriptors
{
    /// <summary>From the RepositoryUrl MSBuild property (Directory.Build.props), like the package's metadata.</summary>
    public const string HelpLinkBase = RepositoryInfo.RulesHelpLinkBase;

    // {0} Region, {1} key id, {2} masked account, {3} where the value is used (empty when unknown).
    public static readonly DiagnosticDescriptor HardcodedKeyArn = Create(
        DiagnosticIds.HardcodedKeyArn, Categories.Security,
        "Hard-coded KMS key ARN",
        "KMS key ARN of key '{1}' in Region '{0}', account '{2}', is hard-coded{3}; refer to the key by an alias that KMS resolves in each Region",
        "A key ARN pins the code to one Region and one account and breaks when the code is deployed elsewhere. " +
        "Refer to the key by an alias (alias/name), which KMS resolves in the Region of the calling client.");

    // {0} the multi-Region key id, {1} where the value is used (empty when unknown).
    public static readonly DiagnosticDescriptor RawMultiRegionKeyId = Create(
        DiagnosticIds.RawMultiRegionKeyId, Categories.Security,
        "Raw multi-Region KMS key ID",
        "Multi-Region KMS key ID '{0}' is hard-coded{1}; refer to the key by an alias that KMS resolves in each Region",
        "A raw multi-Region key ID silently relies on replicas with the same key material in every Region, which widens " +
        "the blast radius of one key to all of them. Refer to each Region's key by an alias.");

    // {0} the key id, {1} the sink it reaches, {2} the remedy (an alias, or the key ARN resolved per Region where the sink takes no alias).
    public static readonly DiagnosticDescriptor HardcodedKeyId = Create(
        DiagnosticIds.HardcodedKeyId, Categories.Security,
        "Hard-coded single-Region KMS key ID",
        "KMS key ID '{0}' is hard-coded and used as {1}; {2}",
        "A key ID names one single-Region key of one account; hard-coded, it pins every deployment to that key and " +
        "Region. Refer to the key by an alias (alias/name), which KMS resolves in the Region of the calling client.");

    // {0} the alias name, {1} Region, {2} masked account, {3} the sink it reaches.
    public static readonly DiagnosticDescriptor RegionPinnedAliasArn = Create(
        DiagnosticIds.RegionPinnedAliasArn, Categories.Reliability,
        "Region-pinned KMS alias ARN",
        "Alias ARN of '{0}' in Region '{1}', account '{2}', is used as {3}, which accepts the alias name; use '{0}', which KMS resolves in each Region",
        "An alias ARN pins the Region and the account that the plain alias name would resolve per deployment. Where the " +
        "member accepts an alias name, use alias/name.");

    // {0} the method called, {1} the client's Region, {2} why that is a problem (names the other Region).
    public static readonly DiagnosticDescriptor CrossRegionDecrypt = Create(
        DiagnosticIds.CrossRegionDecrypt, Categories.Reliability,
        "Cross-Region KMS decrypt",
        "{0} runs on a KMS client for Region '{1}' but {2}; resolve the key and the Region per deployment",
        "A decrypt that runs in one Region with a key or ciphertext of another fails (NotFoundException: Invalid arn) " +
        "or couples two Regions that a sound design keeps apart.");

    // The same finding where the client comes in through a parameter (its call sites) or dependency injection (the
    // compilation's KMS registration): reported from the compilation-end action, so in builds, CI and full-solution
    // analysis, not while typing.
    public static readonly DiagnosticDescriptor CrossRegionDecryptAtBuild = AtCompilationEnd(CrossRegionDecrypt);

    // {0} replica construct id, {1} primary construct id.
    public static readonly DiagnosticDescriptor ReplicaKeyPolicyApart = Create(
        DiagnosticIds.ReplicaKeyPolicyApart, Categories.Reliability,
        "Replica key policy written apart from its primary's",
        "Replica key '{0}' has a key policy written apart from the policy of its primary key '{1}'; build both from one policy definition",
        "Replicating a multi-Region key copies its key material but not its policy, so two policy definitions drift apart. " +
        "Define the policy once (a field, a property or a factory method) and give it to the primary and every replica.");

    // The same finding where the primary is found only through parameters (stack props, constructor arguments): reported
    // from the compilation-end action, so in builds, CI and full-solution analysis, not while typing.
    public static readonly DiagnosticDescriptor ReplicaKeyPolicyApartAtBuild = AtCompilationEnd(ReplicaKeyPolicyApart);

    // {0} construct id of the key, {1} the Region named.
    public static readonly DiagnosticDescriptor RegionPinnedInKeyPolicy = Create(
        DiagnosticIds.RegionPinnedInKeyPolicy, Categories.Security,
        "Region pinned inside a multi-Region key policy",
        "Key policy of multi-Region key '{0}' names Region '{1}'; use Aws.REGION so that each Region's stack resolves its own",
        "A multi-Region key's policy is deployed with every replica; a Region written into it keeps pointing at that " +
        "Region wherever the replica lives. Use the CDK's per-deployment tokens (Aws.REGION, Aws.ACCOUNT_ID).");

    // The same finding where the policy or the key's multi-Region setting comes in through parameters (compilation end).
    public static readonly DiagnosticDescriptor RegionPinnedInKeyPolicyAtBuild = AtCompilationEnd(RegionPinnedInKeyPolicy);

    // {0} configuration key (Kms:OrdersKeyArn), {1} file name, {2} what the value holds (account masked).
    public static readonly DiagnosticDescriptor KeyIdentifierInAppSettings = Create(
        DiagnosticIds.KeyIdentifierInAppSettings, Categories.Security,
        "KMS key identifier in application settings",
        "Setting '{0}' in '{1}' holds {2}; configure an alias that KMS resolves in each Region",
        "A key ARN or multi-Region key ID in appsettings*.json pins every deployment to one Region and account as much " +
        "as a literal in code. Configure an alias (alias/name), which KMS resolves in the Region of the calling client.");

    // {0} what creates the key (new CfnKey 'OrdersKey' with MultiRegion = true, ReplicateKeyAsync, ...).
    public static readonly DiagnosticDescriptor MultiRegionKeyCreated = Create(
        DiagnosticIds.MultiRegionKeyCreated, Categories.Security,
        "Multi-Region KMS key created",
        "{0} creates a multi-Region KMS key; create a single-Region key in each Region unless the data itself is decrypted across Regions",
        "A multi-Region key shares its key material with every replica, so one key's exposure spans all its Regions. " +
        "Isolate keys per Region; replicate keys only for data that must be decrypted in another Region.",
        isEnabledByDefault: false);
    // {0} the method called, {1} the client's Region, {2} the request member or parameter, {3} key id or alias name,
    // {4} the key's Region, {5} what to do (an alias, or where aliases are invalid the per-Region key ARN).
    public static readonly DiagnosticDescriptor KeyInAnotherRegion = Create(
        DiagnosticIds.KeyInAnotherRegion, Categories.Reliability,
        "KMS call to a key in another Region",
        "{0} runs on a KMS client for Region '{1}' but its {2} names key '{3}' in Region '{4}', which KMS rejects; {5}",
        "KMS resolves every key identifier in the Region of the client that calls it, so a key ARN or alias ARN of another " +
        "Region fails (NotFoundException: Invalid arn). Refer to the key by an alias, which KMS resolves in the client's " +
        "Region, or take the client's Region from the deployment.");

    // The same finding where the client's Region comes from call sites or dependency injection (compilation end).
    public static readonly DiagnosticDescriptor KeyInAnotherRegionAtBuild = AtCompilationEnd(KeyInAnotherRegion);

    // {0} file name, {1} what is wrong.
    public static readonly DiagnosticDescriptor InvalidAliasMap = Create(
        DiagnosticIds.InvalidAliasMap, Categories.Configuration,
        "Invalid KMS alias map",
        "Problem in KMS alias map '{0}': {1}",
        "An AdditionalFile named kms-aliases*.json must hold the JSON that 'aws kms list-aliases --output json' prints.");

    // {0} option key, {1} value, {2} what is accepted.
    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption, Categories.Configuration,
        "Invalid KmsAnalyzers option value",
        "Option '{0}' has the invalid value '{1}' and is ignored; expected {2}",
        "An .editorconfig or .globalconfig option of KmsAnalyzers has a value it cannot use; the default applies.");

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>A rule's descriptor for what it reports from a compilation-end action (same id and texts, the CompilationEnd tag).</summary>
    private static DiagnosticDescriptor AtCompilationEnd(DiagnosticDescriptor live) =>
        new(live.Id, live.Title, live.MessageFormat, live.Category, live.DefaultSeverity, live.IsEnabledByDefault, live.Description,
            live.HelpLinkUri, WellKnownDiagnosticTags.CompilationEnd);

    // Every rule is a Warning (Rider hides info-level diagnostics from packages); opt-in rules are disabled by default.
    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description, bool isEnabledByDefault = true) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault, description, HelpLink(id));
}
