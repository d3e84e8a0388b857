namespace ShootyTui.Core;

/// <summary>Path checks shared by the configuration and the slot layout.</summary>
internal static class FolderPaths
{
    /// <summary>
    /// Returns whether <paramref name="path"/> is <paramref name="folder"/> or lies below it,
    /// comparing the paths as written (links are not resolved).
    /// </summary>
    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(path));
        return relative != ".."
            && !relative.StartsWith("../", StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }
}
