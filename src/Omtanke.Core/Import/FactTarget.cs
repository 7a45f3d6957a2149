using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Import;

/// <summary>
/// The table an import's COPY writes a delivery's rows to. A source <see cref="SourceDefinition.PartitionedByDelivery"/>
/// gets a new partition for each delivery, created in the import's transaction without indexes and attached to the fact
/// table once loaded: PostgreSQL writes no WAL for the rows of a table created in the same transaction (the embedded
/// cluster runs with wal_level minimal) and builds its indexes in one pass at the ATTACH instead of row by row. Attached,
/// the rows are in the fact table for every statement that follows; a refused file's partition is rolled back with it.
/// Any other source's rows go straight into its fact table.
/// </summary>
public sealed class FactTarget
{
    private readonly SourceDefinition _source;
    private readonly long _deliveryId;

    private FactTarget(SourceDefinition source, long deliveryId, string table)
    {
        _source = source;
        _deliveryId = deliveryId;
        Table = table;
    }

    public string Table { get; }

    public static async Task<FactTarget> CreateAsync(NpgsqlConnection conn, SourceDefinition source, long deliveryId,
        CancellationToken ct)
    {
        var table = source.PartitionedByDelivery
            ? (string)(await Sql.ScalarAsync(conn, $"SELECT {source.FactTable}_delivery_table($1)", ct, deliveryId))!
            : source.FactTable;
        return new FactTarget(source, deliveryId, table);
    }

    /// <summary>Makes the loaded rows part of the fact table (a partition's CHECK is its bound, so nothing is scanned but for its indexes).</summary>
    public Task AttachAsync(NpgsqlConnection conn, CancellationToken ct) => _source.PartitionedByDelivery
        ? Sql.ExecAsync(conn, $"ALTER TABLE {_source.FactTable} ATTACH PARTITION {Table} FOR VALUES IN ({_deliveryId})", ct)
        : Task.CompletedTask;

    /// <summary>
    /// Fresh statistics of the rows loaded, before the recompute plans its joins: without them a first large delivery
    /// looks empty to the planner, which then picks nested loops over what are really millions of rows. Of a partitioned
    /// table only the leaves that took the rows, whose statistics the planner reads for each scan: the parent's ANALYZE
    /// samples every partition again (2.2 s for 10.9 M visits, against 1.0–1.3 s for their partitions) and without its
    /// statistics the refresh's plans stayed the same. A table that is not partitioned has no partition tree at all.
    /// </summary>
    public async Task AnalyzeAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var leaves = (string)(await Sql.ScalarAsync(conn,
            "SELECT coalesce(string_agg(relid::regclass::text, ', '), $1) FROM pg_partition_tree($1::regclass) WHERE isleaf", ct, Table))!;
        await Sql.ExecAsync(conn, $"ANALYZE {leaves}", ct);
    }
}
