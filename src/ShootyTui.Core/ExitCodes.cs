namespace ShootyTui.Core;

/// <summary>
/// Process exit codes that scripts and cron jobs rely on.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int ManualActionNeeded = 3;
    public const int UpdatesPending = 10;
    public const int Deferred = 11;
}
