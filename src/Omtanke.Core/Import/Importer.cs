using System.Text.Json;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Import;

public sealed record ImportRequest(string Path, string Actor, string Via)
{
    /// <summary>The name the user knows the file by (an upload's original name); defaults to the path's.</summary>
    public string? DisplayName { get; init; }
    public string? SourceId { get; init; }
    public bool DryRun { get; init; }
    /// <summary>Whose data the file may hold: a municipality delivers only its own slices.</summary>
    public ImportScope Scope { get; init; } = ImportScope.Everything;
}

/// <summary>The user named a source that does not exist, or the service is configured wrongly.</summary>
public sealed class ImportSetupException(string message) : Exception(message);

/// <summary>The import was stopped before it finished (a statement ran past its timeout); nothing of it was kept.</summary>
public sealed class ImportAbortedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Validates and imports one extract file: streams its rows through the source's declaration into the
/// source's fact table with binary COPY, and in the same transaction supersedes the slices the file
/// covers and recomputes the indicators they affect. A file with any error changes nothing.
/// </summary>
public sealed class Importer(NpgsqlDataSource db, PatientIdHasher patientIds, IndicatorEngine engine)
{
    public const int MaxReportedErrors = 100;

    /// <summary>
    /// Far above what any statement of a national delivery takes, and still a bound: a statement that runs on after its
    /// client is gone, or that a malformed file sent into a walk over centuries, ends instead of holding its source's
    /// import lock, and the locks other sources' imports wait for, for good.
    /// </summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromMinutes(10);

