namespace ShootyTui.Core.Git;

/// <summary>
/// Outcome of a fetch: the remote-tracking branch before and after it.
/// </summary>
/// <param name="PreviousTip">Full hash the remote-tracking branch had before the fetch, or null
/// when this checkout had never fetched the branch.</param>
/// <param name="Tip">Full hash of the remote branch after the fetch.</param>
/// <param name="Changed">True when <paramref name="Tip"/> differs from
/// <paramref name="PreviousTip"/>.</param>
public sealed record FetchResult(string? PreviousTip, string Tip, bool Changed);
