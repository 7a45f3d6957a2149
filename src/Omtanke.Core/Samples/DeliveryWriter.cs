namespace Omtanke.Core.Samples;

/// <summary>
/// One file of the sample deliveries: which months it covers, how it is written, and how an item of the
/// source becomes its row (null: the item is not in this file, e.g. another municipality's).
/// </summary>
internal sealed record DeliveryFile<T>(string Path, SampleTable Table, SampleFormat Format, DateOnly First, DateOnly Last,
    Func<T, object?[]?> Row)
{
    public string RelativePath => Path + Format.Extension;
    public bool Covers(DateOnly month) => month >= First && month <= Last;
}

/// <summary>A file the generator wrote.</summary>
public sealed record WrittenFile(string RelativePath, string SourceId, int Rows, string Format);

/// <summary>
/// Writes a stream of items, in order of their reference month, to every delivery file that covers
/// the month: a monthly file, a back-fill of many months, a correction. A file is opened at its first
/// row and closed as soon as the stream has passed its last month, so only the files of the current
/// months are open.
/// </summary>
internal sealed class DeliveryWriter<T>(string directory, IEnumerable<DeliveryFile<T>> files) : IDisposable
{
    private readonly List<DeliveryFile<T>> _files = files.ToList();
    private readonly Dictionary<DeliveryFile<T>, ITableSink> _open = [];
    private readonly List<WrittenFile> _written = [];

    public IReadOnlyList<WrittenFile> Written => _written;

    public void Write(T item, DateOnly month)
    {
        foreach (var passed in _open.Keys.Where(f => f.Last < month).ToList()) Close(passed);
        foreach (var file in _files)
        {
            if (!file.Covers(month) || file.Row(item) is not { } row) continue;
            if (!_open.TryGetValue(file, out var sink)) _open[file] = sink = Open(file);
            sink.Write(row);
        }
    }

    private ITableSink Open(DeliveryFile<T> file)
    {
        var path = System.IO.Path.Combine(directory, file.RelativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return file.Format.Excel
            ? new XlsxSink(path, file.Table, file.Format)
            : new CsvSink(new StreamWriter(path, false, file.Format.Encoding, 1 << 16), file.Table, file.Format, ownsWriter: true);
    }

    private void Close(DeliveryFile<T> file)
    {
        var sink = _open[file];
        sink.Dispose();
        _open.Remove(file);
        _written.Add(new WrittenFile(file.RelativePath, file.Table.SourceId, sink.Rows, file.Format.Describe()));
    }

    public void Dispose()
    {
        foreach (var file in _open.Keys.ToList()) Close(file);
    }
}
