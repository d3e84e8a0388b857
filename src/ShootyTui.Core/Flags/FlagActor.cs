namespace ShootyTui.Core.Flags;

/// <summary>Who changed a flag, as recorded in the audit.</summary>
public enum FlagActor
{
    Tui,
    Cli,
    Webhook,
}
