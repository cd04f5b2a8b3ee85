using System.IO.Compression;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// The draft page's rich-text editor as the browser downloads it (wwwroot/lib/body-editor, bundled by the App's build):
/// its size minified and gzip-compressed, the way the app serves it. Loaded only by the pages that edit a body.
/// </summary>
public sealed class EditorAssetBenchmarks : IBenchmarkGroup
{
    public string Name => "Editor assets";

    public Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppFolder(), "wwwroot", "lib", "body-editor");
        var rows = new List<BenchmarkRow>();
        foreach (var file in new[] { "body-editor.js", "body-editor.css" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            var compressed = Gzip(bytes);
            log($"{file}: {bytes.Length} bytes, {compressed} gzip");
            rows.Add(new BenchmarkRow($"Draft editor {file} (loaded on the draft page only), gzip", compressed, "bytes",
                "minified, uncompressed", bytes.Length, "reported", null));
        }
        return Task.FromResult<IReadOnlyList<BenchmarkRow>>(rows);
    }

    private static long Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return output.Length;
    }

    private static string AppFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "PartyAffairs.App");
            if (Directory.Exists(Path.Combine(candidate, "wwwroot"))) return candidate;
        }
        throw new DirectoryNotFoundException("PartyAffairs.App/wwwroot above the test output");
    }
}
