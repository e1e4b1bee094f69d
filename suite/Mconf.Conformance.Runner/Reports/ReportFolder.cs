using System.Runtime.InteropServices;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Writes a run's four reports into <c>&lt;root&gt;/&lt;run-id&gt;/</c> and points <c>&lt;root&gt;/latest</c>
/// at that folder: a relative symlink, swapped in by rename so a reader never sees it missing, or, where
/// symlinks cannot be made, a plain file holding the run id.</summary>
public static partial class ReportFolder
{
    public const string LatestName = "latest";

    public static string Write(ResultsDocument document, string root)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(root);
        var folder = Path.GetFullPath(Path.Combine(root, document.RunId));
        Directory.CreateDirectory(folder);
        ResultsJsonWriter.Write(document, Path.Combine(folder, ResultsJsonWriter.FileName));
        JUnitWriter.Write(document, Path.Combine(folder, JUnitWriter.FileName));
        HtmlReportWriter.Write(document, Path.Combine(folder, HtmlReportWriter.FileName));
        MarkdownSummaryWriter.Write(document, Path.Combine(folder, MarkdownSummaryWriter.FileName));
        PointLatest(Path.GetFullPath(root), document.RunId);
        return folder;
    }

    /// <summary>The run folder <c>latest</c> designates (symlink or id file), or null.</summary>
    public static string? ResolveLatest(string root)
    {
        var latest = Path.Combine(root, LatestName);
        if (Directory.Exists(latest))
        {
            return latest;
        }

        if (File.Exists(latest))
        {
            var runId = File.ReadAllText(latest).Trim();
            var folder = Path.Combine(root, runId);
            return runId.Length > 0 && Directory.Exists(folder) ? folder : null;
        }

        return null;
    }

    private static void PointLatest(string root, string runId)
    {
        var latest = Path.Combine(root, LatestName);
        if (Directory.Exists(latest) && new DirectoryInfo(latest).LinkTarget is null)
        {
            return; // a real folder called "latest" is someone's data: leave it alone
        }

        var temporary = Path.Combine(root, $".{LatestName}-{runId}");
        try
        {
            DeleteLink(temporary);
            File.CreateSymbolicLink(temporary, runId);
            if (OperatingSystem.IsWindows())
            {
                DeleteLink(latest);
                File.Move(temporary, latest);
            }
            else if (Rename(temporary, latest) != 0)
            {
                // File.Move refuses a link to a folder, hence rename(2), which also swaps the link atomically.
                throw new IOException($"rename failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            DeleteLink(temporary);
            DeleteLink(latest);
            File.WriteAllText(latest, runId + "\n");
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    private static void DeleteLink(string path)
    {
        // A FileInfo deletes the link itself, whether it points at a folder, a file or nothing.
        var info = new FileInfo(path);
        if (info.Exists || info.LinkTarget is not null)
        {
            info.Delete();
        }
    }
}