    public TimeSpan StatementTimeout { get; init; } = DefaultStatementTimeout;
    private readonly ImportContext _context = new(patientIds);

    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken ct = default)
    {
        var fileName = request.DisplayName ?? System.IO.Path.GetFileName(request.Path);
        var named = request.SourceId is null ? null
            : SourceCatalog.Find(request.SourceId) ?? throw new ImportSetupException(
                $"Okänd källa '{request.SourceId}'. Kända källor: {string.Join(", ", SourceCatalog.All.Select(s => s.Id))}.");
        var fingerprint = FileFingerprint.Of(request.Path);

        await using var conn = await db.OpenConnectionAsync(ct);
        await CheckPatientKeyAsync(conn, ct);
        var delivery = new DeliveryRecord(fileName, fingerprint, request);

        ITableReader reader;
        try
        {
            reader = TableReader.Open(request.Path, fingerprint);
        }
        catch (UnreadableFileException e)
        {
            return await RejectAsync(conn, delivery, named?.Id, e.Errors, e.ErrorCount, [], ct);
        }
        using (reader)
        {
            delivery.Format = reader.Format;
            var header = HeaderMatch.Of(reader.Header, named);
            if (header.Source is not null && request.Scope.SourceRefusal(header.Source) is { } notTheirs)
                return await RejectAsync(conn, delivery, header.Source.Id, [new ImportError(1, null, null, notTheirs)], 1, header.Warnings, ct);
            if (header.Source is null || header.Errors.Count > 0)
                return await RejectAsync(conn, delivery, header.Source?.Id, header.Errors, header.Errors.Count, header.Warnings, ct);
            // Only after the scope and source checks: "the same file as delivery N" tells that someone delivered
            // this content, which is for those who may deliver it (issue 21).
            if (!request.DryRun && await FindAcceptedAsync(conn, fingerprint.Sha256, request.Scope, ct) is { } same)
                return Unchanged(fileName, same);
            return await LoadAsync(conn, delivery, reader, header, ct);
        }
    }

    private async Task<ImportOutcome> LoadAsync(NpgsqlConnection conn, DeliveryRecord delivery, ITableReader reader,
        HeaderMatch header, CancellationToken ct)
    {
        try
        {
            return await LoadWithinTimeoutAsync(conn, delivery, reader, header, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            throw new ImportAbortedException(
                $"Importen av {delivery.FileName} avbröts: en databassats tog längre tid än " +
                $"{StatementTimeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s " +
                $"(gränsen {OmtankeSettings.ImportStatementTimeoutVariable}). Inget ur filen sparades. Försök igen när " +
                "databasen är mindre belastad, eller höj gränsen.", e);
        }
    }

    private async Task<ImportOutcome> LoadWithinTimeoutAsync(NpgsqlConnection conn, DeliveryRecord delivery, ITableReader reader,
        HeaderMatch header, CancellationToken ct)
    {
        var source = header.Source!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One import of a source at a time: supersede decisions must see each other's slices.
        await Sql.ExecAsync(conn, "SELECT pg_advisory_xact_lock(hashtext('import:' || $1))", ct, source.Id);
        // The same file, imported at once by another run that held the lock first, is in now: this run is unchanged.
        if (!delivery.Request.DryRun && await FindAcceptedAsync(conn, delivery.Sha256, delivery.Request.Scope, ct) is { } same)
        {
            await tx.RollbackAsync(ct);
            return Unchanged(delivery.FileName, same);
        }
        // Set once the lock is held: waiting in line behind another import of the source is not a statement running long.
        await Sql.ExecAsync(conn, "SELECT set_config('statement_timeout', $1, true)", ct,
            ((long)StatementTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var deliveryId = await delivery.InsertAsync(conn, source.Id, ct);

        var parser = new RowParser(header, _context) { Scope = delivery.Request.Scope };
        var target = await FactTarget.CreateAsync(conn, source, deliveryId, ct);
        var copy = await conn.BeginRawBinaryCopyAsync(FactCopy.Command(source, target), ct);
        ParseSummary? parsed = null;
        UnreadableFileException? unreadable = null;
        await using (copy)
        {
            try
            {
                var writer = new BinaryCopyWriter(copy);
                writer.WriteHeader();
                parsed = await ParsedRows.StreamAsync(reader, parser, delivery.SizeBytes, batch =>
                {
                    for (var i = 0; i < batch.Count; i++)
                        FactCopy.Write(writer, source, deliveryId, batch.Lines[i], batch.Values[i], batch.Months[i], batch.Areas[i], _context);
                }, ct);
                if (parsed.ErrorCount == 0 && parsed.Rows > 0) writer.Complete();
                else await copy.CancelAsync();
            }
            catch (UnreadableFileException e)
            {
                await copy.CancelAsync();
                unreadable = e;
            }
            catch
            {
                await copy.CancelAsync();
                throw;
            }
        }
        // Without a summary the file broke off mid-way as no table can (a quote that never closes).
        if (parsed is null)
            return await RollbackAndRejectAsync(tx, conn, delivery, source.Id, unreadable!.Errors, unreadable.ErrorCount,
                header.Warnings, ct);
        var (errors, errorCount, rows, outOfCounty, counted, candidates) = parsed;
        if (errorCount == 0 && rows == 0)
            return await RollbackAndRejectAsync(tx, conn, delivery, source.Id,
                [new ImportError(null, null, null, "Filen har en rubrikrad men inga datarader.")], 1, header.Warnings, ct);
        if (errorCount > 0)
            return await RollbackAndRejectAsync(tx, conn, delivery, source.Id, errors, errorCount, header.Warnings, ct);

        var (duplicates, duplicateCount) = await FactCopy.DuplicatesAsync(conn, source, target, deliveryId, candidates,
            MaxReportedErrors, ct);
        if (duplicateCount > 0)
            return await RollbackAndRejectAsync(tx, conn, delivery, source.Id, duplicates, duplicateCount, header.Warnings, ct);
        await target.AttachAsync(conn, ct);

        await PinPatientKeyAsync(conn, ct);
        var slices = await Slices.SupersedeAsync(conn, source, deliveryId, counted, ct);
        await target.AnalyzeAsync(conn, ct);
        var loaded = clock.Elapsed;
        await engine.RecomputeAfterDeliveryAsync(conn, source, deliveryId, slices.FirstMonth, slices.LastMonth, ct);
        await delivery.CompleteAsync(conn, deliveryId, rows, outOfCounty, slices.Superseded, header.Warnings,
            loaded, clock.Elapsed - loaded, ct);
        await Audit.WriteAsync(conn, delivery.Request.Actor, "import", delivery.FileName,
            new { delivery = deliveryId, source = source.Id, rows, dryRun = delivery.Request.DryRun, kommunkod = delivery.Request.Scope.Kommunkod }, ct);

        if (delivery.Request.DryRun) await tx.RollbackAsync(ct);
        else await tx.CommitAsync(ct);
        return new ImportOutcome
        {
            FileName = delivery.FileName, Status = ImportStatus.Accepted, SourceId = source.Id,
            DeliveryId = delivery.Request.DryRun ? null : deliveryId, Rows = rows, SlicesCovered = slices.Covered,
            SlicesSuperseded = slices.Superseded, OutOfCounty = outOfCounty, Warnings = header.Warnings,
            DryRun = delivery.Request.DryRun,
        };
    }

    private static async Task<ImportOutcome> RollbackAndRejectAsync(NpgsqlTransaction tx, NpgsqlConnection conn,
        DeliveryRecord delivery, string sourceId, IReadOnlyList<ImportError> errors, int errorCount,
        IReadOnlyList<string> warnings, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        return await RejectAsync(conn, delivery, sourceId, errors, errorCount, warnings, ct);
    }

    /// <summary>A refused file is kept in the delivery history with its error report; its rows are not.</summary>
    private static async Task<ImportOutcome> RejectAsync(NpgsqlConnection conn, DeliveryRecord delivery, string? sourceId,
        IReadOnlyList<ImportError> errors, int errorCount, IReadOnlyList<string> warnings, CancellationToken ct)
    {
        if (!delivery.Request.DryRun)
        {
            await delivery.InsertRejectedAsync(conn, sourceId ?? "okänd", errors, errorCount, warnings, ct);
            await Audit.WriteAsync(conn, delivery.Request.Actor, "import-avvisad", delivery.FileName,
                new { source = sourceId, errors = errorCount, kommunkod = delivery.Request.Scope.Kommunkod }, ct);
        }
        return new ImportOutcome
        {
            FileName = delivery.FileName, Status = ImportStatus.Rejected, SourceId = sourceId, ErrorCount = errorCount,
            Errors = errors, Warnings = warnings, DryRun = delivery.Request.DryRun,
        };
    }

    private sealed record AcceptedDelivery(long Id, string Source, DateTimeOffset At);

    private static ImportOutcome Unchanged(string fileName, AcceptedDelivery same) => new()
    {
        FileName = fileName, Status = ImportStatus.Unchanged, SourceId = same.Source,
        SameAsDelivery = same.Id, SameImportedAt = same.At,
    };

    /// <summary>
    /// The first accepted delivery of the same content that the scope could have delivered itself: for a
    /// municipality, one with no slice of another area. A file with such slices would be rejected row by row in
    /// that scope, and so it is: it is not reported as unchanged.
    /// </summary>
    private static async Task<AcceptedDelivery?> FindAcceptedAsync(NpgsqlConnection conn, string sha256, ImportScope scope,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT d.id, d.source, d.imported_at FROM deliveries d
            WHERE d.sha256 = $1 AND d.status = 'accepted'
              AND ($2::text IS NULL OR NOT EXISTS (SELECT 1 FROM delivery_slices s WHERE s.delivery_id = d.id AND s.kommunkod <> $2))
            ORDER BY d.id LIMIT 1
            """, conn)
        { Parameters = { new() { Value = sha256 }, new() { Value = (object?)scope.Kommunkod ?? DBNull.Value } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new AcceptedDelivery(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)) : null;
    }

    /// <summary>Refuses a key other than the one the database's stored hashes were made with.</summary>
    private async Task CheckPatientKeyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var stored = (string?)await Sql.ScalarAsync(conn, "SELECT fingerprint FROM patient_key_fingerprint", ct);
        if (stored is not null && stored != patientIds.Fingerprint)
            throw new ImportSetupException(
                "Nyckeln för patientidentiteter (OMTANKE_PATIENT_KEY) är inte den som databasen tidigare importerades med. " +
                "Samma person skulle då få olika hash i olika filer. Använd den ursprungliga nyckeln.");
    }

    /// <summary>
    /// Records the key with the first delivery that stores hashes, in that delivery's transaction, so that a
    /// rejected file or a dry run leaves no trace; a concurrent first import with another key waits and is refused.
    /// </summary>
    private async Task PinPatientKeyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await Sql.ExecAsync(conn, "INSERT INTO patient_key_fingerprint (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING",
            ct, patientIds.Fingerprint);
        await CheckPatientKeyAsync(conn, ct);
    }

    /// <summary>The delivery row: inserted first so facts can point at it, completed when the load succeeds.</summary>
    private sealed class DeliveryRecord(string fileName, FileFingerprint fingerprint, ImportRequest request)
    {
        public string FileName { get; } = fileName;
        public long SizeBytes => fingerprint.Size;
        public string Sha256 => fingerprint.Sha256;
        public ImportRequest Request { get; } = request;
        public string Format { get; set; } = fingerprint.Kind.ToString().ToLowerInvariant();

        public async Task<long> InsertAsync(NpgsqlConnection conn, string source, CancellationToken ct) =>
            (long)(await Sql.ScalarAsync(conn, """
                INSERT INTO deliveries (source, file_name, sha256, size_bytes, format, status, imported_by, imported_via)
                VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $7) RETURNING id
                """, ct, source, FileName, fingerprint.Sha256, fingerprint.Size, Format, Request.Actor, Request.Via))!;

        public Task CompleteAsync(NpgsqlConnection conn, long id, int rows, int outOfCounty, int superseded,
            IReadOnlyList<string> warnings, TimeSpan load, TimeSpan recompute, CancellationToken ct) =>
            Sql.ExecAsync(conn, """
                UPDATE deliveries SET row_count = $2, out_of_county = $3, slices_superseded = $4, warnings = $5::jsonb,
                                      load_ms = $6, recompute_ms = $7
                WHERE id = $1
                """, ct, id, rows, outOfCounty, superseded, JsonSerializer.Serialize(warnings),
                (int)load.TotalMilliseconds, (int)recompute.TotalMilliseconds);

        public Task InsertRejectedAsync(NpgsqlConnection conn, string source, IReadOnlyList<ImportError> errors,
            int errorCount, IReadOnlyList<string> warnings, CancellationToken ct) =>
            Sql.ExecAsync(conn, """
                INSERT INTO deliveries (source, file_name, sha256, size_bytes, format, status, error_count, errors, warnings,
                                        imported_by, imported_via)
                VALUES ($1, $2, $3, $4, $5, 'rejected', $6, $7::jsonb, $8::jsonb, $9, $10)
                """, ct, source, FileName, fingerprint.Sha256, fingerprint.Size, Format, errorCount,
                JsonSerializer.Serialize(errors), JsonSerializer.Serialize(warnings), Request.Actor, Request.Via);
    }
}
