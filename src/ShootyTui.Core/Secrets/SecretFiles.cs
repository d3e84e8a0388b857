namespace ShootyTui.Core.Secrets;

/// <summary>Overwrites and deletes files that held plaintext, and finds a tmpfs for them.</summary>
public static class SecretFiles
{
    /// <summary>
    /// Overwrites the file with zeros, flushes it to the device, then deletes it.
    /// </summary>
    /// <remarks>
    /// NOTE: on copy-on-write or journaling file systems, and on flash with wear levelling, the
    /// old blocks may survive an overwrite. Only a tmpfs keeps plaintext off the disk.
    /// </remarks>
    public static void Wipe(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            var zeros = new byte[8192];
            var remaining = stream.Length;
            while (remaining > 0)
            {
                var count = (int)Math.Min(zeros.Length, remaining);
                stream.Write(zeros, 0, count);
                remaining -= count;
            }

            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }

    /// <summary>
    /// Returns a tmpfs folder for short-lived plaintext: <c>$XDG_RUNTIME_DIR</c>, else
    /// <c>/dev/shm</c>, whichever is a tmpfs.
    /// </summary>
    /// <exception cref="SecretsException">Neither is a tmpfs.</exception>
    public static string MemoryDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        var candidates = new List<string>();
        if (environment.GetValueOrDefault("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
        {
            candidates.Add(runtime);
        }

        candidates.Add("/dev/shm");
        foreach (var candidate in candidates)
        {
            if (Directory.Exists(candidate) && IsTmpfs(candidate))
            {
                return candidate;
            }
        }

        throw new SecretsException(
            $"none of {string.Join(", ", candidates)} is a tmpfs, so plaintext would reach "
                + "persistent storage; mount /dev/shm or set XDG_RUNTIME_DIR to a tmpfs"
        );
    }

    /// <summary>
    /// Whether <paramref name="path"/> lies on a tmpfs or ramfs, read from the longest
    /// matching mount point in <c>/proc/self/mounts</c>.
    /// </summary>
    public static bool IsTmpfs(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        var bestLength = -1;
        var bestType = "";
        foreach (var line in File.ReadLines("/proc/self/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 3)
            {
                continue;
            }

            var mountPoint = fields[1].Replace("\\040", " ").TrimEnd('/') + "/";
            if (
                full.StartsWith(mountPoint, StringComparison.Ordinal)
                && mountPoint.Length >= bestLength
            )
            {
                bestLength = mountPoint.Length;
                bestType = fields[2];
            }
        }

        return bestType is "tmpfs" or "ramfs";
    }
}
