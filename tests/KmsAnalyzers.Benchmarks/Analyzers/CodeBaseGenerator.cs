using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KmsAnalyzers.Benchmarks.Infrastructure;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text, int Lines, bool UsesKms);

/// <summary>A generated code base: its files, the alias map for its keys, and a large document for the IDE case.</summary>
internal sealed record GeneratedCodeBase(
    IReadOnlyList<GeneratedFile> Files, string AliasMapJson, GeneratedFile LargeDocument, int KmsFiles, int TotalLines, int CdkFiles = 0);

/// <summary>
/// A deterministic, realistic line-of-business code base: per file an entity record, a repository full of SQL and
/// a service full of LINQ, async calls, log templates, URLs, JSON, CSV (UTF-8 literals), raw strings, interpolations
/// and concatenations, and a few non-KMS ARNs (S3, SNS, SQS) that pass the cheap <c>arn:</c> prefilter. One file in
/// <see cref="KmsEvery"/> also uses the KMS SDK: key ARNs, a multi-Region key id, an alias, a composed ARN, a grant,
/// clients pinned to Regions and decrypts across Regions. Every file compiles without errors against
/// <see cref="References.All"/>; the same seed gives the same text.
/// </summary>
internal static class CodeBaseGenerator
{
    public const int DefaultFiles = 2000;
    public const int LinesPerFile = 250;
    public const int LargeDocumentLines = 2000;
    public const int KmsEvery = 50;

    /// <summary>One file in this many is AWS CDK infrastructure code (a key stack and a queue stack), when the CDK is referenced.</summary>
    public const int CdkEvery = 100;
    public const int DefaultSeed = 20251129;

    private static readonly string[] Areas =
    {
        "Billing", "Sales", "Logistics", "Support", "Catalog", "Identity", "Marketing", "Finance", "Inventory", "Reporting",
    };

    private static readonly string[] Entities =
    {
        "Order", "Invoice", "Shipment", "CustomerProfile", "Product", "Payment", "Refund", "Subscription", "Ticket", "Account",
        "Contract", "Booking", "Claim", "Policy", "Vehicle", "Warehouse", "Supplier", "Campaign", "Lead", "Report",
    };

    private static readonly Action<CodeWriter, Section, int, Random>[] Methods =
    {
        TotalsByStatus, FetchRemote, ToJson, Validate, ExportCsv, MarkPaid, Search, ParseImport, Describe, Reconcile,
        BuildQuery, Archive, RenderEmail, Statistics,
    };

    /// <param name="cdk">Also write AWS CDK infrastructure files (one in <see cref="CdkEvery"/>): the code must then be compiled against the CDK.</param>
    /// <param name="kms">
    /// False for the code base where every rule's subject is absent (issue 16: "a rule whose subject is absent costs next
    /// to nothing"): no file uses the KMS SDK and the CDK files hold only the stack without a key, against the same
    /// references.
    /// </param>
    public static GeneratedCodeBase Generate(int files = DefaultFiles, int seed = DefaultSeed, bool cdk = false, bool kms = true)
    {
        var map = new AliasMapBuilder();
        var result = new List<GeneratedFile>(files + 1) { CommonFile() };
        var kmsFiles = 0;
        var cdkFiles = 0;
        var lines = result[0].Lines;
        for (var i = 0; i < files - 1; i++)
        {
            var usesKms = kms && i % KmsEvery == KmsEvery / 2;
            var file = cdk && i % CdkEvery == CdkEvery - 1
                ? CdkFile(i, new Random(seed + i), withKey: kms)
                : GenerateFile(i, LinesPerFile, usesKms, map, new Random(seed + i));
            kmsFiles += file.UsesKms ? 1 : 0;
            cdkFiles += file.Path.EndsWith("Stacks.cs", StringComparison.Ordinal) ? 1 : 0;
            lines += file.Lines;
            result.Add(file);
        }

        var large = GenerateFile(files + 100, LargeDocumentLines, kms: kms, map, new Random(seed - 1), path: "/src/Contoso/Legacy/LegacyMonolith.cs");
        return new GeneratedCodeBase(result, map.ToJson(), large, kmsFiles, lines, cdkFiles);
    }

    /// <summary>
    /// Infrastructure code on the AWS CDK: a stack with a multi-Region <c>CfnKey</c> whose policy names a Region, and
    /// its <c>CfnReplicaKey</c> with a policy written apart (1 KMS0006, 2 KMS0007), next to a stack with a queue, a
    /// bucket and IAM statements but no key, the common case for the CDK rules. Without <paramref name="withKey"/>, only
    /// the stack without a key.
    /// </summary>
    public static GeneratedFile CdkFile(int index, Random random, bool withKey = true)
    {
        var area = Areas[index % Areas.Length];
        var name = area + index.ToString("D4", CultureInfo.InvariantCulture);
        var account = "2" + random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture) + "105";
        var table = Entities[random.Next(Entities.Length)].ToLowerInvariant();
        var w = new CodeWriter();
        w.Line("using System.Collections.Generic;");
        w.Line("using Amazon.CDK;");
        w.Line("using Amazon.CDK.AWS.IAM;");
        if (withKey)
            w.Line("using Amazon.CDK.AWS.KMS;");
        w.Line("using Amazon.CDK.AWS.S3;");
        w.Line("using Amazon.CDK.AWS.SQS;");
        w.Line("using Constructs;");
        w.Line();
        w.Line("namespace Contoso." + area + ".Infrastructure.M" + index.ToString("D4", CultureInfo.InvariantCulture) + ";");
        w.Line();
        if (withKey)
            KeyStack(w, name, account, table);

