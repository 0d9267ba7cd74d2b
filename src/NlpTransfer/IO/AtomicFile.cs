namespace NlpTransfer.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder that is renamed into place, so that a reader never
/// sees a half-written file and a failed write leaves the previous file as it was.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a new temporary file beside <paramref name="path"/>, then renames it over
    /// <paramref name="path"/>. On any exception the temporary file is deleted and the exception propagates.
    /// </summary>
    /// <param name="path">The destination; its folder must exist unless <paramref name="createDirectory"/> is set.</param>
    /// <param name="write">Writes the whole content; must not dispose the stream.</param>
    /// <param name="createDirectory">Create the destination's folder first.</param>
    /// <param name="flushToDisk">Flush the OS buffers to disk before the rename (durable files; off for caches).</param>
    public static void Write(string path, Action<FileStream> write, bool createDirectory = false, bool flushToDisk = true)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        if (createDirectory)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = Path.Combine(
            directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
