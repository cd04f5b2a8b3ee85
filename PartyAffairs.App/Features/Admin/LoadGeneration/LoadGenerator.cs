using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Configurations;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Admin.LoadGeneration;

/// <summary>
/// Fills an empty, migrated database with a whole city for the benchmarks: organizations with codes, a catalogue in force
/// for every year with each branch's monthly, quarterly, half-yearly and yearly items and their occurrences, disclosures in
/// every state over the years with their versions, approvals and audit trail, feedback in every state, applications for
/// disclosure (依申请公开) in every state the app reaches with their audit trail, and archive records chained with valid digests. Raw prepared inserts in large transactions: the domain's one-at-a-time path would take hours.
/// On either provider, through System.Data.Common: SQLite gets the same values as ever (Microsoft.Data.Sqlite writes DateTime
/// in EF's text format and bool as 0/1); PostgreSQL gets typed values, times cut to its microseconds before they enter an
/// archive snapshot, the catalogue before the disclosures that fulfil it (its foreign keys cannot be switched off), and
/// its identity sequences moved past the explicit ids at the end.
/// </summary>
public sealed class LoadGenerator(IOptions<StorageOptions> storage, DatabaseOptions database, BureauClock clock, WorkingDayService workingDays,
    IServiceScopeFactory scopes)
{
    private const int Batch = 20_000;
    private const string AuthorId = "load-author";
    private const string AuthorName = "压测起草人";
    private const string ReviewerId = "load-reviewer";
    private const string ReviewerName = "压测审核人";

    private static readonly string[] Topics =
    [
        "党费收缴情况", "主题党日活动安排", "发展党员工作公示", "三会一课落实情况", "民主评议党员结果", "党支部换届选举",
        "组织生活会召开情况", "党员教育培训计划", "困难党员帮扶慰问", "廉政风险防控措施", "干部选拔任用情况", "作风建设专项整治",
    ];

    private static readonly string[] Sentences =
    [
        "根据上级党组织的统一部署，本支部认真组织开展相关工作。", "全体党员积极参与，按时完成各项任务。",
        "现将有关情况予以公开，接受党员和群众监督。", "如有意见建议，请在公开期内通过意见箱或线上渠道反馈。",
        "支部委员会对照问题清单逐项整改，整改情况将另行公开。", "本次公开内容已经保密审查，不涉及国家秘密和工作秘密。",
    ];

    /// <summary>Words that occur in about one body in a thousand: what a selective archive search looks for.</summary>
    public static readonly IReadOnlyList<string> RareWords = ["乡村振兴驻村帮扶", "红色教育基地共建", "退役军人党员关爱", "网格化党建联盟"];

    public async Task<LoadResult> GenerateAsync(LoadOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var postgres = database.IsPostgreSql;
        // Unpooled on both: the session settings below end with this connection instead of passing to the app's next one.
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={storage.Value.DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        // Speed over durability while filling a throw-away city; on SQLite foreign keys are checked once at the end.
        await ExecuteAsync(connection, postgres ? "SET synchronous_commit = off;"
            : "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY;");
        if (await ScalarAsync(connection, """SELECT count(*) FROM "Disclosures" """) > 0)
            throw new InvalidOperationException("generate-load fills a new database; this one already holds disclosures.");

        var random = new Random(options.Seed);
        var now = Stamp(clock.UtcNow, postgres);
        var start = now.AddDays(-365.0 * options.Years);
        // Feedback carries the facts its steps record (the answer deadline, the working days to handle): on this calendar and settings.
        AppSettings settings;
        await using (var scope = scopes.CreateAsyncScope())
            settings = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(cancellationToken);
        var state = new GenerationState(options, random, now, await workingDays.GetCalendarAsync(cancellationToken), settings.FeedbackAnswerWorkingDays)
        {
            Microseconds = postgres,
            ApplicationAnswerWorkingDays = settings.ApplicationAnswerWorkingDays,
            ApplicationExtensionWorkingDays = settings.ApplicationExtensionWorkingDays,
        };

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await InsertPeopleAndOrganizationsAsync(connection, transaction, options, state, postgres);
            await transaction.CommitAsync(cancellationToken);
        }
        PlanCatalogues(options, state);
        progress?.Report($"organizations {options.Organizations}, occurrences {state.Occurrences.Count}");

        var writer = new Writer(connection, postgres);
        if (postgres)
        {
            // A disclosure names its occurrence and a fulfilled occurrence its disclosure; PostgreSQL checks each key as the row
            // arrives, so the occurrences go in open now and take their disclosures at the end.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            writer.Enlist(transaction);
            WriteCatalogues(writer, state, now);
            await writer.CommitAsync(transaction, cancellationToken);
        }
        var span = now - start;
        var feedbackRatio = options.Feedback / Math.Max(1.0, options.Disclosures * 0.95);
        var archiveRatio = options.Archive / Math.Max(1.0, options.Disclosures * 0.9);
        var applications = options.ApplicationCount;
        for (var first = 0; first < options.Disclosures; first += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            writer.Enlist(transaction);
            for (var i = first; i < Math.Min(options.Disclosures, first + Batch); i++)
            {
                var createdAt = state.Stamp(start + span * ((i + random.NextDouble()) / options.Disclosures));
                WriteDisclosure(writer, state, createdAt, feedbackRatio, archiveRatio);
                // Spread evenly among the disclosures, so they arrive over the years as the disclosures do.
                while (state.ApplicationCount < applications && (long)state.ApplicationCount * options.Disclosures / applications <= i)
                    WriteApplication(writer, state, createdAt.AddHours(8 * random.NextDouble()));
            }
            await writer.CommitAsync(transaction, cancellationToken);
            progress?.Report($"disclosures {Math.Min(options.Disclosures, first + Batch)}/{options.Disclosures}");
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            writer.Enlist(transaction);
            // Only a city without disclosures has any left: they arrive at random over the years.
            while (state.ApplicationCount < applications) WriteApplication(writer, state, start + span * random.NextDouble());
            if (postgres)
            {
                foreach (var occurrence in state.Occurrences.Where(o => o.DisclosureId is not null)) writer.Fulfil(occurrence);
            }
            else
            {
                WriteCatalogues(writer, state, now);
            }
            await writer.CommitAsync(transaction, cancellationToken);
        }
        if (postgres)
        {
            // The ids above were given, not drawn: each identity moves past them, or the app's next insert would take one again.
            foreach (var table in ExplicitIdTables)
                await ExecuteAsync(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), max("Id")) FROM "{table}" """);
            // VACUUM as well: after a bulk load autovacuum would otherwise spend the next minutes visiting every table (setting
            // the visibility map and hint bits) while the city is being used or measured.
            await ExecuteAsync(connection, "VACUUM ANALYZE;");
        }
        else
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; ANALYZE;");
            if (await ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_check") > 0)
                throw new InvalidOperationException("The generated city breaks a foreign key.");
        }
        if (options.AccountPassword is { } password)
        {
            await using var scope = scopes.CreateAsyncScope();
            await LoadAccounts.CreateAsync(scope.ServiceProvider, password, state.OrganizationIds[0], state.OrganizationIds[Math.Min(2, state.OrganizationIds.Count - 1)]);
        }
        return new LoadResult(options.Organizations, state.Occurrences.Count, options.Disclosures, state.FeedbackId - state.FirstFeedbackId,
            state.ApplicationCount, state.ArchiveCount, state.AuditId - state.FirstAuditId, watch.Elapsed);
    }

    /// <summary>The tables whose rows the generator numbers itself.</summary>
    private static readonly string[] ExplicitIdTables =
        ["Organizations", "Catalogues", "CatalogueItems", "CatalogueOccurrences", "Disclosures", "Feedback", "Applications", "AuditEntries", "ArchiveRecords"];

    private static void WriteCatalogues(Writer writer, GenerationState state, DateTime now)
    {
        foreach (var catalogue in state.Catalogues) writer.Catalogue(catalogue, now);
        foreach (var item in state.Items) writer.Item(item);
        foreach (var occurrence in state.Occurrences) writer.Occurrence(occurrence);
    }

    /// <summary>PostgreSQL keeps microseconds: a time cut to them is the same in the row and in the archive's frozen snapshot.</summary>
    private static DateTime Stamp(DateTime at, bool microseconds) =>
        microseconds ? new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMicrosecond, at.Kind) : at;

    private static async Task InsertPeopleAndOrganizationsAsync(DbConnection connection, DbTransaction transaction, LoadOptions options, GenerationState state,
        bool postgres)
    {
        // SQLite's booleans are the integers it has always stored; PostgreSQL's are booleans. SQLite's later columns have the
        // defaults their migrations gave them; PostgreSQL's migrations made the finished model, without defaults: named here.
        var (yes, no) = postgres ? ("TRUE", "FALSE") : ("1", "0");
        var (laterColumns, laterValues) = postgres ? (""", "Disabled" """, ", FALSE") : ("", "");
        foreach (var (id, name) in new[] { (AuthorId, AuthorName), (ReviewerId, ReviewerName) })
        {
            await ExecuteAsync(connection, $"""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "MustChangePassword", "UserName", "NormalizedUserName", "EmailConfirmed",
                    "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"{laterColumns})
                VALUES (@id, @name, {yes}, @id, upper(@id), {no}, @stamp, @stamp, {no}, {no}, {yes}, 0{laterValues})
                """, transaction, ("@id", id), ("@name", name), ("@stamp", Guid.NewGuid().ToString()));
        }
        var firstId = (int)await ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Organizations" """, transaction) + 1;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO "Organizations" ("Id", "Name", "Code", "Kind", "ParentId", "SortOrder", "IsActive")
            VALUES (@id, @name, @code, @kind, @parent, @sort, {yes})
            """;
        var p = AddParameters(insert, "@id", "@name", "@code", "@kind", "@parent", "@sort");
        for (var n = 0; n < options.Organizations; n++)
        {
            var id = firstId + n;
            var (name, code, kind) = n switch
            {
                0 => ("压测机关党委", "YCJG", OrganizationKind.OrganPartyCommittee),
                1 => ("压测机关纪委", "YCJW", OrganizationKind.DisciplineCommittee),
                _ => ($"压测第{n - 1:0000}党支部", $"YC{n - 1:0000}", OrganizationKind.Branch),
            };
            Set(p, postgres, id, name, code, (int)kind, n == 0 ? null : firstId, n);
            await insert.ExecuteNonQueryAsync();
            state.OrganizationIds.Add(id);
            state.OrganizationCodes[id] = code;
            state.OrganizationNames[id] = name;
        }
        state.NextIds(
            await ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Catalogues" """, transaction),
            await ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "AuditEntries" """, transaction),
            await ScalarAsync(connection, """SELECT coalesce(max("ChainIndex"), 0) FROM "ArchiveRecords" """, transaction));
        state.ApplicationId = (int)await ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "Applications" """, transaction);
        state.ArchiveId = (int)await ScalarAsync(connection, """SELECT coalesce(max("Id"), 0) FROM "ArchiveRecords" """, transaction);
    }

    /// <summary>Each year's catalogue, in force, with four items per organization and their occurrences; the disclosures fulfil them.</summary>
    private void PlanCatalogues(LoadOptions options, GenerationState state)
    {
        var lastYear = clock.Today.Year;
        foreach (var year in Enumerable.Range(lastYear - options.Years, options.Years + 1))
        {
            var catalogue = new CatalogueRow(++state.CatalogueId, year);
            state.Catalogues.Add(catalogue);
            foreach (var organizationId in state.OrganizationIds)
            {
                foreach (var cadence in new[] { Cadence.Monthly, Cadence.Quarterly, Cadence.HalfYearly, Cadence.Yearly })
                {
                    var item = new ItemRow(++state.ItemId, catalogue.Id, organizationId, cadence, AnyCategory(state.Random), $"{year}年{Topics[(int)cadence]}");
                    state.Items.Add(item);
                    var periods = cadence switch { Cadence.Monthly => 12, Cadence.Quarterly => 4, Cadence.HalfYearly => 2, _ => 1 };
                    for (var s = 1; s <= periods; s++)
                    {
                        var months = 12 / periods;
                        var periodStart = new DateOnly(year, (s - 1) * months + 1, 1);
                        var periodEnd = periodStart.AddMonths(months).AddDays(-1);
                        var label = cadence switch
                        {
                            Cadence.Monthly => $"{s}月", Cadence.Quarterly => $"第{s}季度", Cadence.HalfYearly => s == 1 ? "上半年" : "下半年", _ => $"{year}年度",
                        };
                        var occurrence = new OccurrenceRow(++state.OccurrenceId, item.Id, s, label, periodStart, periodEnd, periodEnd.AddDays(10));
                        state.Occurrences.Add(occurrence);
                        state.Queue(organizationId).Enqueue(occurrence);
                    }
                }
            }
        }
    }

    private void WriteDisclosure(Writer writer, GenerationState state, DateTime createdAt, double feedbackRatio, double archiveRatio)
    {
        var random = state.Random;
        var now = state.Now;
        var organizationId = state.OrganizationIds[random.Next(state.OrganizationIds.Count)];
        var age = now - createdAt;
        var roll = random.NextDouble();
        var finalState = age > TimeSpan.FromDays(21)
            ? roll < 0.94 ? DisclosureState.Closed : roll < 0.97 ? DisclosureState.Withdrawn : DisclosureState.Published
            : roll < 0.15 ? DisclosureState.Draft : roll < 0.30 ? DisclosureState.Submitted : roll < 0.35 ? DisclosureState.Approved
            : roll < 0.90 ? DisclosureState.Published : roll < 0.95 ? DisclosureState.Rejected : DisclosureState.Withdrawn;
        var reachesBoard = finalState is DisclosureState.Published or DisclosureState.Closed;
        var submittedAt = finalState == DisclosureState.Draft ? (DateTime?)null : createdAt.AddHours(2);
        var decidedAt = createdAt.AddHours(20);
        var displayFrom = createdAt.AddDays(1);
        var standing = finalState == DisclosureState.Published && age > TimeSpan.FromDays(21);
        var displayUntil = standing ? now.AddDays(365) : displayFrom.AddDays(7 + random.Next(8));
        if (displayFrom > now) displayFrom = now.AddMinutes(-5);

        // A published item takes its organization's next occurrence that has come due, as a branch keeps its plan.
        OccurrenceRow? occurrence = null;
        if (reachesBoard)
        {
            var queue = state.Queue(organizationId);
            var today = DateOnly.FromDateTime(clock.ToLocal(displayFrom));
            while (queue.TryPeek(out var next) && next.DueDate.AddDays(30) < today) queue.Dequeue();
            if (queue.TryPeek(out var due) && due.PeriodStart <= today && random.NextDouble() < 0.9)
            {
                occurrence = queue.Dequeue();
                occurrence.DisclosureId = state.DisclosureId + 1;
                occurrence.FulfilledAtUtc = displayFrom;
            }
        }

        var id = ++state.DisclosureId;
        var topic = occurrence is null ? Topics[random.Next(Topics.Length)] : state.ItemTitle(occurrence.CatalogueItemId) + occurrence.Label;
        var title = $"{state.OrganizationNames[organizationId]}{topic}";
        var body = string.Join("", Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Sentences[random.Next(Sentences.Length)]));
        if (random.NextDouble() < 0.001) body += RareWords[random.Next(RareWords.Count)] + "工作取得新进展。";
        // Stored bodies are clean HTML; plain sentences need only their paragraph.
        body = $"<p>{body}</p>";
        var category = occurrence is null ? AnyCategory(random) : state.ItemCategory(occurrence.CatalogueItemId);
        var audience = random.NextDouble() < 0.7 ? Audience.Public : random.NextDouble() < 0.5 ? Audience.AllMembers : Audience.Organization;
        var reason = occurrence is null ? "根据工作需要临时公开" : null;

        var audit = new List<ArchiveSnapshot.AuditPart>();
        void Audit(DateTime at, string actorId, string actorName, WorkflowAction action, DisclosureState? from, DisclosureState to, string? why = null)
        {
            var entryId = ++state.AuditId;
            writer.Audit(entryId, at, actorId, actorName, nameof(Disclosure), id, organizationId, action, from?.ToString(), to.ToString(), why);
            audit.Add(new ArchiveSnapshot.AuditPart(entryId, at, actorId, actorName, nameof(Disclosure), id, action.ToString(), from?.ToString(), to.ToString(), why));
        }
        Audit(createdAt, AuthorId, AuthorName, WorkflowAction.Create, null, DisclosureState.Draft, reason);
        if (submittedAt is { } submitted) Audit(submitted, AuthorId, AuthorName, WorkflowAction.Submit, DisclosureState.Draft, DisclosureState.Submitted);
        var approved = finalState is DisclosureState.Approved or DisclosureState.Published or DisclosureState.Closed;
        if (approved) Audit(decidedAt, ReviewerId, ReviewerName, WorkflowAction.Approve, DisclosureState.Submitted, DisclosureState.Approved);
        if (finalState == DisclosureState.Rejected) Audit(decidedAt, ReviewerId, ReviewerName, WorkflowAction.Reject, DisclosureState.Submitted, DisclosureState.Rejected, "请补充材料");
        if (finalState == DisclosureState.Withdrawn) Audit(decidedAt, AuthorId, AuthorName, WorkflowAction.Withdraw, DisclosureState.Submitted, DisclosureState.Withdrawn, "内容重复");
        if (reachesBoard) Audit(displayFrom, Actor.System.UserId, Actor.System.DisplayName, WorkflowAction.Publish, DisclosureState.Approved, DisclosureState.Published);
        DateTime? closedAt = finalState == DisclosureState.Closed ? displayUntil : null;
        if (closedAt is { } closed) Audit(closed, Actor.System.UserId, Actor.System.DisplayName, WorkflowAction.Close, DisclosureState.Published, DisclosureState.Closed);
        var version = audit.Count;
        var reviewComment = finalState == DisclosureState.Rejected ? "请补充材料" : null;

        writer.Disclosure(id, organizationId, occurrence?.Id, reason, category, title, body, audience, displayFrom, displayUntil, standing,
            createdAt, submittedAt, reachesBoard ? displayFrom : null, closedAt, reviewComment, finalState, version);
        var versions = new List<ArchiveSnapshot.VersionPart>();
        if (submittedAt is { } at)
        {
            writer.Version(id, title, body, audience, displayFrom, displayUntil, at);
            versions.Add(new ArchiveSnapshot.VersionPart(1, title, body, Channel.Board, audience, displayFrom, displayUntil, false, AuthorId, at));
        }
        var approvals = new List<ArchiveSnapshot.ApprovalPart>();
        if (approved || finalState == DisclosureState.Rejected)
        {
            var decision = approved ? ApprovalDecision.Approved : ApprovalDecision.Rejected;
            writer.Approval(id, decision, reviewComment, approved, decidedAt);
            approvals.Add(new ArchiveSnapshot.ApprovalPart(ReviewerId, ReviewerName, decision, reviewComment, approved, false, decidedAt));
        }

        var feedback = new List<ArchiveSnapshot.FeedbackPart>();
        if (reachesBoard && audience == Audience.Public)
        {
            state.LastPublic[organizationId] = (id, displayFrom);
            state.FeedbackCredit += feedbackRatio / 0.7;
            while (state.FeedbackCredit >= 1 && state.FeedbackId - state.FirstFeedbackId < state.Options.Feedback)
            {
                state.FeedbackCredit--;
                feedback.Add(WriteFeedback(writer, state, id, organizationId, displayFrom, closedAt ?? now));
            }
        }

        if (closedAt is { } archivedFrom && archivedFrom < now.AddDays(-7) && state.ArchiveCount < state.Options.Archive)
        {
            state.ArchiveCredit += archiveRatio / 0.94;
            if (state.ArchiveCredit >= 1)
            {
                state.ArchiveCredit--;
                var part = new ArchiveSnapshot.DisclosurePart(id, organizationId, occurrence?.Id, reason, category, title, body, Channel.Board,
                    audience, displayFrom, displayUntil, false, standing, AuthorId, AuthorName, createdAt, submittedAt, displayFrom, closedAt,
                    reviewComment, [], null, null, 1, finalState, version);
                WriteArchive(writer, state, organizationId, part, versions, approvals, feedback, audit, archivedFrom.AddDays(3));
            }
        }
    }

    private ArchiveSnapshot.FeedbackPart WriteFeedback(Writer writer, GenerationState state, int disclosureId, int organizationId,
        DateTime from, DateTime until)
    {
        var random = state.Random;
        var id = ++state.FeedbackId;
        var receivedAt = state.Stamp(from + (until - from) * random.NextDouble() * 0.8);
        var content = Sentences[random.Next(Sentences.Length)] + "建议进一步细化公开内容。";
        var done = until < state.Now.AddDays(-14);
        var feedbackState = done ? FeedbackState.Closed : (FeedbackState)random.Next(0, 5);
        DateTime? At(FeedbackState reached, double days) => feedbackState >= reached ? receivedAt.AddDays(days) : null;
        var answeredAt = At(FeedbackState.Answered, 3);
        var reportedAt = At(FeedbackState.Reported, 4);
        var disclosedAt = At(FeedbackState.ResultDisclosed, 6);
        var closedAt = At(FeedbackState.Closed, 7);
        var abusive = random.NextDouble() < 0.01;
        var assignee = feedbackState >= FeedbackState.Assigned ? AuthorId : null;
        var assigneeName = assignee is null ? null : AuthorName;
        var answer = answeredAt is null ? null : "已研究并落实，感谢监督。";
        var reportedTo = reportedAt is null ? null : ReviewerName;
        var reportedToId = reportedAt is null ? null : ReviewerId;
        var resolution = reportedAt is null ? null : "按答复意见办理。";
        var summary = reportedAt is null ? null : "意见已采纳。";
        DateTime? stepDue = feedbackState == FeedbackState.Closed ? null : receivedAt.AddDays(5);
        // Assigned on receipt, so the answer step starts that day; handled when the result is disclosed (as the domain records them).
        var receivedOn = DateOnly.FromDateTime(clock.ToLocal(receivedAt));
        DateTime? answerDue = assignee is null ? null : clock.EndOfDayUtc(state.Calendar.AddWorkingDays(receivedOn, state.AnswerWorkingDays));
        int? workingDaysToHandle = abusive || disclosedAt is not { } handled ? null
            : state.Calendar.WorkingDaysBetween(receivedOn, DateOnly.FromDateTime(clock.ToLocal(handled)));
        var anonymous = random.NextDouble() < 0.3;
        var sender = anonymous ? null : "群众";
        writer.Feedback(id, disclosureId, organizationId, content, anonymous, sender, receivedAt, assignee, assigneeName, answer, answeredAt,
            reportedTo, reportedToId, reportedAt, resolution, summary, disclosedAt, closedAt, stepDue, feedbackState, abusive, answerDue, workingDaysToHandle);
        return new ArchiveSnapshot.FeedbackPart(id, FeedbackChannel.Online, content, anonymous, sender, null, null, null, receivedAt, assignee,
            assigneeName, answer, answeredAt, reportedTo, reportedToId, reportedAt, resolution, summary, disclosedAt, abusive, null, closedAt, feedbackState);
    }

    /// <summary>
    /// One application for disclosure, as the app would have taken it and walked it: received online (anonymously, Public
    /// scope) or on paper registered by the Office (received at the start of its day when registered on a later one, as
    /// <see cref="Applications.ApplicationService"/> does); due the settings' working days later on the Admin's calendar;
    /// perhaps assigned, perhaps extended once before its old due date; then, by its age, still open (in time or overdue)
    /// or answered on time or late, with an outcome <see cref="ApplicationRules.AnswerProblem"/> accepts. An answer that
    /// points to a disclosure points to a Public one of that organization already on the board. One audit line per step.
    /// </summary>
    private void WriteApplication(Writer writer, GenerationState state, DateTime arrivedAt)
    {
        var random = state.Random;
        var now = state.Now;
        DateTime Between(DateTime from, DateTime to, double low = 0, double high = 1) =>
            state.Stamp(from + (to - from) * (low + (high - low) * random.NextDouble()));
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));

        var id = ++state.ApplicationId;
        state.ApplicationCount++;
        var organizationId = state.OrganizationIds[random.Next(state.OrganizationIds.Count)];
        arrivedAt = state.Stamp(arrivedAt);
        if (arrivedAt > now.AddMinutes(-10)) arrivedAt = now.AddMinutes(-10);
        var paper = random.NextDouble() < 0.4;
        var channel = paper ? (ApplicationChannel)random.Next(1, 4) : ApplicationChannel.Online;
        var registeredAt = paper ? Min(Between(arrivedAt, arrivedAt.AddHours(30), 0.02), now) : arrivedAt;
        var receivedAt = !paper || Day(registeredAt) == Day(arrivedAt) ? registeredAt : clock.StartOfDayUtc(Day(arrivedAt));
        var firstDueOn = state.Calendar.AddWorkingDays(Day(receivedAt), state.ApplicationAnswerWorkingDays);
        var office = (Id: ReviewerId, Name: ReviewerName);

        // Extended once, between receipt and the old due date's end (and before now), by the settings' working days.
        DateTime? extendedAt = null;
        var dueOn = firstDueOn;
        var extensionEnd = Min(now, clock.EndOfDayUtc(firstDueOn));
        if (random.NextDouble() < 0.08 && extensionEnd - registeredAt > TimeSpan.FromHours(4))
        {
            extendedAt = Between(registeredAt, extensionEnd, 0.5, 0.95);
            dueOn = state.Calendar.AddWorkingDays(firstDueOn, state.ApplicationExtensionWorkingDays);
        }
        var dueEnd = clock.EndOfDayUtc(dueOn);

        // Within its time most are still being handled; past it, most were answered on time, some late, a few recent ones are overdue.
        var roll = random.NextDouble();
        DateTime? answeredAt;
        if (now <= dueEnd) answeredAt = roll < 0.6 || now - (extendedAt ?? registeredAt) < TimeSpan.FromHours(2) ? null
            : Between(extendedAt ?? registeredAt, now, 0.1);
        else if (roll >= 0.92 && now - dueEnd < TimeSpan.FromDays(90)) answeredAt = null;
        else if (roll >= 0.84 && now - dueEnd > TimeSpan.FromHours(2)) answeredAt = Between(dueEnd.AddHours(1), Min(now, dueEnd.AddDays(30)));
        else answeredAt = Between(extendedAt ?? registeredAt, dueEnd, 0.1, 0.99);

        var next = extendedAt ?? answeredAt ?? now;
        var assigned = extendedAt is not null || random.NextDouble() < (answeredAt is null ? 0.55 : 0.7);
        DateTime? assignedAt = assigned ? Between(registeredAt, next, 0.05, 0.4) : null;

        var audit = new List<(DateTime At, string ActorId, string ActorName, WorkflowAction Action, ApplicationState? From, ApplicationState? To, string? Reason)>
        {
            (registeredAt, paper ? office.Id : Actor.Anonymous.UserId, paper ? office.Name : Actor.Anonymous.DisplayName, WorkflowAction.Receive,
                null, ApplicationState.Received, channel.ToString()),
        };
        if (assignedAt is { } assignAt) audit.Add((assignAt, office.Id, office.Name, WorkflowAction.Assign, ApplicationState.Received, ApplicationState.Assigned, AuthorName));
        const string ExtensionReason = "所申请的信息涉及多个年度，需逐项核对。";
        if (extendedAt is { } extendAt)
            audit.Add((extendAt, office.Id, office.Name, WorkflowAction.ExtendDeadline, null, null, $"{firstDueOn:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}: {ExtensionReason}"));

        ApplicationOutcome? outcome = null;
        string? answer = null, withheld = null, refusalText = null;
        ApplicationRefusal? refusal = null;
        int? disclosureId = null;
        bool? answeredLate = null;
        if (answeredAt is { } answerAt)
        {
            var outcomeRoll = random.NextDouble();
            var last = state.LastPublic.TryGetValue(organizationId, out var found) ? found : ((int Id, DateTime PublishedAt)?)null;
            (outcome, disclosureId) = outcomeRoll switch
            {
                < 0.40 when last?.PublishedAt <= answerAt => (ApplicationOutcome.Disclosed, last?.Id),
                < 0.65 when last?.PublishedAt <= receivedAt => (ApplicationOutcome.AlreadyDisclosed, last?.Id),
                < 0.80 when last?.PublishedAt <= answerAt => (ApplicationOutcome.PartlyDisclosed, last?.Id),
                _ => (ApplicationOutcome.Refused, (int?)null),
            };
            answer = outcome switch
            {
                ApplicationOutcome.Disclosed => "所申请的信息已予公开，请查看所附链接。",
                ApplicationOutcome.AlreadyDisclosed => "该信息已主动公开，请查看所附链接。",
                ApplicationOutcome.PartlyDisclosed => "可以公开的部分已予公开，请查看所附链接。",
                _ => "经研究，所申请的信息不予公开。",
            };
            if (outcome == ApplicationOutcome.PartlyDisclosed) withheld = "涉及个人隐私的内容依规不予公开。";
            if (outcome == ApplicationOutcome.Refused)
            {
                refusal = (ApplicationRefusal)random.Next(0, 5);
                if (refusal == ApplicationRefusal.Other) refusalText = "属于内部工作过程信息。";
            }
            if (ApplicationRules.AnswerProblem(outcome.Value, disclosureId is not null, withheld, refusal, refusalText) is { } problem)
                throw new InvalidOperationException($"A generated answer breaks {problem}.");
            answeredLate = ApplicationRules.IsLateAnswer(dueOn, Day(answerAt));
            var (answerId, answerName) = assigned ? (AuthorId, AuthorName) : office;
            audit.Add((answerAt, answerId, answerName, WorkflowAction.Answer, assigned ? ApplicationState.Assigned : ApplicationState.Received,
                ApplicationState.Answered, outcome.ToString()));
        }
        var finalState = answeredAt is not null ? ApplicationState.Answered : assigned ? ApplicationState.Assigned : ApplicationState.Received;

        var topic = Topics[random.Next(Topics.Length)];
        var how = channel switch { ApplicationChannel.Letter => "来信", ApplicationChannel.Visit => "来访", ApplicationChannel.Phone => "来电", _ => "" };
        var subject = $"{how}申请公开{state.OrganizationNames[organizationId]}近一年{topic}的有关情况。";
        var purpose = random.NextDouble() < 0.5 ? "了解支部工作开展情况" : null;
        var (name, contact) = paper ? ("群众", random.NextDouble() < 0.7 ? "0580-2000000" : null) : ((string?)null, (string?)null);
        writer.Application(id, organizationId, channel, subject, purpose, name, contact, paper ? office.Id : null,
            TrackingCode.Hash(TrackingCode.New()), receivedAt, dueOn, extendedAt is null ? null : firstDueOn, extendedAt is null ? null : ExtensionReason,
            assigned ? AuthorId : null, assigned ? AuthorName : null, outcome, answer, withheld, refusal, refusalText, disclosureId, answeredAt,
            answeredLate, finalState, audit.Count);
        foreach (var entry in audit)
        {
            writer.Audit(++state.AuditId, entry.At, entry.ActorId, entry.ActorName, nameof(DisclosureApplication), id, organizationId, entry.Action,
                entry.From?.ToString(), entry.To?.ToString(), entry.Reason);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private void WriteArchive(Writer writer, GenerationState state, int organizationId, ArchiveSnapshot.DisclosurePart disclosure,
        IReadOnlyList<ArchiveSnapshot.VersionPart> versions, IReadOnlyList<ArchiveSnapshot.ApprovalPart> approvals,
        IReadOnlyList<ArchiveSnapshot.FeedbackPart> feedback, IReadOnlyList<ArchiveSnapshot.AuditPart> audit, DateTime archivedAt)
    {
        var year = clock.ToLocal(disclosure.ClosedAtUtc!.Value).Year;
        var key = (organizationId, year);
        var sequence = state.Sequences[key] = state.Sequences.GetValueOrDefault(key) + 1;
        var code = state.OrganizationCodes[organizationId];
        var number = ArchiveRecord.FormatNumber(code, year, sequence);
        var chainIndex = ++state.ChainIndex;
        var json = new ArchiveSnapshot(ArchiveSnapshot.CurrentSchemaVersion, number, chainIndex, archivedAt, ReviewerId, ReviewerName, code,
            state.OrganizationNames[organizationId], disclosure, versions, [], approvals, feedback, audit) { BodyFormat = BodyFormat.Html }.ToCanonicalJson();
        var digest = ArchiveDigest.Compute(json, [], state.HeadDigest);
        var id = ++state.ArchiveId;
        writer.Archive(id, number, organizationId, year, sequence, disclosure, archivedAt, chainIndex, json, state.HeadDigest, digest);
        state.HeadDigest = digest;
        state.ArchiveCount++;
        var entryId = ++state.AuditId;
        writer.Audit(entryId, archivedAt, ReviewerId, ReviewerName, nameof(ArchiveRecord), id, organizationId, WorkflowAction.Archive, null, null, number);
    }

    private static Category AnyCategory(Random random) => (Category)random.Next(1, 9);

    private static async Task ExecuteAsync(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static DbParameter[] AddParameters(DbCommand command, params string[] names) =>
        names.Select(n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = n;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

    /// <summary>
    /// Binds a row. SQLite takes the values as they are (the same text and integers it has always stored); PostgreSQL's
    /// timestamptz takes only UTC, which every time here is by the app's rule (UtcDateTimeConverter reads unmarked ones so).
    /// </summary>
    private static void Set(DbParameter[] parameters, bool postgres, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime { Kind: DateTimeKind.Unspecified } at when postgres => DateTime.SpecifyKind(at, DateTimeKind.Utc),
                DateTime { Kind: DateTimeKind.Local } at when postgres => at.ToUniversalTime(),
                var value => value,
            };
        }
    }

    private sealed record CatalogueRow(int Id, int Year);

    private sealed record ItemRow(int Id, int CatalogueId, int OrganizationId, Cadence Cadence, Category Category, string Title);

    private sealed class OccurrenceRow(int id, int catalogueItemId, int sequence, string label, DateOnly periodStart, DateOnly periodEnd, DateOnly dueDate)
    {
        public int Id { get; } = id;
        public int CatalogueItemId { get; } = catalogueItemId;
        public int Sequence { get; } = sequence;
        public string Label { get; } = label;
        public DateOnly PeriodStart { get; } = periodStart;
        public DateOnly PeriodEnd { get; } = periodEnd;
        public DateOnly DueDate { get; } = dueDate;
        public int? DisclosureId { get; set; }
        public DateTime? FulfilledAtUtc { get; set; }
    }

    private sealed class GenerationState(LoadOptions options, Random random, DateTime now, WorkingCalendar calendar, int answerWorkingDays)
    {
        private readonly Dictionary<int, Queue<OccurrenceRow>> queues = [];
        private Dictionary<int, ItemRow>? itemsById;

        public LoadOptions Options { get; } = options;
        public Random Random { get; } = random;
        public DateTime Now { get; } = now;
        public WorkingCalendar Calendar { get; } = calendar;
        public int AnswerWorkingDays { get; } = answerWorkingDays;
        public List<int> OrganizationIds { get; } = [];
        public Dictionary<int, string> OrganizationCodes { get; } = [];
        public Dictionary<int, string> OrganizationNames { get; } = [];
        public List<CatalogueRow> Catalogues { get; } = [];
        public List<ItemRow> Items { get; } = [];
        public List<OccurrenceRow> Occurrences { get; } = [];
        public Dictionary<(int, int), int> Sequences { get; } = [];
        public int CatalogueId { get; set; }
        public int ItemId { get; set; }
        public int OccurrenceId { get; set; }
        public int DisclosureId { get; set; }
        public int FeedbackId { get; set; }
        public int FirstFeedbackId { get; private set; }
        public long AuditId { get; set; }
        public long FirstAuditId { get; private set; }
        public long ChainIndex { get; set; }
        public int ArchiveCount { get; set; }
        public string? HeadDigest { get; set; }
        public double FeedbackCredit { get; set; }
        public double ArchiveCredit { get; set; }
        public int ApplicationAnswerWorkingDays { get; init; }
        public int ApplicationExtensionWorkingDays { get; init; }
        public int ApplicationId { get; set; }
        public int ArchiveId { get; set; }
        public int ApplicationCount { get; set; }
        /// <summary>Times are cut to microseconds (PostgreSQL), so what the archive freezes is what the row holds.</summary>
        public bool Microseconds { get; init; }
        /// <summary>Each organization's latest Public disclosure on the board so far, what an answer may point to.</summary>
        public Dictionary<int, (int Id, DateTime PublishedAt)> LastPublic { get; } = [];

        public void NextIds(long catalogue, long audit, long chain)
        {
            CatalogueId = (int)catalogue;
            AuditId = FirstAuditId = audit;
            ChainIndex = chain;
        }

        public DateTime Stamp(DateTime at) => LoadGenerator.Stamp(at, Microseconds);

        public Queue<OccurrenceRow> Queue(int organizationId) =>
            queues.TryGetValue(organizationId, out var queue) ? queue : queues[organizationId] = new Queue<OccurrenceRow>();

        public string ItemTitle(int itemId) => Item(itemId).Title;

        public Category ItemCategory(int itemId) => Item(itemId).Category;

        private ItemRow Item(int itemId) => (itemsById ??= Items.ToDictionary(i => i.Id))[itemId];
    }

    /// <summary>
    /// One prepared statement per table, re-bound for every row. SQLite runs each at once, in-process; PostgreSQL takes them
    /// in batches of <see cref="RowsPerBatch"/>, one round trip each (a round trip per row made the city six times slower to
    /// fill there than on SQLite). Every row's id is given, never read back, so nothing breaks a batch.
    /// </summary>
    private sealed class Writer
    {
        private const int RowsPerBatch = 500;

        private readonly DbConnection connection;
        private readonly bool postgres;
        private readonly List<DbCommand> commands = [];
        private DbTransaction? transaction;
        private DbBatch? batch;
        private readonly DbParameter[] disclosure, version, approval, audit, feedback, archive, occurrence, catalogue, item, application, fulfil;
        /// <summary>An empty list as each provider stores EF's primitive collections: JSON text on SQLite, text[] on PostgreSQL.</summary>
        private readonly object emptyList;

        public Writer(DbConnection connection, bool postgres)
        {
            this.connection = connection;
            this.postgres = postgres;
            emptyList = postgres ? Array.Empty<string>() : "[]";
            disclosure = Prepare("Disclosures", "Id", "OrganizationId", "CatalogueOccurrenceId", "OutOfCatalogueReason", "Category", "Title", "Body",
                "Channels", "Audience", "DisplayFromUtc", "DisplayUntilUtc", "Important", "Standing", "AuthorId", "AuthorName", "CreatedAtUtc",
                "LastSavedAtUtc", "SubmittedAtUtc", "PublishedAtUtc", "ClosedAtUtc", "ReviewComment", "SensitiveOverrideWords", "RevisionNumber", "State", "Version", "BodyFormat",
                DisclosureConfiguration.BodyTextColumn);
            version = Prepare("DisclosureVersions", "DisclosureId", "Number", "Title", "Body", "Channels", "Audience", "DisplayFromUtc", "DisplayUntilUtc",
                "Important", "CreatedById", "CreatedAtUtc", "BodyFormat");
            approval = Prepare("Approvals", "DisclosureId", "ReviewerId", "ReviewerName", "Decision", "Comment", "ConfidentialityConfirmed", "ApprovedOwnItem", "AtUtc");
            audit = Prepare("AuditEntries", "Id", "AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "OrganizationId", "Action", "FromState", "ToState", "Reason");
            feedback = Prepare("Feedback", "Id", "DisclosureId", "OrganizationId", "Channel", "Content", "IsAnonymous", "SenderName", "ReceivedAtUtc",
                "AssigneeId", "AssigneeName", "Answer", "AnsweredAtUtc", "ReportedTo", "ReportedToId", "ReportedAtUtc", "Resolution", "PublicSummary",
                "ResultDisclosedAtUtc", "ClosedAtUtc", "StepDueAtUtc", "State", "Version", "IsAbusive", "AnswerDueAtUtc", "WorkingDaysToHandle");
            archive = Prepare("ArchiveRecords", "Id", "ArchiveNumber", "OrganizationId", "Year", "Sequence", "DisclosureId", "Category", "Audience", "Title",
                "ArchivedById", "ArchivedAtUtc", "ChainIndex", "CanonicalJson", "PreviousDigest", "Digest");
            occurrence = Prepare("CatalogueOccurrences", "Id", "CatalogueItemId", "Sequence", "Label", "PeriodStart", "PeriodEnd", "DueDate", "State",
                "DisclosureId", "FulfilledAtUtc", "Version");
            catalogue = Prepare("Catalogues", "Id", "Year", "Title", "Source", "CreatedAtUtc", "ApprovedById", "ApprovedAtUtc", "State", "Version");
            // SQLite's later columns take their migrations' defaults (false, ""); PostgreSQL's have none, so they are named there.
            item = Prepare("CatalogueItems", ["Id", "CatalogueId", "OrganizationId", "Category", "Title", "Description", "Channels", "Audience",
                "Cadence", "Standing", "ResponsiblePerson", "Phases", "IsRetired", "Version", .. postgres ? ItemLaterColumns : []]);
            application = Prepare("Applications", "Id", "OrganizationId", "Scope", "Channel", "Subject", "Purpose", "ApplicantName", "ApplicantContact",
                "SubmittedById", "ApplicantOrganizationId", "RegisteredById", "TrackingCodeHash", "ReceivedAtUtc", "DueOn", "ExtendedFrom",
                "ExtensionReason", "AssigneeId", "AssigneeName", "Outcome", "Answer", "Withheld", "Refusal", "RefusalText", "DisclosureId",
                "AnsweredAtUtc", "AnsweredLate", "State", "Version");
            var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE "CatalogueOccurrences" SET "State" = @State, "DisclosureId" = @DisclosureId, "FulfilledAtUtc" = @FulfilledAtUtc, "Version" = @Version
                WHERE "Id" = @Id
                """;
            commands.Add(update);
            fulfil = AddParameters(update, "@State", "@DisclosureId", "@FulfilledAtUtc", "@Version", "@Id");
        }

        public void Catalogue(CatalogueRow c, DateTime now)
        {
            var approvedAt = new DateTime(c.Year - 1, 12, 20, 2, 0, 0, DateTimeKind.Utc);
            if (approvedAt > now) approvedAt = now;
            Run(catalogue, 7, c.Id, c.Year, $"{c.Year}年度党务公开目录", "压测生成", approvedAt.AddDays(-10), ReviewerId, approvedAt, (int)CatalogueState.InForce, 4);
        }

        private static readonly string[] ItemLaterColumns = ["IsCatchAll", "BodyTemplate"];

        public void Item(ItemRow i) =>
            Run(item, 8, [i.Id, i.CatalogueId, i.OrganizationId, (int)i.Category, i.Title, "按目录定期公开", (int)Channel.Board, (int)Audience.Public,
                (int)i.Cadence, false, "支部书记", emptyList, false, 1, .. postgres ? new object?[] { false, "" } : []]);

        public void Enlist(DbTransaction transaction)
        {
            this.transaction = transaction;
            foreach (var command in commands) command.Transaction = transaction;
        }

        /// <summary>Sends the rows still waiting in a batch, then commits them with the rest.</summary>
        public async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        private void Flush()
        {
            if (batch is null) return;
            batch.Transaction = transaction;
            batch.ExecuteNonQuery();
            batch.Dispose();
            batch = null;
        }

        public void Disclosure(int id, int organizationId, int? occurrenceId, string? reason, Category category, string title, string body,
            Audience audience, DateTime from, DateTime until, bool standing, DateTime createdAt, DateTime? submittedAt, DateTime? publishedAt,
            DateTime? closedAt, string? reviewComment, DisclosureState state, int version) =>
            Run(disclosure, 0, id, organizationId, occurrenceId, reason, (int)category, title, body, (int)Channel.Board, (int)audience, from, until,
                false, standing, AuthorId, AuthorName, createdAt, createdAt, submittedAt, publishedAt, closedAt, reviewComment, emptyList, 1, (int)state, version, nameof(BodyFormat.Html),
                // As the app stores every body (BodyTextInterceptor): a generated city is searchable from its first start.
                BodyTextInterceptor.Of(body));

        public void Version(int disclosureId, string title, string body, Audience audience, DateTime from, DateTime until, DateTime at) =>
            Run(version, 1, disclosureId, 1, title, body, (int)Channel.Board, (int)audience, from, until, false, AuthorId, at, nameof(BodyFormat.Html));

        public void Approval(int disclosureId, ApprovalDecision decision, string? comment, bool confirmed, DateTime at) =>
            Run(approval, 2, disclosureId, ReviewerId, ReviewerName, (int)decision, comment, confirmed, false, at);

        public void Audit(long id, DateTime at, string actorId, string actorName, string entityType, int entityId, int organizationId,
            WorkflowAction action, string? from, string? to, string? reason) =>
            Run(audit, 3, id, at, actorId, actorName, entityType, entityId, organizationId, action.ToString(), from, to, reason);

        public void Feedback(int id, int disclosureId, int organizationId, string content, bool anonymous, string? sender, DateTime receivedAt,
            string? assigneeId, string? assigneeName, string? answer, DateTime? answeredAt, string? reportedTo, string? reportedToId,
            DateTime? reportedAt, string? resolution, string? summary, DateTime? disclosedAt, DateTime? closedAt, DateTime? stepDue,
            FeedbackState state, bool abusive, DateTime? answerDue, int? workingDaysToHandle) =>
            Run(feedback, 4, id, disclosureId, organizationId, (int)FeedbackChannel.Online, content, anonymous, sender, receivedAt, assigneeId,
                assigneeName, answer, answeredAt, reportedTo, reportedToId, reportedAt, resolution, summary, disclosedAt, closedAt, stepDue,
                (int)state, 1 + (int)state, abusive, answerDue, workingDaysToHandle);

        public void Archive(int id, string number, int organizationId, int year, int sequence, ArchiveSnapshot.DisclosurePart d, DateTime archivedAt,
            long chainIndex, string json, string? previousDigest, string digest) =>
            Run(archive, 5, id, number, organizationId, year, sequence, d.Id, (int)d.Category, (int)d.Audience, d.Title, ReviewerId, archivedAt,
                chainIndex, json, previousDigest, digest);

        /// <summary>An application; enums stored as the configuration has them (channel, outcome and refusal by name).</summary>
        public void Application(int id, int organizationId, ApplicationChannel channel, string subject, string? purpose, string? name,
            string? contact, string? registeredById, string trackingCodeHash, DateTime receivedAt, DateOnly dueOn, DateOnly? extendedFrom,
            string? extensionReason, string? assigneeId, string? assigneeName, ApplicationOutcome? outcome, string? answer, string? withheld,
            ApplicationRefusal? refusal, string? refusalText, int? disclosureId, DateTime? answeredAt, bool? answeredLate, ApplicationState state,
            int version) =>
            Run(application, 9, id, organizationId, (int)Audience.Public, channel.ToString(), subject, purpose, name, contact, null, null,
                registeredById, trackingCodeHash, receivedAt, dueOn, extendedFrom, extensionReason, assigneeId, assigneeName, outcome?.ToString(),
                answer, withheld, refusal?.ToString(), refusalText, disclosureId, answeredAt, answeredLate, (int)state, version);

        public void Occurrence(OccurrenceRow o) =>
            Run(occurrence, 6, o.Id, o.CatalogueItemId, o.Sequence, o.Label, o.PeriodStart, o.PeriodEnd, o.DueDate,
                (int)(o.DisclosureId is null ? OccurrenceState.Open : OccurrenceState.Fulfilled), o.DisclosureId, o.FulfilledAtUtc, o.DisclosureId is null ? 1 : 2);

        /// <summary>An occurrence written open (PostgreSQL) takes the disclosure that fulfilled it: the row SQLite writes in one go.</summary>
        public void Fulfil(OccurrenceRow o) => Run(fulfil, 10, (int)OccurrenceState.Fulfilled, o.DisclosureId, o.FulfilledAtUtc, 2, o.Id);

        private void Run(DbParameter[] parameters, int command, params object?[] values)
        {
            Set(parameters, postgres, values);
            if (!postgres)
            {
                commands[command].ExecuteNonQuery();
                return;
            }
            batch ??= connection.CreateBatch();
            var row = batch.CreateBatchCommand();
            row.CommandText = commands[command].CommandText;
            foreach (var bound in parameters)
            {
                var parameter = row.CreateParameter();
                parameter.ParameterName = bound.ParameterName;
                parameter.Value = bound.Value;
                row.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(row);
            if (batch.BatchCommands.Count == RowsPerBatch) Flush();
        }

        private DbParameter[] Prepare(string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})""";
            commands.Add(command);
            return AddParameters(command, columns.Select(c => "@" + c).ToArray());
        }
    }
}