        // The common case: infrastructure with no KMS key at all.
        w.Open("public sealed class " + name + "QueueStack : Stack");
        w.Line("private const string Prefix = \"contoso-" + area.ToLowerInvariant() + "\";");
        w.Line();
        w.Open("public " + name + "QueueStack(Construct scope, string id, IStackProps props) : base(scope, id, props)");
        w.Line("var deadLetters = new Queue(this, \"DeadLetters\", new QueueProps { QueueName = Prefix + \"-" + table + "-dlq\", RetentionPeriod = Duration.Days(14) });");
        w.Line("var queue = new Queue(this, \"Intake\", new QueueProps");
        w.Line("{");
        w.Line("    QueueName = Prefix + \"-" + table + "-intake\",");
        w.Line("    VisibilityTimeout = Duration.Seconds(" + random.Next(30, 300).ToString(CultureInfo.InvariantCulture) + "),");
        w.Line("    DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = 5 },");
        w.Line("});");
        w.Line("var bucket = new Bucket(this, \"Exports\", new BucketProps { BucketName = Prefix + \"-" + table + "-exports\", Versioned = true });");
        w.Line("bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps");
        w.Line("{");
        w.Line("    Actions = new[] { \"s3:GetObject\" },");
        w.Line("    Principals = new IPrincipal[] { new ArnPrincipal(\"arn:aws:iam::" + account + ":role/" + table + "-reader\") },");
        w.Line("    Resources = new[] { bucket.ArnForObjects(\"*\") },");
        w.Line("}));");
        w.Line("queue.GrantSendMessages(new ServicePrincipal(\"sns.amazonaws.com\"));");
        w.Line("_ = new CfnOutput(this, \"QueueUrl\", new CfnOutputProps { Value = queue.QueueUrl });");
        w.Close();
        w.Close();
        var path = "/src/Contoso/" + area + "/Infrastructure/M" + index.ToString("D4", CultureInfo.InvariantCulture) + "/Stacks.cs";
        return new GeneratedFile(path, w.ToString(), w.Lines, false);
    }

    // A multi-Region CfnKey whose policy names a Region, and its CfnReplicaKey with a policy written apart.
    private static void KeyStack(CodeWriter w, string name, string account, string table)
    {
        w.Open("public sealed class " + name + "KeyStack : Stack");
        w.Open("public " + name + "KeyStack(Construct scope, string id, IStackProps props, Stack replicaStack) : base(scope, id, props)");
        w.Line("var primary = new CfnKey(this, \"" + name + "Key\", new CfnKeyProps");
        w.Line("{");
        w.Line("    Description = \"" + table + " data (multi-Region primary)\",");
        w.Line("    MultiRegion = true,");
        w.Line("    EnableKeyRotation = true,");
        w.Line("    KeyPolicy = new PolicyDocument(new PolicyDocumentProps");
        w.Line("    {");
        w.Line("        Statements = new[]");
        w.Line("        {");
        w.Line("            AccountAdministers(),");
        w.Line("            new PolicyStatement(new PolicyStatementProps");
        w.Line("            {");
        w.Line("                Sid = \"QueueUsesTheKey\",");
        w.Line("                Principals = new IPrincipal[] { new AccountRootPrincipal() },");
        w.Line("                Actions = new[] { \"kms:GenerateDataKey\", \"kms:Decrypt\" },");
        w.Line("                Resources = new[] { \"*\" },");
        w.Line("                Conditions = new Dictionary<string, object>");
        w.Line("                {");
        w.Line("                    [\"StringEquals\"] = new Dictionary<string, object> { [\"kms:ViaService\"] = \"sqs.eu-west-1.amazonaws.com\" },");
        w.Line("                },");
        w.Line("            }),");
        w.Line("        },");
        w.Line("    }),");
        w.Line("});");
        w.Line();
        w.Line("var replicaPolicy = new PolicyDocument();");
        w.Line("replicaPolicy.AddStatements(AccountAdministers(), new PolicyStatement(new PolicyStatementProps");
        w.Line("{");
        w.Line("    Sid = \"QueueUsesTheKey\",");
        w.Line("    Principals = new IPrincipal[] { new ServicePrincipal(\"sqs.amazonaws.com\") },");
        w.Line("    Actions = new[] { \"kms:GenerateDataKey\", \"kms:Decrypt\" },");
        w.Line("    Resources = new[] { \"*\" },");
        w.Line("    Conditions = new Dictionary<string, object>");
        w.Line("    {");
        w.Line("        [\"ArnEquals\"] = new Dictionary<string, object> { [\"aws:SourceArn\"] = \"arn:aws:sqs:eu-west-1:" + account + ":" + table + "\" },");
        w.Line("    },");
        w.Line("}));");
        w.Line();
        w.Line("_ = new CfnReplicaKey(replicaStack, \"" + name + "KeyReplica\", new CfnReplicaKeyProps");
        w.Line("{");
        w.Line("    PrimaryKeyArn = primary.AttrArn,");
        w.Line("    Description = \"" + table + " data (replica)\",");
        w.Line("    KeyPolicy = replicaPolicy,");
        w.Line("});");
        w.Line("_ = new CfnOutput(this, \"" + name + "KeyArn\", new CfnOutputProps { Value = primary.AttrArn });");
        w.Close();
        w.Line();
        w.Line("private static PolicyStatement AccountAdministers() => new PolicyStatement(new PolicyStatementProps");
        w.Line("{");
        w.Line("    Sid = \"AccountAdministersTheKey\",");
        w.Line("    Principals = new IPrincipal[] { new AccountRootPrincipal() },");
        w.Line("    Actions = new[] { \"kms:*\" },");
        w.Line("    Resources = new[] { \"*\" },");
        w.Line("});");
        w.Close();
        w.Line();
    }

    /// <summary>Interfaces every generated service uses.</summary>
    private static GeneratedFile CommonFile()
    {
        const string text = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Contoso.Common;

            public interface ILogger
            {
                void Info(string template, params object?[] args);
                void Warn(string template, params object?[] args);
                void Error(Exception? exception, string template, params object?[] args);
            }

            public interface IDbRunner
            {
                Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, Func<IReadOnlyDictionary<string, object?>, T> map, CancellationToken ct);
                Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct);
            }

            public interface IHttpGateway
            {
                Task<string> GetStringAsync(string url, CancellationToken ct);
                Task<string> PostJsonAsync(string url, string json, CancellationToken ct);
            }

            public interface IClock
            {
                DateTime UtcNow { get; }
            }

            public interface IMetrics
            {
                void Increment(string name, params (string Key, string Value)[] tags);
                void Observe(string name, double value);
            }

            """;
        return new GeneratedFile("/src/Contoso/Common/Abstractions.cs", text, text.Split('\n').Length, false);
    }

    public static GeneratedFile GenerateFile(int index, int targetLines, bool kms, AliasMapBuilder map, Random random, string? path = null)
    {
        var area = Areas[index % Areas.Length];
        var w = new CodeWriter();
        w.Line("using System;");
        w.Line("using System.Collections.Generic;");
        w.Line("using System.Globalization;");
        w.Line("using System.IO;");
        w.Line("using System.Linq;");
        w.Line("using System.Text;");
        w.Line("using System.Threading;");
        w.Line("using System.Threading.Tasks;");
        if (kms)
        {
            w.Line("using Amazon;");
            w.Line("using Amazon.KeyManagementService;");
            w.Line("using Amazon.KeyManagementService.Model;");
        }

        w.Line("using Contoso.Common;");
        w.Line();
        var ns = "Contoso." + area + ".M" + index.ToString("D4", CultureInfo.InvariantCulture);
        w.Line("namespace " + ns + ";");
        w.Line();

        var sections = Math.Max(1, (int)Math.Round(targetLines / (double)LinesPerFile));
        var account = "2" + random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture) + "105";
        for (var s = 0; s < sections; s++)
        {
            var entity = Entities[random.Next(Entities.Length)] + (s == 0 ? "" : (s + 1).ToString(CultureInfo.InvariantCulture));
            var section = new Section(area, entity, account);
            var budget = targetLines * (s + 1) / sections - 1;
            if (kms && s == 0)
                KmsSection(w, section, map, random);
            Record(w, section);
            Repository(w, section);
            Service(w, section, budget, random);
        }

        var text = w.ToString();
        path ??= "/src/Contoso/" + area + "/M" + index.ToString("D4", CultureInfo.InvariantCulture) + "/" + "Services.cs";
        return new GeneratedFile(path, text, w.Lines, kms);
    }

    internal sealed class Section
    {
        public Section(string area, string entity, string account)
        {
            Area = area.ToLowerInvariant();
            T = entity;
            Table = ToSnake(entity) + "s";
            Account = account;
        }

        public string Area { get; }
        public string T { get; }
        public string Table { get; }
        public string Account { get; }

        private static string ToSnake(string name)
        {
            var builder = new StringBuilder();
            foreach (var c in name)
            {
                if (char.IsUpper(c) && builder.Length > 0)
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }
    }

    private static void Record(CodeWriter w, Section s)
    {
        w.Line("public sealed record " + s.T + "(Guid Id, string Name, string Customer, decimal Amount, DateTime CreatedUtc, string Status, IReadOnlyList<string> Tags);");
        w.Line();
    }

    private static void Repository(CodeWriter w, Section s)
    {
        var t = s.T;
        w.Open("public sealed class " + t + "Repository");
        w.Line("private const string TableName = \"" + s.Table + "\";");
        w.Line("private const string SelectColumns = \"id, name, customer, amount, created_utc, status, tags\";");
        w.Line("private const string SelectByCustomerSql = \"SELECT \" + SelectColumns + \" FROM \" + TableName + \" WHERE customer = @customer AND status <> 'deleted' ORDER BY created_utc DESC\";");
        w.Line("private const string SelectByIdSql = @\"SELECT id, name, customer, amount, created_utc, status, tags");
        w.Verbatim("        FROM " + s.Table);
        w.Verbatim("        WHERE id = @id\";");
        w.Line("private const string InsertSql = \"INSERT INTO " + s.Table + " (id, name, customer, amount, created_utc, status, tags) VALUES (@id, @name, @customer, @amount, @created, @status, @tags)\";");
        w.Line("private const string UpdateStatusSql = \"UPDATE " + s.Table + " SET status = @status, updated_utc = @now WHERE id = @id\";");
        w.Line("private const string CountSql = $\"SELECT COUNT(*) FROM {TableName} WHERE status = @status\";");
        w.Line();
        w.Line("private readonly IDbRunner _db;");
        w.Line("private readonly ILogger _logger;");
        w.Line();
        w.Open("public " + t + "Repository(IDbRunner db, ILogger logger)");
        w.Line("_db = db;");
        w.Line("_logger = logger;");
        w.Close();
        w.Line();
        w.Line("public Task<IReadOnlyList<" + t + ">> ListByCustomerAsync(string customer, CancellationToken ct) =>");
        w.Line("    _db.QueryAsync(SelectByCustomerSql, new { customer }, Map, ct);");
        w.Line();
        w.Open("public async Task<" + t + "?> FindAsync(Guid id, CancellationToken ct)");
        w.Line("var rows = await _db.QueryAsync(SelectByIdSql, new { id }, Map, ct).ConfigureAwait(false);");
        w.Open("if (rows.Count == 0)");
        w.Line("_logger.Warn(\"{Entity} {Id} was not found in {Table}\", \"" + t + "\", id, TableName);");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("return rows[0];");
        w.Close();
        w.Line();
        w.Line("public Task<int> InsertAsync(" + t + " item, CancellationToken ct) =>");
        w.Line("    _db.ExecuteAsync(InsertSql, new { id = item.Id, name = item.Name, customer = item.Customer, amount = item.Amount, created = item.CreatedUtc, status = item.Status, tags = string.Join(\",\", item.Tags) }, ct);");
        w.Line();
        w.Line("public Task<int> UpdateStatusAsync(Guid id, string status, DateTime now, CancellationToken ct) =>");
        w.Line("    _db.ExecuteAsync(UpdateStatusSql, new { id, status, now }, ct);");
        w.Line();
        w.Open("public async Task<int> CountAsync(string status, CancellationToken ct)");
        w.Line("var rows = await _db.QueryAsync(CountSql, new { status }, r => Convert.ToInt32(r[\"count\"], CultureInfo.InvariantCulture), ct).ConfigureAwait(false);");
        w.Line("return rows.Count == 0 ? 0 : rows[0];");
        w.Close();
        w.Line();
        w.Line("public Task<int> ExecuteRawAsync(string sql, object? parameters, CancellationToken ct) => _db.ExecuteAsync(sql, parameters, ct);");
        w.Line();
        w.Line("private static " + t + " Map(IReadOnlyDictionary<string, object?> row) => new(");
        w.Line("    (Guid)row[\"id\"]!,");
        w.Line("    (string)row[\"name\"]!,");
        w.Line("    (string)row[\"customer\"]!,");
        w.Line("    Convert.ToDecimal(row[\"amount\"], CultureInfo.InvariantCulture),");
        w.Line("    (DateTime)row[\"created_utc\"]!,");
        w.Line("    (string?)row[\"status\"] ?? \"unknown\",");
        w.Line("    ((string?)row[\"tags\"] ?? \"\").Split(',', StringSplitOptions.RemoveEmptyEntries));");
        w.Close();
        w.Line();
    }

    private static void Service(CodeWriter w, Section s, int budget, Random random)
    {
        var t = s.T;
        w.Open("public sealed class " + t + "Service");
        w.Line("private const string BaseUrl = \"https://api.contoso.example/" + s.Area + "/v2/" + s.Table + "\";");
        w.Line("private const string ExportBucketArn = \"arn:aws:s3:::contoso-" + s.Area + "-exports/" + s.Table + "/\";");
        w.Line("private const string EventsTopicArn = \"arn:aws:sns:eu-west-1:" + s.Account + ":" + s.Table + "-events\";");
        w.Line("private const string ProcessedTemplate = \"{Entity} {Id} processed for {Customer} in {ElapsedMs} ms\";");
        w.Line("private static readonly string[] KnownStatuses = { \"open\", \"pending\", \"paid\", \"shipped\", \"cancelled\", \"deleted\" };");
        w.Line("private static readonly Dictionary<string, string> StatusLabels = new(StringComparer.OrdinalIgnoreCase)");
        w.Line("{");
        w.Line("    [\"open\"] = \"Open\",");
        w.Line("    [\"pending\"] = \"Pending approval\",");
        w.Line("    [\"paid\"] = \"Paid\",");
        w.Line("    [\"cancelled\"] = \"Cancelled by the customer\",");
        w.Line("};");
        w.Line();
        w.Line("private readonly " + t + "Repository _repository;");
        w.Line("private readonly IHttpGateway _http;");
        w.Line("private readonly ILogger _logger;");
        w.Line("private readonly IClock _clock;");
        w.Line("private readonly IMetrics _metrics;");
        w.Line();
        w.Open("public " + t + "Service(" + t + "Repository repository, IHttpGateway http, ILogger logger, IClock clock, IMetrics metrics)");
        w.Line("_repository = repository;");
        w.Line("_http = http;");
        w.Line("_logger = logger;");
        w.Line("_clock = clock;");
        w.Line("_metrics = metrics;");
        w.Close();
        w.Line();
        w.Line("public Task PublishAsync(Guid id, string type, CancellationToken ct) =>");
        w.Line("    _http.PostJsonAsync(BaseUrl + \"/events?topic=\" + Uri.EscapeDataString(EventsTopicArn), \"{\\\"id\\\":\\\"\" + id + \"\\\",\\\"type\\\":\\\"\" + type + \"\\\"}\", ct);");

        // Methods in a shuffled order, numbered so that names never clash, until the section's line budget is used.
        var order = new int[Methods.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var n = 0;
        while (w.Lines < budget - 12)
        {
            if (n % order.Length == 0)
                Shuffle(order, random);
            w.Line();
            Methods[order[n % order.Length]](w, s, n, random);
            n++;
        }

        w.Close();
    }

    private static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static void TotalsByStatus(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public async Task<IReadOnlyDictionary<string, decimal>> TotalsByStatus" + k + "Async(string customer, CancellationToken ct)");
        w.Line("var items = await _repository.ListByCustomerAsync(customer, ct).ConfigureAwait(false);");
        w.Line("var totals = items");
        w.Line("    .Where(i => i.Status != \"deleted\" && i.Amount > " + random.Next(0, 500) + "m)");
        w.Line("    .GroupBy(i => i.Status, StringComparer.OrdinalIgnoreCase)");
        w.Line("    .ToDictionary(g => g.Key, g => g.Sum(i => i.Amount));");
        w.Line("_logger.Info(\"Computed {Count} status totals for {Customer}\", totals.Count, customer);");
        w.Line("_metrics.Observe(\"" + s.Table + ".totals.count\", totals.Count);");
        w.Line("return totals;");
        w.Close();
    }

    private static void FetchRemote(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public async Task<string> FetchRemote" + k + "Async(Guid id, string culture, CancellationToken ct)");
        w.Line("var url = $\"{BaseUrl}/{id:N}?expand=lines,customer&culture={Uri.EscapeDataString(culture)}&v=" + random.Next(1, 9) + "\";");
        w.Line("_logger.Info(\"GET {Url}\", url);");
        w.Open("try");
        w.Line("var body = await _http.GetStringAsync(url, ct).ConfigureAwait(false);");
        w.Line("_metrics.Increment(\"" + s.Table + ".remote.ok\", (\"culture\", culture));");
        w.Line("return body;");
        w.Close();
        w.Open("catch (InvalidOperationException e)");
        w.Line("_logger.Error(e, \"Remote {Entity} lookup failed for {Id} at {Url}\", \"" + s.T + "\", id, url);");
        w.Line("_metrics.Increment(\"" + s.Table + ".remote.failed\", (\"reason\", e.GetType().Name));");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void ToJson(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public static string ToJson" + k + "(" + s.T + " item)");
        w.Line("var builder = new StringBuilder();");
        w.Line("builder.Append(\"{\\\"id\\\":\\\"\").Append(item.Id.ToString(\"D\")).Append(\"\\\",\");");
        w.Line("builder.Append(\"\\\"name\\\":\\\"\").Append(item.Name.Replace(\"\\\"\", \"\\\\\\\"\")).Append(\"\\\",\");");
        w.Line("builder.Append($\"\\\"amount\\\":{item.Amount.ToString(CultureInfo.InvariantCulture)},\");");
        w.Line("builder.Append($\"\\\"created\\\":\\\"{item.CreatedUtc:O}\\\",\");");
        w.Line("builder.Append(\"\\\"tags\\\":[\").Append(string.Join(\",\", item.Tags.Select(t => \"\\\"\" + t + \"\\\"\"))).Append(\"]}\");");
        w.Line("return builder.ToString();");
        w.Close();
    }

    private static void Validate(CodeWriter w, Section s, int k, Random random)
    {
        w.Line("public string? Validate" + k + "(" + s.T + " item) => item switch");
        w.Line("{");
        w.Line("    { Name.Length: 0 } => \"Name is required for \" + nameof(" + s.T + ") + \" \" + item.Id,");
        w.Line("    { Amount: < 0 } => $\"Amount must not be negative (was {item.Amount})\",");
        w.Line("    { Amount: > " + random.Next(10000, 99999) + "m } => \"Amount \" + item.Amount.ToString(\"N2\", CultureInfo.InvariantCulture) + \" needs approval by finance\",");
        w.Line("    { Status: var status } when Array.IndexOf(KnownStatuses, status) < 0 => \"Unknown status '\" + status + \"'; expected one of \" + string.Join(\", \", KnownStatuses),");
        w.Line("    { CreatedUtc: var created } when created > _clock.UtcNow.AddMinutes(5) => \"Creation time is in the future: \" + created.ToString(\"O\", CultureInfo.InvariantCulture),");
        w.Line("    _ => null,");
        w.Line("};");
    }

    private static void ExportCsv(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public async Task<byte[]> ExportCsv" + k + "Async(string customer, CancellationToken ct)");
        w.Line("var items = await _repository.ListByCustomerAsync(customer, ct).ConfigureAwait(false);");
        w.Line("using var stream = new MemoryStream();");
        w.Line("stream.Write(\"id,name,customer,amount,created_utc,status\\n\"u8);");
        w.Open("foreach (var item in items.OrderBy(i => i.CreatedUtc).ThenBy(i => i.Name, StringComparer.Ordinal))");
        w.Line("var line = string.Join(\",\", item.Id, Quote(item.Name), Quote(item.Customer), item.Amount.ToString(\"0.00\", CultureInfo.InvariantCulture),");
        w.Line("    item.CreatedUtc.ToString(\"yyyy-MM-dd'T'HH:mm:ss'Z'\", CultureInfo.InvariantCulture), item.Status) + \"\\n\";");
        w.Line("stream.Write(Encoding.UTF8.GetBytes(line));");
        w.Close();
        w.Line();
        w.Line("_logger.Info(\"Exported {Count} {Entity} rows for {Customer} to {Bucket}\", items.Count, \"" + s.Table + "\", customer, ExportBucketArn);");
        w.Line("return stream.ToArray();");
        w.Line();
        w.Line("static string Quote(string value) => \"\\\"\" + value.Replace(\"\\\"\", \"\\\"\\\"\") + \"\\\"\";");
        w.Close();
    }

    private static void MarkPaid(CodeWriter w, Section s, int k, Random random)
    {
        var attempts = random.Next(2, 6);
        w.Open("public async Task<bool> MarkPaid" + k + "Async(Guid id, CancellationToken ct)");
        w.Open("for (var attempt = 1; attempt <= " + attempts + "; attempt++)");
        w.Open("try");
        w.Line("var updated = await _repository.UpdateStatusAsync(id, \"paid\", _clock.UtcNow, ct).ConfigureAwait(false);");
        w.Open("if (updated == 1)");
        w.Line("_logger.Info(ProcessedTemplate, \"" + s.T + "\", id, \"n/a\", attempt * 10);");
        w.Line("await _http.PostJsonAsync(BaseUrl + \"/events\", $$\"\"\"{\"type\":\"{{nameof(" + s.T + ")}}.paid\",\"id\":\"{{id}}\",\"attempt\":{{attempt}}}\"\"\", ct).ConfigureAwait(false);");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("_logger.Warn(\"Update of {Id} touched {Rows} rows on attempt {Attempt}\", id, updated, attempt);");
        w.Close();
        w.Open("catch (TimeoutException e) when (attempt < " + attempts + ")");
        w.Line("_logger.Error(e, \"Timeout marking {Id} paid, attempt {Attempt} of {Max}\", id, attempt, " + attempts + ");");
        w.Line("await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return false;");
        w.Close();
    }

    private static void Search(CodeWriter w, Section s, int k, Random random)
    {
        var pageSize = random.Next(10, 100);
        w.Open("public async Task<IReadOnlyList<string>> Search" + k + "Async(string customer, string term, int page, CancellationToken ct)");
        w.Line("var items = await _repository.ListByCustomerAsync(customer, ct).ConfigureAwait(false);");
        w.Line("var query =");
        w.Line("    from item in items");
        w.Line("    where item.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || item.Tags.Any(t => t.Equals(term, StringComparison.OrdinalIgnoreCase))");
        w.Line("    orderby item.CreatedUtc descending, item.Name");
        w.Line("    select $\"{item.Name} ({item.Status}) - {item.Amount:C}\";");
        w.Line("var result = query.Skip(page * " + pageSize + ").Take(" + pageSize + ").ToList();");
        w.Line("_logger.Info(\"Search for {Term} in {Customer} returned {Count} results on page {Page}\", term, customer, result.Count, page);");
        w.Line("return result;");
        w.Close();
    }

    private static void ParseImport(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public IReadOnlyList<" + s.T + "> ParseImport" + k + "(string csv, string customer)");
        w.Line("var result = new List<" + s.T + ">();");
        w.Line("var lineNumber = 0;");
        w.Open("foreach (var line in csv.Split('\\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))");
        w.Line("lineNumber++;");
        w.Line("if (lineNumber == 1 && line.StartsWith(\"id,\", StringComparison.Ordinal))");
        w.Line("    continue;");
        w.Line("var parts = line.Split(',');");
        w.Open("if (parts.Length < 4 || !Guid.TryParse(parts[0], out var id) || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))");
        w.Line("_logger.Warn(\"Skipping malformed line {Line} of the import for {Customer}: {Text}\", lineNumber, customer, line);");
        w.Line("continue;");
        w.Close();
        w.Line();
        w.Line("result.Add(new " + s.T + "(id, parts[1], customer, amount, _clock.UtcNow, parts[3].ToLowerInvariant(), Array.Empty<string>()));");
        w.Close();
        w.Line();
        w.Line("return result;");
        w.Close();
    }

    private static void Describe(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public string Describe" + k + "(" + s.T + " item)");
        w.Line("var label = StatusLabels.TryGetValue(item.Status, out var known) ? known : item.Status;");
        w.Line("var age = _clock.UtcNow - item.CreatedUtc;");
        w.Line("return string.Format(CultureInfo.InvariantCulture, \"{0} '{1}' for {2}: {3:0.00} EUR, {4} ({5:%d} days old)\", nameof(" + s.T + "), item.Name, item.Customer, item.Amount, label, age);");
        w.Close();
    }

    private static void Reconcile(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public async Task<(int Processed, int Skipped)> Reconcile" + k + "Async(IEnumerable<string> customers, CancellationToken ct)");
        w.Line("var processed = 0;");
        w.Line("var skipped = 0;");
        w.Open("foreach (var customer in customers.Distinct(StringComparer.OrdinalIgnoreCase))");
        w.Line("var items = await _repository.ListByCustomerAsync(customer, ct).ConfigureAwait(false);");
        w.Open("foreach (var item in items.Where(IsStale))");
        w.Open("if (item.Status is \"cancelled\" or \"deleted\")");
        w.Line("skipped++;");
        w.Line("continue;");
        w.Close();
        w.Line();
        w.Line("await _repository.UpdateStatusAsync(item.Id, \"stale\", _clock.UtcNow, ct).ConfigureAwait(false);");
        w.Line("processed++;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("_logger.Info(\"Reconciled {Processed} {Entity} records, skipped {Skipped}\", processed, \"" + s.Table + "\", skipped);");
        w.Line("return (processed, skipped);");
        w.Line();
        w.Line("bool IsStale(" + s.T + " item) => _clock.UtcNow - item.CreatedUtc > TimeSpan.FromDays(" + random.Next(7, 400) + ");");
        w.Close();
    }

    private static void BuildQuery(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public static string BuildQuery" + k + "(IReadOnlyDictionary<string, string?> filters)");
        w.Line("var parts = new List<string>();");
        w.Open("foreach (var (key, value) in filters.OrderBy(p => p.Key, StringComparer.Ordinal))");
        w.Line("if (string.IsNullOrWhiteSpace(value))");
        w.Line("    continue;");
        w.Line("parts.Add($\"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}\");");
        w.Close();
        w.Line();
        w.Line("return parts.Count == 0 ? BaseUrl : BaseUrl + \"?\" + string.Join(\"&\", parts);");
        w.Close();
    }

    private static void Archive(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public Task<int> Archive" + k + "Async(DateTime olderThan, CancellationToken ct)");
        w.Line("var sql = \"UPDATE " + s.Table + " SET status = 'archived' \" +");
        w.Line("          \"WHERE created_utc < @olderThan AND status IN ('paid', 'cancelled') \" +");
        w.Line("          \"AND customer NOT IN (SELECT customer FROM legal_holds WHERE active = 1)\";");
        w.Line("_logger.Info(\"Archiving {Entity} older than {Cutoff:yyyy-MM-dd}\", \"" + s.Table + "\", olderThan);");
        w.Line("return _repository.ExecuteRawAsync(sql, new { olderThan }, ct);");
        w.Close();
    }

    private static void RenderEmail(CodeWriter w, Section s, int k, Random random)
    {
        w.Line("public string RenderEmail" + k + "(" + s.T + " item) => $\"\"\"");
        var pad = w.Pad + "    ";
        w.Verbatim(pad + "<html>");
        w.Verbatim(pad + "  <body>");
        w.Verbatim(pad + "    <h1>{nameof(" + s.T + ")} {item.Name}</h1>");
        w.Verbatim(pad + "    <p>Dear {item.Customer}, your {nameof(" + s.T + ").ToLowerInvariant()} of {item.Amount.ToString(\"0.00\", CultureInfo.InvariantCulture)} EUR is now <b>{item.Status}</b>.</p>");
        w.Verbatim(pad + "    <p><a href=\"https://portal.contoso.example/" + s.Area + "/{item.Id:N}\">View it online</a></p>");
        w.Verbatim(pad + "  </body>");
        w.Verbatim(pad + "</html>");
        w.Verbatim(pad + "\"\"\";");
    }

    private static void Statistics(CodeWriter w, Section s, int k, Random random)
    {
        w.Open("public async Task<string> Statistics" + k + "Async(string customer, CancellationToken ct)");
        w.Line("var items = await _repository.ListByCustomerAsync(customer, ct).ConfigureAwait(false);");
        w.Line("if (items.Count == 0)");
        w.Line("    return \"no data\";");
        w.Line("var byMonth = items.GroupBy(i => new { i.CreatedUtc.Year, i.CreatedUtc.Month })");
        w.Line("    .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Total = g.Sum(i => i.Amount), Max = g.Max(i => i.Amount) })");
        w.Line("    .OrderBy(x => x.Year).ThenBy(x => x.Month)");
        w.Line("    .ToList();");
        w.Line("var lines = byMonth.Select(m => $\"{m.Year:D4}-{m.Month:D2}: {m.Count} items, total {m.Total:0.00}, max {m.Max:0.00}\");");
        w.Line("_metrics.Observe(\"" + s.Table + ".statistics.months\", byMonth.Count);");
        w.Line("return \"Statistics for \" + customer + Environment.NewLine + string.Join(Environment.NewLine, lines);");
        w.Close();
    }

    /// <summary>
    /// The KMS part of a file: a keys class (key ARNs, a multi-Region key id, an alias, a composed ARN, a key used in a
    /// grant, an IAM pattern) and an encryptor with clients pinned to eu-west-1 and us-east-1 that decrypts across
    /// Regions. Expected findings: 5 KMS0001 (four constants and one interpolation), 1 KMS0002, 2 KMS0003.
    /// </summary>
    private static void KmsSection(CodeWriter w, Section s, AliasMapBuilder map, Random random)
    {
        var t = s.T;
        var keyId = Uuid(random);
        var archiveKeyId = Uuid(random);
        var mrk = "mrk-" + Hex(random, 32);
        var exportKeyId = Uuid(random);
        var settlementKeyId = Uuid(random);
        var describedKeyId = Uuid(random);
        map.Add(keyId, "alias/" + s.Table, s.Account);
        map.Add(mrk, "alias/" + s.Table + "-customer-data", s.Account);
        map.Add(settlementKeyId, "alias/" + s.Table + "-settlement", s.Account);

        w.Open("internal static class " + t + "Keys");
        w.Line("// Production key for " + s.Table + " (eu-west-1), created by hand in 2019 (OPS-" + random.Next(100, 9999) + ").");
        w.Line("public const string " + t + "KeyArn = \"arn:aws:kms:eu-west-1:" + s.Account + ":key/" + keyId + "\";");
        w.Line("// Archive copy in us-east-1.");
        w.Line("public const string ArchiveKeyArn = \"arn:aws:kms:us-east-1:" + s.Account + ":key/" + archiveKeyId + "\";");
        w.Line("// Customer data: multi-Region key, primary in eu-west-1, replica in eu-west-2.");
        w.Line("public const string CustomerDataMrkId = \"" + mrk + "\";");
        w.Line("public const string ArnPrefix = \"arn:aws:kms:eu-west-1:" + s.Account + ":key/\";");
        w.Line("public const string ExportKeyId = \"" + exportKeyId + "\";");
        w.Line("public const string ExportKeyArn = ArnPrefix + ExportKeyId;");
        w.Line("public const string SettlementKeyArn = \"arn:aws:kms:eu-west-1:" + s.Account + ":key/" + settlementKeyId + "\";");
        w.Line("public const string AliasName = \"alias/" + s.Table + "\";");
        w.Line("public const string AnyKeyPattern = \"arn:aws:kms:eu-west-1:" + s.Account + ":key/*\";");
        w.Close();
        w.Line();
        w.Open("public sealed class " + t + "Encryptor : IDisposable");
        w.Line("private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);");
        w.Line("private readonly IAmazonKeyManagementService _archive;");
        w.Line("private readonly ILogger _logger;");
        w.Line();
        w.Open("public " + t + "Encryptor(ILogger logger)");
        w.Line("_logger = logger;");
        w.Line("var archiveConfig = new AmazonKeyManagementServiceConfig");
        w.Line("{");
        w.Line("    RegionEndpoint = RegionEndpoint.GetBySystemName(\"us-east-1\"),");
        w.Line("    Timeout = TimeSpan.FromSeconds(30),");
        w.Line("};");
        w.Line("_archive = new AmazonKeyManagementServiceClient(archiveConfig);");
        w.Close();
        w.Line();
        w.Open("public async Task<byte[]> EncryptAsync(string plaintext, CancellationToken ct)");
        w.Line("var response = await _kms.EncryptAsync(new EncryptRequest");
        w.Line("{");
        w.Line("    KeyId = " + t + "Keys." + t + "KeyArn,");
        w.Line("    Plaintext = new MemoryStream(Encoding.UTF8.GetBytes(plaintext)),");
        w.Line("    EncryptionContext = new Dictionary<string, string>");
        w.Line("    {");
        w.Line("        [\"table\"] = \"" + s.Table + "\",");
        w.Line("        [\"source\"] = \"arn:aws:sqs:eu-west-1:" + s.Account + ":" + s.Table + "-intake\",");
        w.Line("    },");
        w.Line("}, ct).ConfigureAwait(false);");
        w.Line("_logger.Info(\"Encrypted {Bytes} bytes with {Alias}\", response.CiphertextBlob.Length, " + t + "Keys.AliasName);");
        w.Line("return response.CiphertextBlob.ToArray();");
        w.Close();
        w.Line();
        w.Open("public async Task<string> DecryptArchivedAsync(byte[] blob, CancellationToken ct)");
        w.Line("// Archived blobs were encrypted in us-east-1.");
        w.Line("var response = await _kms.DecryptAsync(new DecryptRequest");
        w.Line("{");
        w.Line("    CiphertextBlob = new MemoryStream(blob),");
        w.Line("    KeyId = " + t + "Keys.ArchiveKeyArn,");
        w.Line("}, ct).ConfigureAwait(false);");
        w.Line("return Encoding.UTF8.GetString(response.Plaintext.ToArray());");
        w.Close();
        w.Line();
        w.Line("public Task<GenerateDataKeyResponse> CustomerDataKeyAsync(CancellationToken ct) =>");
        w.Line("    _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = " + t + "Keys.CustomerDataMrkId, KeySpec = DataKeySpec.AES_256 }, ct);");
        w.Line();
        w.Line("public Task<ReEncryptResponse> MoveToArchiveAsync(byte[] blob, CancellationToken ct) =>");
        w.Line("    _archive.ReEncryptAsync(new ReEncryptRequest");
        w.Line("    {");
        w.Line("        CiphertextBlob = new MemoryStream(blob),");
        w.Line("        SourceKeyId = " + t + "Keys." + t + "KeyArn,");
        w.Line("        DestinationKeyId = \"alias/" + s.Table + "-archive\",");
        w.Line("    }, ct);");
        w.Line();
        w.Line("public Task<CreateGrantResponse> GrantSettlementAsync(string principal, CancellationToken ct) =>");
        w.Line("    _kms.CreateGrantAsync(new CreateGrantRequest");
        w.Line("    {");
        w.Line("        KeyId = " + t + "Keys.SettlementKeyArn,");
        w.Line("        GranteePrincipal = principal,");
        w.Line("        Operations = new List<string> { \"Decrypt\", \"DescribeKey\" },");
        w.Line("    }, ct);");
        w.Line();
        w.Line("public Task<EncryptResponse> EncryptExportAsync(byte[] data, CancellationToken ct) =>");
        w.Line("    _kms.EncryptAsync(new EncryptRequest { KeyId = " + t + "Keys.ExportKeyArn, Plaintext = new MemoryStream(data) }, ct);");
        w.Line();
        w.Line("public string Describe(string region) =>");
        w.Line("    $\"Reporting key arn:aws:kms:eu-west-1:" + s.Account + ":key/" + describedKeyId + " is replicated to {region}\";");
        w.Line();
        w.Open("public void Dispose()");
        w.Line("_kms.Dispose();");
        w.Line("_archive.Dispose();");
        w.Close();
        w.Close();
        w.Line();
    }

    private static string Uuid(Random random) =>
        Hex(random, 8) + "-" + Hex(random, 4) + "-4" + Hex(random, 3) + "-" + "89ab"[random.Next(4)] + Hex(random, 3) + "-" + Hex(random, 12);

    private static string Hex(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = "0123456789abcdef"[random.Next(16)];
        return new string(chars);
    }
}

/// <summary>Collects aliases and writes them in the JSON that <c>aws kms list-aliases --output json</c> prints.</summary>
internal sealed class AliasMapBuilder
{
    private readonly List<(string KeyId, string Alias, string Account)> _entries = new();

    public int Count => _entries.Count;

    public void Add(string keyId, string alias, string account) => _entries.Add((keyId, alias, account));

    public string ToJson()
    {
        var builder = new StringBuilder();
        builder.Append("{\n    \"Aliases\": [\n");
        for (var i = 0; i < _entries.Count; i++)
        {
            var (keyId, alias, account) = _entries[i];
            builder.Append("        {\n");
            builder.Append("            \"AliasName\": \"").Append(alias).Append("\",\n");
            builder.Append("            \"AliasArn\": \"arn:aws:kms:eu-west-1:").Append(account).Append(':').Append(alias).Append("\",\n");
            builder.Append("            \"TargetKeyId\": \"").Append(keyId).Append("\",\n");
            builder.Append("            \"CreationDate\": \"2024-03-01T10:00:00.000000+00:00\",\n");
            builder.Append("            \"LastUpdatedDate\": \"2024-03-01T10:00:00.000000+00:00\"\n");
            builder.Append(i == _entries.Count - 1 ? "        }\n" : "        },\n");
        }

        builder.Append("    ]\n}\n");
        return builder.ToString();
    }
}
